namespace Peninsula.Charts.Tests;

public class PhaseChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => PhaseChart.Create(SampleData.Phases()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Month (YYYY-MM)", "Share of runs in phase (%)",
            "none", "implementation", "collapsed");
        Artefacts.Write("negotiation-phases", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, PhaseChart.Create(SampleData.Phases(shift: 0.2)));

    [Fact]
    public void Create_SharesNotSummingToOne_Throws()
    {
        PhaseChartData data = SampleData.Phases();
        var month = data.Shares[10].SetItem(0, data.Shares[10][0] + 0.1);
        ArgumentException ex = ChartAssert.Invalid(() => PhaseChart.Create(data with { Shares = data.Shares.SetItem(10, month) }),
            "PhaseChartData.Shares[10]");
        Assert.Contains("sum to 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ShareNegative_Throws()
    {
        PhaseChartData data = SampleData.Phases();
        var month = data.Shares[0].SetItem(1, -0.05).SetItem(0, data.Shares[0][0] + data.Shares[0][1] + 0.05);
        ChartAssert.Invalid(() => PhaseChart.Create(data with { Shares = data.Shares.SetItem(0, month) }), "PhaseChartData.Shares[0][1]");
    }

    [Fact]
    public void Create_TooFewPhaseShares_Throws()
    {
        PhaseChartData data = SampleData.Phases();
        ChartAssert.Invalid(() => PhaseChart.Create(data with { Shares = data.Shares.SetItem(3, data.Shares[3].RemoveAt(6)) }),
            "PhaseChartData.Shares[3]");
    }

    [Fact]
    public void Create_FewerMonthsOfShares_Throws()
    {
        PhaseChartData data = SampleData.Phases();
        ChartAssert.Invalid(() => PhaseChart.Create(data with { Shares = data.Shares.RemoveAt(0) }), "PhaseChartData.Shares");
    }

    [Fact]
    public void Create_NoPhases_Throws() =>
        ChartAssert.Invalid(() => PhaseChart.Create(SampleData.Phases() with { Phases = [] }), "PhaseChartData.Phases");

    [Fact]
    public void Create_OneMonth_Renders() =>
        ChartAssert.ValidPng(PhaseChart.Create(SampleData.Phases(months: 1)));
}
