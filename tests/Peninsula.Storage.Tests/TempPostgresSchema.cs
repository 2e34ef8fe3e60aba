using Npgsql;

namespace Peninsula.Storage.Tests;

/// <summary>
/// A uniquely named schema on the test server (<see cref="PostgresServer"/>), dropped with everything in it on
/// dispose, so tests run in parallel and leave nothing behind. <see cref="Target"/> puts it first on the search
/// path and names it as the application, so a test can find its own server sessions.
/// </summary>
public sealed class TempPostgresSchema : TestDatabase
{
    private readonly string _server;

    public TempPostgresSchema()
    {
        _server = PostgresServer.Require();
        Schema = $"peninsula_test_{Guid.NewGuid():N}";
        ExecuteOn(_server, $"CREATE SCHEMA {Schema}");
        Target = new NpgsqlConnectionStringBuilder(_server) { SearchPath = Schema, ApplicationName = Schema }.ConnectionString;
    }

    /// <summary>The schema's name: <c>peninsula_test_</c> and 32 hex digits.</summary>
    public string Schema { get; }

    /// <summary>The server's connection string with this schema first on the search path.</summary>
    public override string Target { get; }

    /// <summary>The server's connection string as given, for tests that need another database or schema.</summary>
    public string Server => _server;

    public override PostgresRunStore OpenStore(StoreAccess access = StoreAccess.ReadWrite) => new(Target, access);

    public override PostgresEventBase OpenEventBase(StoreAccess access = StoreAccess.ReadWrite) => new(Target, access);

    public override object? Scalar(string sql)
    {
        using var connection = Open(Target);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Widen(command.ExecuteScalar());
    }

    public override void Execute(string sql) => ExecuteOn(Target, sql);

    /// <summary>Ends every server session of this schema's stores (as a server restart or network failure would), waiting until they are gone.</summary>
    public int TerminateStoreSessions() => Convert.ToInt32(Scalar(
        $"SELECT COUNT(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity WHERE application_name = '{Schema}' AND pid <> pg_backend_pid()"),
        System.Globalization.CultureInfo.InvariantCulture);

    protected override void Drop() => ExecuteOn(_server, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void ExecuteOn(string connectionString, string sql)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
