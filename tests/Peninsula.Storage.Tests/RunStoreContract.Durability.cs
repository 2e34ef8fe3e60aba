namespace Peninsula.Storage.Tests;

public abstract partial class RunStoreContract<TDatabase>
{
    [StoreFact]
    public void Constructor_ReopenAfterDispose_KeepsRunsBatchesAndForecast()
    {
        var manifest = Manifests.Sample(seed: ulong.MaxValue);
        using (var store = Database.OpenStore())
        {
            store.EnsureRun(manifest);
            store.SaveBatch("run-a", 0, [1, 2]);
            store.SaveBatch("run-a", 1, [3]);
            store.CompleteRun("run-a", "{}");
        }

        using var reopened = Database.OpenStore();

        Assert.Equal(manifest, reopened.FindRun("run-a"));
        Assert.Equal([0, 1], reopened.CommittedBatches("run-a").Order());
        Assert.Equal([1, 2], reopened.LoadBatch("run-a", 0));
        Assert.Equal("{}", reopened.LoadForecast("run-a"));
    }

    [StoreFact]
    public void SaveBatch_WhileStoreOpen_IsVisibleToAnotherConnection()
    {
        // A commit that another connection can read is durable in the database (SQLite: in the WAL file), not in
        // this process's memory, so it survives the process being killed before Dispose.
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.SaveBatch("run-a", 5, [42]);

        Assert.Equal(1L, Database.Scalar("SELECT COUNT(*) FROM batches WHERE run_id = 'run-a' AND batch_index = 5"));
    }

    [StoreFact]
    public void Dispose_Twice_DoesNotThrow()
    {
        var store = Database.OpenStore();

        store.Dispose();
        store.Dispose();
    }

    [StoreFact]
    public void FindRun_AfterDispose_ThrowsObjectDisposed()
    {
        var store = Database.OpenStore();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.FindRun("run-a"));
    }
}
