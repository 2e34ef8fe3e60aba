namespace Peninsula.Storage.Tests;

public sealed partial class SqliteRunStoreTests
{
    [Fact]
    public void Constructor_ReopenAfterDispose_KeepsRunsBatchesAndForecast()
    {
        var manifest = Manifests.Sample(seed: ulong.MaxValue);
        using (var store = _database.OpenStore())
        {
            store.EnsureRun(manifest);
            store.SaveBatch("run-a", 0, [1, 2]);
            store.SaveBatch("run-a", 1, [3]);
            store.CompleteRun("run-a", "{}");
        }

        using var reopened = _database.OpenStore();

        Assert.Equal(manifest, reopened.FindRun("run-a"));
        Assert.Equal([0, 1], reopened.CommittedBatches("run-a").Order());
        Assert.Equal([1, 2], reopened.LoadBatch("run-a", 0));
        Assert.Equal("{}", reopened.LoadForecast("run-a"));
    }

    [Fact]
    public void SaveBatch_WhileStoreOpen_IsVisibleToAnotherConnection()
    {
        // A commit that another connection can read is in the WAL file, not in this process's memory,
        // so it survives the process being killed before Dispose.
        using var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.SaveBatch("run-a", 5, [42]);

        Assert.Equal(1L, _database.Scalar("SELECT COUNT(*) FROM batches WHERE run_id = 'run-a' AND batch_index = 5"));
    }

    [Fact]
    public void Constructor_NewFile_UsesWalJournal()
    {
        using var store = _database.OpenStore();

        Assert.Equal("wal", _database.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void Dispose_AfterWrites_ReleasesFileAndCheckpointsWal()
    {
        var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        store.SaveBatch("run-a", 0, [1]);

        store.Dispose();

        // SQLite removes the WAL only when the last connection to the file closes.
        Assert.False(_database.SideFileExists("-wal"));
    }

    [Fact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var store = _database.OpenStore();

        store.Dispose();
        store.Dispose();
    }

    [Fact]
    public void FindRun_AfterDispose_ThrowsObjectDisposed()
    {
        var store = _database.OpenStore();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.FindRun("run-a"));
    }

    [Fact]
    public void IntegrityCheck_AfterWrites_ReturnsOk()
    {
        using (var store = _database.OpenStore())
        {
            for (var r = 0; r < 5; r++)
            {
                var runId = $"run-{r}";
                store.EnsureRun(Manifests.Sample(runId));
                for (var b = 0; b < 20; b++)
                    store.SaveBatch(runId, b, new byte[1000 + b]);
                store.CompleteRun(runId, "{}");
            }
        }

        Assert.Equal("ok", _database.Scalar("PRAGMA integrity_check"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }
}
