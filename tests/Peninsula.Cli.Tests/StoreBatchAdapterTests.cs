using System.Collections.Concurrent;
using Peninsula.App;
using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>
/// The background batch writer: simulation threads queue batches and never wait for a commit, yet a batch is reported
/// committed only after its transaction, every queued batch is stored before <see cref="StoreBatchAdapter.Complete"/>
/// returns, and a storage error reaches the caller.
/// </summary>
public sealed class StoreBatchAdapterTests
{
    private static BatchResult Batch(int index)
    {
        var b = new BatchResult(index, index * 10, 10, 3, 0, 1);
        b.Ladder[index % b.Ladder.Length] = index + 1;
        return b;
    }

    [Fact]
    public void Save_FromManyThreads_EveryBatchCommittedOnceAndReportedOnlyAfterItsCommit()
    {
        var store = new FakeStore();
        var reported = new ConcurrentBag<int>();
        var adapter = new StoreBatchAdapter(store, "run", resume: false, committed: i =>
        {
            Assert.True(store.Saved.ContainsKey(i), $"batch {i} reported before it was stored");
            reported.Add(i);
        });
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => adapter.Save(Batch(i)));
        adapter.Complete();
        adapter.Dispose();

        Assert.Equal(Enumerable.Range(0, 64), store.Saved.Keys.Order());
        Assert.Equal(Enumerable.Range(0, 64), reported.Order());
        Assert.Equal(64, store.Calls);
        Assert.InRange(store.Groups, 1, 64);
        for (var i = 0; i < 64; i++) Assert.Equal(i + 1, BatchResult.Deserialize(store.Saved[i]).Ladder[i % 21]);
    }

    [Fact]
    public void Complete_AfterAStorageError_ThrowsItAndReportsNoLaterBatch()
    {
        var store = new FakeStore { FailOnBatch = 4 };
        var reported = new ConcurrentBag<int>();
        var adapter = new StoreBatchAdapter(store, "run", resume: false, committed: reported.Add);
        for (var i = 0; i < 4; i++) adapter.Save(Batch(i));
        Assert.True(SpinWait.SpinUntil(() => reported.Count == 4, TimeSpan.FromSeconds(30)));
        adapter.Save(Batch(4)); // its group's transaction fails
        var error = Assert.Throws<StorageException>(adapter.Complete);
        Assert.Contains("disk full", error.Message);
        Assert.Throws<StorageException>(() => adapter.Save(Batch(9)));
        adapter.Dispose();
        Assert.Equal([0, 1, 2, 3], reported.Order());
        Assert.Equal([0, 1, 2, 3], store.Saved.Keys.Order());
    }

    [Fact]
    public void TryLoad_OnlyWhenResuming_ReturnsTheStoredBatch()
    {
        var store = new FakeStore();
        store.Saved[2] = Batch(2).Serialize();
        using var fresh = new StoreBatchAdapter(store, "run", resume: false);
        using var resumed = new StoreBatchAdapter(store, "run", resume: true);
        Assert.Null(fresh.TryLoad(2));
        Assert.Equal(3, resumed.TryLoad(2)!.Ladder[2]);
        Assert.Null(resumed.TryLoad(3));
    }

    private sealed class FakeStore : IRunStore
    {
        public ConcurrentDictionary<int, byte[]> Saved { get; } = new();
        public int Calls;
        public int FailOnBatch { get; init; } = -1;

        public void SaveBatch(string runId, int batchIndex, ReadOnlySpan<byte> payload)
        {
            if (batchIndex == FailOnBatch) throw new StorageException("x.sqlite", $"saving batch {batchIndex}", "disk full");
            Interlocked.Increment(ref Calls);
            Thread.Sleep(1); // a commit takes a while
            Saved.TryAdd(batchIndex, payload.ToArray());
        }

        public void SaveBatches(string runId, IReadOnlyList<(int BatchIndex, byte[] Payload)> batches)
        {
            Assert.InRange(batches.Count, 1, StoreBatchAdapter.GroupLimit);
            Interlocked.Increment(ref Groups);
            // one transaction: all or none
            if (batches.Any(b => b.BatchIndex == FailOnBatch)) throw new StorageException("x.sqlite", "saving batches", "disk full");
            foreach (var (index, payload) in batches) SaveBatch(runId, index, payload);
        }

        public int Groups;

        public byte[]? LoadBatch(string runId, int batchIndex) => Saved.TryGetValue(batchIndex, out var p) ? p : null;
        public void EnsureRun(RunManifest manifest) { }
        public RunManifest? FindRun(string runId) => null;
        public IReadOnlyList<RunManifest> ListRuns() => [];
        public IReadOnlySet<int> CommittedBatches(string runId) => Saved.Keys.ToHashSet();
        public void CompleteRun(string runId, string forecastJson) { }
        public string? LoadForecast(string runId) => null;
        public void Dispose() { }
    }
}
