using System.Collections.Concurrent;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public partial class MonteCarloRunnerTests
{
    /// <summary>An <see cref="IBatchStore"/> that keeps serialized payloads, as a database would.</summary>
    private sealed class MemoryBatchStore : IBatchStore
    {
        private readonly ConcurrentDictionary<int, byte[]> _payloads = new();
        private int _loads;
        private int _saves;

        public int Count => _payloads.Count;
        public int Loads => _loads;
        public int Saves => _saves;

        public BatchResult? TryLoad(int batchIndex)
        {
            if (!_payloads.TryGetValue(batchIndex, out var payload)) return null;
            Interlocked.Increment(ref _loads);
            return BatchResult.Deserialize(payload);
        }

        public void Save(BatchResult batch)
        {
            _payloads[batch.BatchIndex] = batch.Serialize();
            Interlocked.Increment(ref _saves);
        }
    }

    private static SimulationRequest ResumeRequest() => TestSpecs.Request(runs: 2000, months: 12, seed: 77, draws: 6, batchSize: 200);

    private static readonly Lazy<RunResult> Uninterrupted = new(() => MonteCarloRunner.Run(ResumeRequest(), new RunOptions(Threads: 2)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Run_CancelledThenResumedFromStore_IdenticalToUninterrupted(int threads)
    {
        var request = ResumeRequest();
        var store = new MemoryBatchStore();
        using var cts = new CancellationTokenSource();
        var progress = new CallbackProgress<WorkProgress>(p =>
        {
            if (p.Completed >= 600) cts.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloRunner.Run(request, new RunOptions(threads, progress, store, cts.Token)));
        var committed = store.Count;
        Assert.InRange(committed, 3, request.BatchCount - 1);

        var resumed = MonteCarloRunner.Run(request, new RunOptions(threads, BatchStore: store));

        Assert.Equal(committed, store.Loads);
        Assert.Equal(request.BatchCount, store.Saves);
        RunAssert.Identical(Uninterrupted.Value, resumed);
        Assert.Equal(Json(Uninterrupted.Value), Json(resumed));
    }

    [Fact]
    public void Run_EveryBatchStored_SimulatesNothingAndMatches()
    {
        var request = ResumeRequest();
        var store = new MemoryBatchStore();
        MonteCarloRunner.Run(request, new RunOptions(2, BatchStore: store));
        var savesAfterFirst = store.Saves;

        var again = MonteCarloRunner.Run(request, new RunOptions(2, BatchStore: store));

        Assert.Equal(request.BatchCount, savesAfterFirst);
        Assert.Equal(savesAfterFirst, store.Saves);
        Assert.Equal(request.BatchCount, store.Loads);
        RunAssert.Identical(Uninterrupted.Value, again);
    }

    [Fact]
    public void Run_CancelledBeforeStart_ThrowsAndStoresNothing()
    {
        var store = new MemoryBatchStore();
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MonteCarloRunner.Run(ResumeRequest(), new RunOptions(2, BatchStore: store, Cancellation: cts.Token)));
        Assert.Equal(0, store.Count);
    }
}
