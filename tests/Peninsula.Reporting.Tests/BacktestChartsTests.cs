using Peninsula.Charts;
using Peninsula.Core;

namespace Peninsula.Reporting.Tests;

public sealed class BacktestChartsTests
{
    private static readonly Lazy<BacktestSummary> Shipped = new(() => BacktestSummary.Read(Path.Combine(TestData.Root(), "docs", "backtest-ordered-cr.json")));

    [Fact]
    public void Read_ShippedBacktest_OriginsScoresAndLastScoredMonth()
    {
        var b = Shipped.Value;
        Assert.Equal("ordered-cr", b.Form);
        Assert.Equal(5, b.Origins.Length);
        Assert.Equal(Month.Of(2020, 12), b.LastScored);
        Assert.Equal("1-48", b.PooledLead);
        Assert.Contains(b.Binary, r => r.Target == "≥5" && r.Lead == "1-48" && r.Skill.Length == 6);
    }

    [Fact]
    public void Reliability_ShippedBacktest_ValidChartWithThreeTargets()
    {
        var data = BacktestCharts.Reliability(Shipped.Value);
        Assert.Equal(3, data.Targets.Length);
        Assert.All(data.Targets.SelectMany(t => t.Bins), bin => Assert.InRange(bin.ObservedFrequency, bin.Lower, bin.Upper));
        Assert.NotNull(ReliabilityChart.Create(data).Svg);
    }

    [Fact]
    public void Skill_ShippedBacktest_ThreeScoresAgainstSixBaselines()
    {
        var data = BacktestCharts.Skill(Shipped.Value);
        Assert.Equal(6, data.Scores.Select(s => s.Baseline).Distinct().Count());
        Assert.Equal(3, data.Scores.Select(s => s.Score).Distinct().Count());
        Assert.NotNull(SkillScoreChart.Create(data).Svg);
    }

    [Fact]
    public void Parse_OtherFormat_OneLineNamingTheFile()
    {
        var e = Assert.Throws<ForecastJsonException>(() => BacktestSummary.Parse("{\"format\": \"x\"}", "/tmp/b.json"));
        Assert.StartsWith("b.json:", e.Message, StringComparison.Ordinal);
    }
}
