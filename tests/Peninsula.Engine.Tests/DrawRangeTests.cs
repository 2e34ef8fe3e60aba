using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// The forecast's outcome probabilities and cumulative curves are read from per-draw counts of first months
/// (<see cref="RunResult.FirstMonthCounts"/>), over each draw's run range (<see cref="SimulationRequest.FirstRunOf"/>), instead
/// of asking every run for its draw: both must agree with the run-by-run definitions.
/// </summary>
public sealed class DrawRangeTests
{
    [Fact]
    public void FirstRunOf_AnyShape_BoundsExactlyTheRunsOfEachDraw()
    {
        var spec = TestSpecs.Request().Spec;
        Gen.Int[1, 5_000_000].SelectMany(runs => Gen.Int[1, Math.Min(runs, 5000)].Select(draws => (runs, draws))).Sample(x =>
        {
            var request = new SimulationRequest(spec, TestSpecs.PrincipledDiplomacy, x.runs, 12, 1, x.draws);
            Assert.Equal(0, request.FirstRunOf(0));
            Assert.Equal(x.runs, request.FirstRunOf(x.draws));
            for (var d = 1; d < x.draws; d += Math.Max(1, x.draws / 50))
            {
                var first = request.FirstRunOf(d);
                Assert.Equal(d, request.DrawOf(first));
                Assert.Equal(d - 1, request.DrawOf(first - 1));
            }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(997, 7, 300)]
    [InlineData(1200, 1, 1000)]
    [InlineData(640, 640, 100)]
    public void Outcome_EveryEventAndWindow_EqualsTheRunByRunCount(int runs, int draws, int batchSize)
    {
        const int months = 18;
        var request = TestSpecs.Request(runs: runs, months: months, seed: 11, draws: draws, batchSize: batchSize);
        var result = MonteCarloRunner.Run(request, new RunOptions(2));
        var sizes = ForecastBuilder.DrawSizes(request);
        Assert.Equal(Enumerable.Range(0, draws).Select(k => Enumerable.Range(0, runs).Count(i => request.DrawOf(i) == k)), sizes);

        var anyHit = false;
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            var ev = (Outcomes.Event)e;
            foreach (var window in new[] { 0, 1, 6, months - 1, months, months + 5 })
            {
                var perDraw = new long[draws];
                for (var i = 0; i < runs; i++)
                {
                    if (result.Happened(ev, i, window)) perDraw[request.DrawOf(i)]++;
                }
                var outcome = ForecastBuilder.Outcome(result, ev, window);
                Assert.Equal((double)perDraw.Sum() / runs, outcome.P);
                Assert.Equal(Intervals.Wilson(perDraw.Sum(), runs), outcome.Ci95Mc);
                var share = perDraw.Select((h, k) => (double)h / sizes[k]).ToArray();
                var (lo, hi) = Intervals.Parameter90(share, share.Select((p, k) => p * (1 - p) / sizes[k]).ToArray(), outcome.P);
                Assert.Equal((Math.Clamp(lo, 0, 1), Math.Clamp(hi, 0, 1)), outcome.Ci90Param);
                anyHit |= perDraw.Sum() > 0;
            }
        }
        Assert.True(anyHit);

        // The cumulative curve at month t is P(first occurrence ≤ t), run by run.
        var curves = ForecastBuilder.Cumulative(result);
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            for (var t = 0; t < months; t++)
            {
                var hits = Enumerable.Range(0, runs).Count(i => result.Happened((Outcomes.Event)e, i, t + 1));
                Assert.Equal((double)hits / runs, curves[e].ByMonth[t].P);
            }
        }
    }
}
