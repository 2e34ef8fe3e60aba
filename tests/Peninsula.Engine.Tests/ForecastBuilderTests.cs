using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public partial class ForecastBuilderTests
{
    private static readonly Lazy<(RunResult Result, ForecastDocument Doc)> Small = new(() =>
    {
        var result = MonteCarloRunner.Run(TestSpecs.Request(runs: 1200, months: 24, seed: 4, draws: 6, batchSize: 400), new RunOptions(2));
        return (result, ForecastBuilder.Build(result, TestSpecs.Provenance));
    });

    [Fact]
    public void Build_EveryMonth_LadderAndPhaseSumToOne()
    {
        var doc = Small.Value.Doc;

        Assert.Equal(24, doc.Monthly.Length);
        foreach (var m in doc.Monthly)
        {
            Assert.Equal(1.0, m.Ladder.Sum(), 1e-9);
            Assert.Equal(1.0, m.Phase.Sum(), 1e-9);
            Assert.InRange(m.Engage, 0.0, 1.0);
        }
    }

    [Fact]
    public void Build_Months_LabelledFromTheStart()
    {
        var doc = Small.Value.Doc;

        Assert.Equal("2021-01", doc.Start);
        Assert.Equal("2021-01", doc.Monthly[0].Month);
        Assert.Equal("2022-12", doc.Monthly[^1].Month);
    }

    [Fact]
    public void Build_Outcomes_EveryEventForEachWindowWithinHorizon()
    {
        var doc = Small.Value.Doc;

        var expected = Outcomes.Ids.SelectMany(id => new[] { 6, 12, 24 }.Select(w => (id, w))).ToArray();
        Assert.Equal(expected, doc.Outcomes.Select(o => (o.Id, o.WithinMonths)).ToArray());
    }

    [Fact]
    public void Build_FirstOccurrence_NondecreasingInWindowAndMatchesMonthlyLadderAtMonth0()
    {
        var (result, doc) = Small.Value;

        foreach (var id in Outcomes.Ids)
        {
            var ps = doc.Outcomes.Where(o => o.Id == id).Select(o => o.P).ToArray();
            for (var i = 1; i < ps.Length; i++) Assert.True(ps[i] >= ps[i - 1], id);
        }
        // Within 1 month, "level ≥ 3" is the month-0 ladder's upper tail.
        var firstMonth = ForecastBuilder.Outcome(result, Outcomes.Event.LevelGe3, 1).P;
        Assert.Equal(doc.Monthly[0].Ladder.Skip(3).Sum(), firstMonth, 1e-12);
    }

    [Fact]
    public void Build_QuantitySummaries_OrderedQuantilesAndMeanInRange()
    {
        var doc = Small.Value.Doc;

        foreach (var m in doc.Monthly)
        {
            foreach (var (q, lo, hi) in new[] { (m.SanctionsPressure, 0.0, 1.0), (m.EconomicStress, 0.0, 1.0), (m.Trust, -1.0, 1.0) })
            {
                Assert.True(q.Q05 <= q.Q50 && q.Q50 <= q.Q95, m.Month);
                Assert.InRange(q.Mean, lo, hi);
                Assert.InRange(q.Q05, lo, hi);
                Assert.InRange(q.Q95, lo, hi);
            }
        }
    }

    [Fact]
    public void Build_SingleParameterDraw_ParameterIntervalsHaveZeroWidth()
    {
        var result = MonteCarloRunner.Run(TestSpecs.Request(runs: 300, months: 6, seed: 4, draws: 1, batchSize: 300), new RunOptions(1));

        var doc = ForecastBuilder.Build(result, TestSpecs.Provenance);

        Assert.All(doc.Outcomes, o => Assert.Equal(o.P, o.Ci90Param.Lo));
        Assert.All(doc.Outcomes, o => Assert.Equal(o.P, o.Ci90Param.Hi));
    }

    [Fact]
    public void Write_Document_RequiredFieldsInFixedOrder()
    {
        var json = ForecastJson.Write(Small.Value.Doc);
        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var root = parsed.RootElement;

        string[] required = ["scenario", "scenario_sha256", "policy", "code_version", "data_sha256", "calibration", "start", "months", "runs", "parameter_draws", "seed", "monthly", "outcomes"];
        Assert.All(required, name => Assert.True(root.TryGetProperty(name, out _), name));
        Assert.Equal("priors", root.GetProperty("calibration").GetProperty("source").GetString());
        Assert.Equal(7, root.GetProperty("monthly")[0].GetProperty("ladder").GetArrayLength());
        Assert.Equal(7, root.GetProperty("monthly")[0].GetProperty("phase").EnumerateObject().Count());
        Assert.Equal(Phases.Ids, root.GetProperty("monthly")[0].GetProperty("phase").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.EndsWith("\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("-0,", json, StringComparison.Ordinal);
    }
}
