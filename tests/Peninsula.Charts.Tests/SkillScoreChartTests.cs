namespace Peninsula.Charts.Tests;

public class SkillScoreChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => SkillScoreChart.Create(SampleData.Skill()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Skill vs baseline (1 − score / baseline score; > 0 is better)",
            "Baseline", "long-run", "ewma", "Brier", "RPS", "0.25");
        Artefacts.Write("skill-scores", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, SkillScoreChart.Create(SampleData.Skill(shift: -0.1)));

    [Fact]
    public void Create_NoScores_Throws() =>
        ChartAssert.Invalid(() => SkillScoreChart.Create(SampleData.Skill() with { Scores = [] }), "SkillScoreChartData.Scores");

    [Theory]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Create_InvalidValue_Throws(double value)
    {
        SkillScoreChartData data = SampleData.Skill();
        ChartAssert.Invalid(() => SkillScoreChart.Create(data with { Scores = data.Scores.SetItem(4, data.Scores[4] with { Value = value }) }),
            "SkillScoreChartData.Scores[4].Value");
    }

    [Fact]
    public void Create_IntervalReversed_Throws()
    {
        SkillScoreChartData data = SampleData.Skill();
        ChartAssert.Invalid(() => SkillScoreChart.Create(data with { Scores = data.Scores.SetItem(0, data.Scores[0] with { Lower = 0.5, Upper = 0.1 }) }),
            "SkillScoreChartData.Scores[0].Lower");
    }

    [Fact]
    public void Create_WithoutIntervals_Renders()
    {
        SkillScoreChartData data = SampleData.Skill();
        ChartImage chart = SkillScoreChart.Create(data with { Scores = [.. data.Scores.Select(s => s with { Lower = null, Upper = null })] });
        ChartAssert.ValidPng(chart);
    }
}
