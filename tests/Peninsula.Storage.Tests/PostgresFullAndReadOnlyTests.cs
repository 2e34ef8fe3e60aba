using Npgsql;

namespace Peninsula.Storage.Tests;

/// <summary>
/// PostgreSQL's disk-full (<c>53100</c>) and read-only (<c>25006</c>) errors become one-line
/// <see cref="StorageException"/>s of kind <see cref="StorageFailure.DatabaseFull"/> and <see cref="StorageFailure.ReadOnly"/>
/// naming the server without its password; what was committed before is kept. A full disk is simulated by a trigger
/// raising the server's own <c>disk_full</c> error, a read-only server (a hot standby) by a read-only session.
/// </summary>
public sealed class PostgresFullAndReadOnlyTests : IRequiresPostgres, IDisposable
{
    private readonly TempPostgresSchema _database = new();

    public void Dispose() => _database.Dispose();

    [StoreFact]
    public void SaveBatch_ServerDiskFull_ThrowsDatabaseFull_AndKeepsCommittedBatches()
    {
        using var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        store.SaveBatch("run-a", 0, [1, 2, 3]);
        _database.Execute(
            "CREATE FUNCTION refuse_batch() RETURNS trigger LANGUAGE plpgsql AS " +
            "$$BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END$$");
        _database.Execute("CREATE TRIGGER refuse_batch BEFORE INSERT ON batches FOR EACH ROW EXECUTE FUNCTION refuse_batch()");

        var error = Assert.Throws<StorageException>(() => store.SaveBatch("run-a", 1, [4]));

        Assert.Equal(StorageFailure.DatabaseFull, error.Failure);
        Assert.StartsWith(
            $"Storage error in '{_database.Display}': saving batch 1 of run run-a failed: the database is full (53100: could not extend file: No space left on device",
            error.Message, StringComparison.Ordinal);
        Assert.EndsWith("this write was rolled back, everything committed before it is kept", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal([0], store.CommittedBatches("run-a"));

        _database.Execute("DROP TRIGGER refuse_batch ON batches");
        store.SaveBatch("run-a", 1, [4]);
        Assert.Equal([0, 1], store.CommittedBatches("run-a").Order());
    }

    [StoreFact]
    public void Open_ReadOnlyServer_ThrowsReadOnlyWhilePreparingTheSchema()
    {
        _database.OpenStore().Dispose();
        var readOnly = new NpgsqlConnectionStringBuilder(_database.Target) { Options = "-c default_transaction_read_only=on" }.ConnectionString;

        var error = Assert.Throws<StorageException>(() => RunStores.Open(readOnly));

        Assert.Equal(StorageFailure.ReadOnly, error.Failure);
        Assert.Contains("preparing the schema failed: the database is read-only (25006: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was written to it", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void EnsureRun_ReadOnlyAccess_ThrowsReadOnly_AndChangesNothing()
    {
        using (var writer = _database.OpenStore())
            writer.EnsureRun(Manifests.Sample());
        using var store = _database.OpenStore(StoreAccess.ReadOnly);

        var error = Assert.Throws<StorageException>(() => store.EnsureRun(Manifests.Sample("run-b")));

        Assert.Equal(StorageFailure.ReadOnly, error.Failure);
        Assert.Contains("recording run run-b failed: the database is read-only (25006: cannot execute ", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM runs"));
    }
}
