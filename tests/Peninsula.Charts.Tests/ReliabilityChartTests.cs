namespace Peninsula.Charts.Tests;

public class ReliabilityChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => ReliabilityChart.Create(SampleData.Reliability()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Observed frequency (%)", "Mean forecast probability in bin (%)",
            "Forecasts (count)", "Perfect calibration", "level≥5 within 12 months", "108");
        Artefacts.Write("reliability", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, ReliabilityChart.Create(SampleData.Reliability(shift: 0.05)));

    [Fact]
    public void Create_NoTargets_Throws() =>
        ChartAssert.Invalid(() => ReliabilityChart.Create(SampleData.Reliability() with { Targets = [] }), "ReliabilityChartData.Targets");

    [Fact]
    public void Create_NoBins_Throws()
    {
        ReliabilityChartData data = SampleData.Reliability();
        ChartAssert.Invalid(() => ReliabilityChart.Create(data with { Targets = data.Targets.SetItem(1, data.Targets[1] with { Bins = [] }) }),
            "ReliabilityChartData.Targets[1].Bins");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Create_MeanForecastNotAProbability_Throws(double value)
    {
        ReliabilityChartData data = SampleData.Reliability();
        ReliabilityTarget t = data.Targets[0];
        ReliabilityTarget bad = t with { Bins = t.Bins.SetItem(2, t.Bins[2] with { MeanForecast = value }) };
        ChartAssert.Invalid(() => ReliabilityChart.Create(data with { Targets = data.Targets.SetItem(0, bad) }),
            "ReliabilityChartData.Targets[0].Bins[2].MeanForecast");
    }

    [Fact]
    public void Create_ZeroCount_Throws()
    {
        ReliabilityChartData data = SampleData.Reliability();
        ReliabilityTarget t = data.Targets[1];
        ReliabilityTarget bad = t with { Bins = t.Bins.SetItem(0, t.Bins[0] with { Count = 0 }) };
        ChartAssert.Invalid(() => ReliabilityChart.Create(data with { Targets = data.Targets.SetItem(1, bad) }),
            "ReliabilityChartData.Targets[1].Bins[0].Count");
    }

    [Fact]
    public void Create_ObservedOutsideInterval_Throws()
    {
        ReliabilityChartData data = SampleData.Reliability();
        ReliabilityTarget t = data.Targets[0];
        ReliabilityTarget bad = t with { Bins = t.Bins.SetItem(1, t.Bins[1] with { Upper = t.Bins[1].ObservedFrequency - 0.01 }) };
        ChartAssert.Invalid(() => ReliabilityChart.Create(data with { Targets = data.Targets.SetItem(0, bad) }),
            "ReliabilityChartData.Targets[0].Bins[1].ObservedFrequency");
    }
}
