using CsCheck;

namespace Peninsula.Storage.Tests;

public abstract partial class RunStoreContract<TDatabase>
{
    [StoreFact]
    public void LoadBatch_AfterSaveBatch_ReturnsPayload()
    {
        byte[] payload = [1, 2, 3, 0, 255];
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.SaveBatch("run-a", 0, payload);

        Assert.Equal(payload, store.LoadBatch("run-a", 0));
    }

    [StoreFact]
    public void LoadBatch_ArbitraryPayload_RoundTrips()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        var index = 0;

        Gen.Byte.Array[0, 4096].Sample(payload =>
        {
            var batch = index++;
            store.SaveBatch("run-a", batch, payload);
            Assert.Equal(payload, store.LoadBatch("run-a", batch));
        }, iter: 200, threads: 1);
    }

    [StoreFact]
    public void SaveBatch_SameIndexTwice_KeepsFirstPayload()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.SaveBatch("run-a", 3, [10, 20]);
        store.SaveBatch("run-a", 3, [99, 99, 99]);

        Assert.Equal([10, 20], store.LoadBatch("run-a", 3));
        Assert.Equal(1L, Database.Scalar("SELECT COUNT(*) FROM batches"));
    }

    [StoreFact]
    public void SaveBatches_SeveralInOneTransaction_AllStoredAndDuplicatesIgnored()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        store.SaveBatch("run-a", 1, [7]);

        store.SaveBatches("run-a", [(0, [1, 2]), (1, [99]), (5, []), (2, [3])]);

        Assert.Equal([1, 2], store.LoadBatch("run-a", 0));
        Assert.Equal([7], store.LoadBatch("run-a", 1));
        Assert.Equal([], store.LoadBatch("run-a", 5)!);
        Assert.Equal([3], store.LoadBatch("run-a", 2));
        Assert.Equal(new[] { 0, 1, 2, 5 }, store.CommittedBatches("run-a").Order());
    }

    [StoreFact]
    public void SaveBatches_UnknownRun_StoresNothing()
    {
        using var store = Database.OpenStore();

        Assert.Throws<InvalidOperationException>(() => store.SaveBatches("missing", [(0, [1]), (1, [2])]));

        Assert.Equal(0L, Database.Scalar("SELECT COUNT(*) FROM batches"));
    }

    [StoreFact]
    public void SaveBatch_UnknownRun_ThrowsInvalidOperation()
    {
        using var store = Database.OpenStore();

        var error = Assert.Throws<InvalidOperationException>(() => store.SaveBatch("missing", 0, [1]));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void SaveBatch_NegativeIndex_ThrowsArgumentOutOfRange()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        Assert.Throws<ArgumentOutOfRangeException>(() => store.SaveBatch("run-a", -1, [1]));
    }

    [StoreFact]
    public void CommittedBatches_AfterSaves_ReturnsHashSetOfThatRunsIndices()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample("run-a"));
        store.EnsureRun(Manifests.Sample("run-b"));
        store.SaveBatch("run-a", 0, [1]);
        store.SaveBatch("run-a", 7, [2]);
        store.SaveBatch("run-a", 7, [3]);
        store.SaveBatch("run-b", 1, [4]);

        var committed = store.CommittedBatches("run-a");

        var set = Assert.IsType<HashSet<int>>(committed);
        Assert.Equal([0, 7], set.Order());
    }

    [StoreFact]
    public void CommittedBatches_UnknownRun_ReturnsEmpty()
    {
        using var store = Database.OpenStore();

        Assert.Empty(store.CommittedBatches("missing"));
    }

    [StoreFact]
    public void LoadBatch_MissingBatch_ReturnsNull()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        Assert.Null(store.LoadBatch("run-a", 0));
        Assert.Null(store.LoadBatch("missing", 0));
    }

    [StoreFact]
    public void SaveBatch_ManyThreads_StoresEveryBatchOnce()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        Parallel.For(0, 64, i => store.SaveBatch("run-a", i % 32, [(byte)i]));

        Assert.Equal(Enumerable.Range(0, 32), store.CommittedBatches("run-a").Order());
    }
}
