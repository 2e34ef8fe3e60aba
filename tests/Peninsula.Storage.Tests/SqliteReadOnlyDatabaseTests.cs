namespace Peninsula.Storage.Tests;

/// <summary>
/// A SQLite database that SQLite opened read-only, as it does for a file on a read-only mount or without write
/// permission (simulated with a <c>file:…?mode=ro</c> URI, because tests run as root): reads work, and every write
/// fails with a one-line <see cref="StorageFailure.ReadOnly"/> error naming the database, changing nothing.
/// </summary>
public sealed class SqliteReadOnlyDatabaseTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private string ReadOnlyUri => $"file:{_database.Path}?mode=ro";

    [Fact]
    public void Open_ReadOnlyUri_ReadsStoredRuns()
    {
        StoreRun();

        using var store = RunStores.Open(ReadOnlyUri);

        Assert.Equal(Manifests.Sample(), store.FindRun("run-a"));
        Assert.Equal([7], store.LoadBatch("run-a", 0));
    }

    [Fact]
    public void EnsureRun_ReadOnlyUri_ThrowsReadOnly_NamingTheDatabase()
    {
        StoreRun();
        using var store = RunStores.Open(ReadOnlyUri);

        var error = Assert.Throws<StorageException>(() => store.EnsureRun(Manifests.Sample("run-b")));

        Assert.Equal(StorageFailure.ReadOnly, error.Failure);
        Assert.Equal(
            $"Storage error in '{ReadOnlyUri}': recording run run-b failed: the database is read-only (SQLite Error 8: 'attempt to write a readonly database'); nothing was written to it",
            error.Message);
    }

    [Fact]
    public void SaveBatch_ReadOnlyUri_ThrowsReadOnly_AndChangesNothing()
    {
        StoreRun();
        using (var store = RunStores.Open(ReadOnlyUri))
        {
            Assert.Equal(StorageFailure.ReadOnly, Assert.Throws<StorageException>(() => store.SaveBatch("run-a", 1, [1])).Failure);
            Assert.Equal(StorageFailure.ReadOnly, Assert.Throws<StorageException>(() => store.CompleteRun("run-a", "{}")).Failure);
        }

        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM batches"));
        Assert.Equal(0L, _database.Scalar("SELECT completed FROM runs"));
        Assert.Equal("ok", _database.Scalar("PRAGMA integrity_check"));
    }

    [Fact]
    public void EnsureRun_ReadOnlyAccess_ThrowsReadOnly()
    {
        StoreRun();
        using var store = RunStores.Open(_database.Path, StoreAccess.ReadOnly);

        Assert.Equal(StorageFailure.ReadOnly, Assert.Throws<StorageException>(() => store.EnsureRun(Manifests.Sample("run-b"))).Failure);
    }

    private void StoreRun()
    {
        using var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        store.SaveBatch("run-a", 0, [7]);
    }
}
