using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class ComparisonTests
{
    private static SimulationRequest Request(string policy) => TestSpecs.Request(policy: policy, runs: 2000, months: 24, seed: 17, draws: 10, batchSize: 500);

    private static readonly Lazy<RunResult> Principled = new(() => MonteCarloRunner.Run(Request(TestSpecs.PrincipledDiplomacy), new RunOptions(2)));
    private static readonly Lazy<RunResult> Patience = new(() => MonteCarloRunner.Run(Request(TestSpecs.StrategicPatience), new RunOptions(2)));

    [Theory]
    [InlineData(Outcomes.Event.LevelGe3, 12)]
    [InlineData(Outcomes.Event.Talks, 24)]
    public void Paired_ResultAgainstItself_ZeroDifferenceWithZeroWidthIntervals(Outcomes.Event ev, int window)
    {
        var d = Comparison.Paired(Principled.Value, Principled.Value, ev, window);

        Assert.Equal(0.0, d.Difference);
        Assert.Equal((0.0, 0.0), d.Ci95Mc);
        Assert.Equal((0.0, 0.0), d.Ci90Param);
        Assert.Equal(Outcomes.Ids[(int)ev], d.OutcomeId);
        Assert.Equal(window, d.WithinMonths);
    }

    [Theory]
    [InlineData(Outcomes.Event.LevelGe3, 12)]
    [InlineData(Outcomes.Event.LevelGe5, 24)]
    [InlineData(Outcomes.Event.Talks, 24)]
    public void Paired_DifferentPolicy_FiniteIntervalsContainingTheEstimate(Outcomes.Event ev, int window)
    {
        var d = Comparison.Paired(Principled.Value, Patience.Value, ev, window);
        var a = ForecastBuilder.Outcome(Principled.Value, ev, window).P;
        var b = ForecastBuilder.Outcome(Patience.Value, ev, window).P;

        Assert.Equal(a - b, d.Difference, 1e-12);
        Assert.Equal(TestSpecs.PrincipledDiplomacy, d.Policy);
        Assert.Equal(TestSpecs.StrategicPatience, d.Reference);
        foreach (var (lo, hi) in new[] { d.Ci95Mc, d.Ci90Param })
        {
            Assert.True(double.IsFinite(lo) && double.IsFinite(hi));
            Assert.InRange(d.Difference, lo, hi);
        }
        Assert.True(d.Ci95Mc.Hi > d.Ci95Mc.Lo, "the policies differ in some runs");
    }

    [Fact]
    public void Paired_CommonRandomNumbers_NarrowerThanIndependentEstimates()
    {
        // Both runs share every key, so most runs agree on "level ≥ 3 within 12 months" and the paired interval
        // is narrower than the one for the difference of two independent proportions.
        var d = Comparison.Paired(Principled.Value, Patience.Value, Outcomes.Event.LevelGe3, 12);
        var a = ForecastBuilder.Outcome(Principled.Value, Outcomes.Event.LevelGe3, 12).P;
        var b = ForecastBuilder.Outcome(Patience.Value, Outcomes.Event.LevelGe3, 12).P;
        var independentHalf = 1.96 * Math.Sqrt((a * (1 - a) + b * (1 - b)) / 2000);

        Assert.True(d.Ci95Mc.Hi - d.Difference < independentHalf, $"paired half-width {d.Ci95Mc.Hi - d.Difference} vs independent {independentHalf}");
    }

    [Fact]
    public void Paired_MismatchedRequests_ThrowsArgumentException()
    {
        var other = MonteCarloRunner.Run(TestSpecs.Request(runs: 2000, months: 1, seed: 18, draws: 10, batchSize: 500), new RunOptions(2));

        Assert.Throws<ArgumentException>(() => Comparison.Paired(Principled.Value, other, Outcomes.Event.LevelGe3, 1));
    }
}
