using Npgsql;

namespace Peninsula.Storage.Tests;

/// <summary>
/// <see cref="PostgresRunStore"/>: the run-store contract (<see cref="RunStoreContract{TDatabase}"/>) on the test
/// server, each test in a schema of its own, and what is particular to a server (types, several clients, lost
/// connections, unknown databases).
/// </summary>
public sealed class PostgresRunStoreTests : RunStoreContract<TempPostgresSchema>, IRequiresPostgres
{
    protected override string ReadOnlyWording => "read-only";

    protected override Type ProviderExceptionType => typeof(NpgsqlException);

    [StoreFact]
    public void Constructor_NewSchema_CreatesTablesWithServerTypes()
    {
        using var store = Database.OpenStore();

        var types = ColumnTypes("runs", "batches");

        Assert.Equal("text", types["runs.seed"]);
        Assert.Equal("bigint", types["runs.created_order"]);
        Assert.Equal("text", types["runs.forecast_json"]);
        Assert.Equal("bytea", types["batches.payload"]);
        Assert.Equal("bigint", types["batches.batch_index"]);
    }

    [StoreFact]
    public void Constructor_NewSchema_HistTablesHoldIntegersAsBigintAndRealsAsDouble()
    {
        using var store = Database.OpenStore();

        var types = ColumnTypes("hist_missile_launches", "hist_nuclear_tests");

        Assert.Equal("double precision", types["hist_missile_launches.max_distance_km"]);
        Assert.Equal("double precision", types["hist_nuclear_tests.body_wave_magnitude"]);
        Assert.Equal("bigint", types["hist_missile_launches.in_cns"]);
        Assert.All(types.Values, type => Assert.Contains(type, new[] { "bigint", "double precision", "text" }));
    }

    [StoreFact]
    public void Constructor_SeveralClientsOpenFreshSchemaAtOnce_MigrateOnce()
    {
        var stores = new IRunStore[4];

        Parallel.For(0, stores.Length, i => stores[i] = Database.OpenStore());
        foreach (var store in stores)
            store.Dispose();

        Assert.Equal((long)SchemaMigrations.All.Count, Database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [StoreFact]
    public void EnsureRun_TwoClientsAtOnce_GiveEveryRunItsOwnPlace()
    {
        using var first = Database.OpenStore();
        using var second = Database.OpenStore();

        Parallel.For(0, 40, i => (i % 2 == 0 ? first : second).EnsureRun(Manifests.Sample($"run-{i:D2}")));

        Assert.Equal(40, first.ListRuns().Count);
        Assert.Equal(40L, Database.Scalar("SELECT COUNT(DISTINCT created_order) FROM runs"));
        Assert.Equal(first.ListRuns(), second.ListRuns());
    }

    [StoreFact]
    public void SaveBatch_TwoClientsSameBatch_KeepOneRow()
    {
        using var first = Database.OpenStore();
        using var second = Database.OpenStore();
        first.EnsureRun(Manifests.Sample());

        Parallel.For(0, 64, i => (i % 2 == 0 ? first : second).SaveBatch("run-a", i % 8, [(byte)i]));

        Assert.Equal(8L, Database.Scalar("SELECT COUNT(*) FROM batches"));
        Assert.Equal(Enumerable.Range(0, 8), second.CommittedBatches("run-a").Order());
    }

    [StoreFact]
    public void FindRun_AfterServerDroppedTheConnection_FailsOnceThenReconnects()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        Assert.Equal(1, Database.TerminateStoreSessions());

        var error = Assert.Throws<StorageException>(() => store.FindRun("run-a"));
        Assert.Contains("reading run run-a", error.Message, StringComparison.Ordinal);
        Assert.Equal(Manifests.Sample(), store.FindRun("run-a"));
    }

    [StoreFact]
    public void Constructor_UnknownDatabase_ThrowsOneLineStorageException()
    {
        var target = new NpgsqlConnectionStringBuilder(Database.Server) { Database = "peninsula_no_such_database" }.ConnectionString;

        var error = Assert.Throws<StorageException>(() => new PostgresRunStore(target));

        Assert.Contains("Database=peninsula_no_such_database", error.Message, StringComparison.Ordinal);
        Assert.Contains("connecting to the server failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [StoreFact]
    public void Constructor_SearchPathNamesNoSchema_ThrowsStorageException()
    {
        var target = new NpgsqlConnectionStringBuilder(Database.Target) { SearchPath = Database.Schema + "_missing" }.ConnectionString;

        var error = Assert.Throws<StorageException>(() => new PostgresRunStore(target));

        Assert.Contains("preparing the schema", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Open_ConnectionString_OpensPostgresStoreInThatSchema()
    {
        using (var store = RunStores.Open(Database.Target))
        {
            Assert.IsType<PostgresRunStore>(store);
            store.EnsureRun(Manifests.Sample());
        }

        Assert.Equal(1L, Database.Scalar($"SELECT COUNT(*) FROM {Database.Schema}.runs"));
    }

    [StoreFact]
    public void Open_UriWithPassword_ConnectsAndNamesTheDatabaseWithoutIt()
    {
        var server = new NpgsqlConnectionStringBuilder(Database.Target);
        var uri = $"postgresql://{server.Username}:not-needed-with-trust@{server.Host}:{server.Port}/{server.Database}" +
            $"?search_path={Database.Schema}&application_name={Database.Schema}";

        using var store = Assert.IsType<PostgresRunStore>(RunStores.Open(uri));

        Assert.StartsWith("postgres Host=", store.Target, StringComparison.Ordinal);
        Assert.Contains($"Search Path={Database.Schema}", store.Target, StringComparison.Ordinal);
        Assert.DoesNotContain("not-needed", store.Target, StringComparison.Ordinal);
        store.EnsureRun(Manifests.Sample());
        Assert.Single(store.ListRuns());
    }

    private Dictionary<string, string> ColumnTypes(params string[] tables)
    {
        var types = new Dictionary<string, string>();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Database.Target) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = @schema AND table_name = ANY(@tables)";
        command.Parameters.AddWithValue("schema", Database.Schema);
        command.Parameters.AddWithValue("tables", tables);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            types[$"{reader.GetString(0)}.{reader.GetString(1)}"] = reader.GetString(2);
        return types;
    }
}
