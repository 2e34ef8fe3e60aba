using System.Collections.Immutable;

namespace Peninsula.Charts.Tests;

public class SensitivityChartTests
{
    private static SensitivityChartData Sample(double shift = 0) => new("Sensitivity of the headline outcomes to the sweep's levers",
    [
        new SensitivityBar("level≥5 within 12 months", "policy", -0.041 + shift, 0.012) { LowLabel = "top-down-summitry", HighLabel = "maximum-pressure" },
        new SensitivityBar("level≥5 within 12 months", "demand", 0, 0.018 + shift) { LowLabel = "40", HighLabel = "100" },
        new SensitivityBar("level≥5 within 12 months", "pressure", -0.006, 0.003),
        new SensitivityBar("talks within 48 months", "policy", -0.35, 0.08 + shift) { LowLabel = "maximum-pressure", HighLabel = "top-down-summitry" },
        new SensitivityBar("talks within 48 months", "demand", -0.12 - shift, 0) { LowLabel = "100", HighLabel = "40" },
        new SensitivityBar("talks within 48 months", "pressure", 0, 0) { LowLabel = "0.3", HighLabel = "0.3" },
    ]);

    private static readonly Lazy<ChartImage> Chart = new(() => SensitivityChart.Create(Sample()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Chart.Value);
        ChartAssert.SvgHasText(Chart.Value, Chart.Value.Title, "Change in probability against the base (percentage points)",
            "Outcome · factor", "talks within 48 months · policy", "level≥5 within 12 months · demand",
            "top-down-summitry", "maximum-pressure", "Decrease against the base", "Increase against the base");
        Artefacts.Write("sensitivity", Chart.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Chart.Value, SensitivityChart.Create(Sample(shift: 0.02)));

    [Fact]
    public void Create_CustomLabels_Drawn()
    {
        ChartImage chart = SensitivityChart.Create(Sample() with { ValueLabel = "Δ P (pp)", CategoryLabel = "Outcome · lever" });
        ChartAssert.SvgHasText(chart, "Δ P (pp)", "Outcome · lever");
    }

    [Fact]
    public void Create_NoBars_Throws() =>
        ChartAssert.Invalid(() => SensitivityChart.Create(Sample() with { Bars = [] }), "SensitivityChartData.Bars");

    [Fact]
    public void Create_LowAboveHigh_Throws()
    {
        SensitivityChartData data = Sample();
        ChartAssert.Invalid(() => SensitivityChart.Create(data with { Bars = data.Bars.SetItem(1, data.Bars[1] with { Low = 0.05 }) }),
            "SensitivityChartData.Bars[1].Low");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Create_HighOutOfRange_Throws(double value)
    {
        SensitivityChartData data = Sample();
        ChartAssert.Invalid(() => SensitivityChart.Create(data with { Bars = data.Bars.SetItem(0, data.Bars[0] with { High = value }) }),
            "SensitivityChartData.Bars[0].High");
    }

    [Fact]
    public void Create_RepeatedPair_Throws()
    {
        SensitivityChartData data = Sample();
        ChartAssert.Invalid(() => SensitivityChart.Create(data with { Bars = data.Bars.Add(data.Bars[2]) }),
            $"SensitivityChartData.Bars[{data.Bars.Length}]");
    }

    [Fact]
    public void Create_EmptyFactor_Throws()
    {
        SensitivityChartData data = Sample();
        ChartAssert.Invalid(() => SensitivityChart.Create(data with { Bars = data.Bars.SetItem(3, data.Bars[3] with { Factor = " " }) }),
            "SensitivityChartData.Bars[3].Factor");
    }

    [Fact]
    public void SuggestedHeight_ManyRows_GrowsWithinTheStyleLimits()
    {
        Assert.Equal(ChartStyle.Default.Height, SensitivityChart.SuggestedHeight(3, 1));
        Assert.True(SensitivityChart.SuggestedHeight(40, 6) > SensitivityChart.SuggestedHeight(20, 6));
        Assert.Equal(ChartStyle.MaximumSize, SensitivityChart.SuggestedHeight(10_000, 6));
        ImmutableArray<SensitivityBar> many = [.. Enumerable.Range(0, 30).Select(i => new SensitivityBar($"outcome {i % 6}", $"lever {i / 6}", -0.01 * (i % 5), 0.01 * (i % 3)))];
        ChartImage tall = SensitivityChart.Create(new SensitivityChartData("Thirty bars", many), ChartStyle.Default with { Height = SensitivityChart.SuggestedHeight(30, 6) });
        ChartAssert.ValidPng(tall);
    }
}
