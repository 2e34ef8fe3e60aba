namespace Peninsula.Charts.Tests;

public class PolicyComparisonChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => PolicyComparisonChart.Create(SampleData.Comparison()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Difference vs status quo (percentage points)",
            "Outcome · policy package", "talks within 24 months · maximum pressure",
            "Monte Carlo 95% interval", "Parameter-uncertainty 90% interval");
        Artefacts.Write("policy-comparison", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, PolicyComparisonChart.Create(SampleData.Comparison(shift: 0.02)));

    [Fact]
    public void Create_NoDifferences_Throws() =>
        ChartAssert.Invalid(() => PolicyComparisonChart.Create(SampleData.Comparison() with { Differences = [] }),
            "PolicyComparisonData.Differences");

    [Fact]
    public void Create_EstimateOutsideMonteCarloInterval_Throws()
    {
        PolicyComparisonData data = SampleData.Comparison();
        PolicyDifference bad = data.Differences[4] with { McUpper = data.Differences[4].Estimate - 0.01 };
        ChartAssert.Invalid(() => PolicyComparisonChart.Create(data with { Differences = data.Differences.SetItem(4, bad) }),
            "PolicyComparisonData.Differences[4].Estimate");
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Create_ParameterBoundInvalid_Throws(double value)
    {
        PolicyComparisonData data = SampleData.Comparison();
        PolicyDifference bad = data.Differences[0] with { ParameterUpper = value };
        ChartAssert.Invalid(() => PolicyComparisonChart.Create(data with { Differences = data.Differences.SetItem(0, bad) }),
            "PolicyComparisonData.Differences[0].ParameterUpper");
    }

    [Fact]
    public void Create_RepeatedPair_Throws()
    {
        PolicyComparisonData data = SampleData.Comparison();
        ChartAssert.Invalid(() => PolicyComparisonChart.Create(data with { Differences = data.Differences.Add(data.Differences[0]) }),
            $"PolicyComparisonData.Differences[{data.Differences.Length}]");
    }
}
