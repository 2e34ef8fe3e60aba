using System.Collections.Immutable;

namespace Peninsula.Charts.Tests;

public class FanChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => FanChart.Create(SampleData.Fan()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Month (YYYY-MM)", "Probability in the month (%)",
            "level ≥3 (median)", "90% interval (lighter band)", "2021-01");
        Artefacts.Write("fan-chart", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, FanChart.Create(SampleData.Fan(shift: 0.05)));

    [Fact]
    public void Create_EmptySeries_Throws() =>
        ChartAssert.Invalid(() => FanChart.Create(SampleData.Fan() with { Series = [] }), "FanChartData.Series");

    [Fact]
    public void Create_PointsShorterThanMonths_Throws()
    {
        FanChartData data = SampleData.Fan();
        FanSeries shorter = data.Series[1] with { Points = data.Series[1].Points.RemoveAt(0) };
        ArgumentException ex = ChartAssert.Invalid(() => FanChart.Create(data with { Series = data.Series.SetItem(1, shorter) }),
            "FanChartData.Series[1].Points");
        Assert.Contains("47", ex.Message, StringComparison.Ordinal);
        Assert.Contains("48", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Create_Q95NotAProbability_Throws(double value)
    {
        FanChartData data = SampleData.Fan();
        ImmutableArray<MonthQuantiles> points = data.Series[0].Points.SetItem(3, data.Series[0].Points[3] with { Q95 = value });
        ChartAssert.Invalid(() => FanChart.Create(data with { Series = data.Series.SetItem(0, data.Series[0] with { Points = points }) }),
            "FanChartData.Series[0].Points[3].Q95");
    }

    [Fact]
    public void Create_QuantilesOutOfOrder_Throws()
    {
        FanChartData data = SampleData.Fan();
        ImmutableArray<MonthQuantiles> points = data.Series[2].Points.SetItem(0, new MonthQuantiles(0.5, 0.6, 0.7, 0.1, 0.9));
        ChartAssert.Invalid(() => FanChart.Create(data with { Series = data.Series.SetItem(2, data.Series[2] with { Points = points }) }),
            "FanChartData.Series[2].Points[0].Q25");
    }

    [Fact]
    public void Create_BadMonthLabel_Throws() =>
        ChartAssert.Invalid(() => FanChart.Create(SampleData.Fan() with { Months = SampleData.Fan().Months.SetItem(5, "2021-13") }),
            "FanChartData.Months[5]");

    [Fact]
    public void Create_DuplicateSeriesName_Throws()
    {
        FanChartData data = SampleData.Fan();
        ChartAssert.Invalid(() => FanChart.Create(data with { Series = data.Series.SetItem(1, data.Series[1] with { Name = "level ≥3" }) }),
            "FanChartData.Series[1].Name");
    }

    [Fact]
    public void Create_OneMonth_Renders()
    {
        ChartImage chart = FanChart.Create(SampleData.Fan(months: 1));
        ChartAssert.ValidPng(chart);
    }
}
