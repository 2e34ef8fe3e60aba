using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// A batch is simulated in cache-sized blocks unless an observer must see it whole: both ways must give the same bytes.
/// </summary>
public sealed class BatchSimulatorBlockTests
{
    [Theory]
    [InlineData(1000, 0)]
    [InlineData(700, 1)]
    [InlineData(257, 3)]
    [InlineData(BatchSimulator.CacheBlock, 0)]
    [InlineData(BatchSimulator.CacheBlock - 1, 2)]
    public void Run_InBlocksOrWhole_ByteIdenticalBatch(int batchSize, int batchIndex)
    {
        var spec = TestSpecs.Transition2021;
        var request = TestSpecs.Request(spec, runs: 4 * batchSize, months: 30, seed: 5, draws: 7, batchSize: batchSize);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(request.PolicyId), request.Months);

        var blocked = BatchSimulator.Run(request, coefficients, months, batchIndex, SplitTheDifferenceZone.Instance);
        var observedMonths = 0;
        var whole = BatchSimulator.Run(request, coefficients, months, batchIndex, SplitTheDifferenceZone.Instance, ctx =>
        {
            Assert.Equal(batchSize, ctx.State.Runs); // the observer sees the whole batch
            observedMonths++;
        });

        Assert.Equal(30, observedMonths);
        Assert.Equal(whole.Serialize(), blocked.Serialize());
        Assert.Equal(whole.LogitDecisions, blocked.LogitDecisions);
        Assert.True(blocked.LogitDecisions > 0);
    }
}
