using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public partial class MonteCarloRunnerTests
{
    /// <summary>5000 runs in batches of 700 (the last one partial), ten parameter draws crossing batch boundaries.</summary>
    private static SimulationRequest DeterminismRequest() =>
        TestSpecs.Request(runs: 5000, months: 12, seed: 20210101, draws: 10, batchSize: 700);

    /// <summary>A smaller request for the seed and batch-size checks.</summary>
    private static SimulationRequest SmallRequest(ulong seed = 5, int batchSize = 300) =>
        TestSpecs.Request(runs: 1500, months: 24, seed: seed, draws: 5, batchSize: batchSize);

    private static readonly Lazy<RunResult> Small = new(() => MonteCarloRunner.Run(SmallRequest(), new RunOptions(Threads: 1)));

    private static readonly Lazy<RunResult> OneThread = new(() => MonteCarloRunner.Run(DeterminismRequest(), new RunOptions(Threads: 1)));
    private static readonly Lazy<RunResult> ThreeThreads = new(() => MonteCarloRunner.Run(DeterminismRequest(), new RunOptions(Threads: 3)));

    private static string Json(RunResult result) => ForecastJson.Write(ForecastBuilder.Build(result, TestSpecs.Provenance));

    [Fact]
    public void Run_ThreeThreadsVersusOne_MergedArraysIdentical()
    {
        RunAssert.Identical(OneThread.Value, ThreeThreads.Value);
    }

    [Fact]
    public void Run_ThreeThreadsVersusOne_ForecastJsonByteIdentical()
    {
        var one = Encoding(Json(OneThread.Value));
        var three = Encoding(Json(ThreeThreads.Value));

        Assert.Equal(one, three);
    }

    [Fact]
    public void Run_SameSeedTwice_IdenticalOutput()
    {
        var again = MonteCarloRunner.Run(SmallRequest(), new RunOptions(Threads: 1));

        RunAssert.Identical(Small.Value, again);
        Assert.Equal(Json(Small.Value), Json(again));
    }

    [Fact]
    public void Run_DifferentSeed_DifferentOutput()
    {
        var other = MonteCarloRunner.Run(SmallRequest(seed: 6), new RunOptions(Threads: 1));

        Assert.NotEqual(Small.Value.Ladder, other.Ladder);
        Assert.NotEqual(Small.Value.FirstMonth, other.FirstMonth);
        Assert.NotEqual(Json(Small.Value), Json(other));
    }

    [Fact]
    public void Run_DifferentBatchSize_SameCountsAndFirstMonths()
    {
        // Every draw is keyed by run index, not by batch, so only the association of floating sums may change.
        var other = MonteCarloRunner.Run(SmallRequest(batchSize: 1024), new RunOptions(Threads: 1));

        Assert.Equal(Small.Value.Ladder, other.Ladder);
        Assert.Equal(Small.Value.Phase, other.Phase);
        Assert.Equal(Small.Value.Engage, other.Engage);
        Assert.Equal(Small.Value.Histograms, other.Histograms);
        Assert.Equal(Small.Value.FirstMonth, other.FirstMonth);
        Assert.Equal(Small.Value.DrawLadder, other.DrawLadder);
        for (var i = 0; i < other.Sums.Length; i++) Assert.Equal(Small.Value.Sums[i], other.Sums[i], 1e-9 * Math.Max(1, Math.Abs(other.Sums[i])));
    }

    [Fact]
    public void Run_Progress_ReportsEveryBatchUpToTotal()
    {
        var request = TestSpecs.Request(runs: 1000, months: 6, batchSize: 300);
        var reports = new List<WorkProgress>();

        MonteCarloRunner.Run(request, new RunOptions(Threads: 1, Progress: new CallbackProgress<WorkProgress>(p => { lock (reports) reports.Add(p); })));

        Assert.Equal(4, reports.Count);
        Assert.All(reports, p => Assert.Equal(1000, p.Total));
        Assert.Equal(new long[] { 300, 600, 900, 1000 }, reports.Select(p => p.Completed).Order().ToArray());
    }

    [Fact]
    public void Run_InvalidRequest_ThrowsArgumentException()
    {
        var request = TestSpecs.Request(runs: 10, months: 6, draws: 11);

        Assert.Throws<ArgumentException>(() => MonteCarloRunner.Run(request, new RunOptions()));
    }

    private static byte[] Encoding(string s) => System.Text.Encoding.UTF8.GetBytes(s);
}
