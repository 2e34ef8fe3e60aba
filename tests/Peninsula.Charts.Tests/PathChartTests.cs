namespace Peninsula.Charts.Tests;

public class PathChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => PathChart.Create(SampleData.Paths()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Month (YYYY-MM)", "Sanctions pressure (index 0–1)",
            "Economic stress (index 0–1)", "maximum pressure", "5–95% range across runs");
        Artefacts.Write("paths-sanctions-stress", Sample.Value);
    }

    [Fact]
    public void Create_SvgDrawsEachTitleOnce()
    {
        int count = Sample.Value.Svg.Split(Sample.Value.Title).Length - 1;
        Assert.Equal(1, count);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, PathChart.Create(SampleData.Paths(shift: 0.1)));

    [Fact]
    public void Create_OneQuantityConstantValues_Renders()
    {
        PathChartData data = SampleData.Paths();
        var flat = new BandedSeries("flat", [.. Enumerable.Repeat(0.5, data.Months.Length)]);
        ChartImage chart = PathChart.Create(data with { Quantities = [new PathQuantity("Trust", "", [flat])] });
        ChartAssert.ValidPng(chart);
        ChartAssert.SvgHasText(chart, "Trust");
    }

    [Fact]
    public void Create_NoQuantities_Throws() =>
        ChartAssert.Invalid(() => PathChart.Create(SampleData.Paths() with { Quantities = [] }), "PathChartData.Quantities");

    [Fact]
    public void Create_InfiniteMean_Throws()
    {
        PathChartData data = SampleData.Paths();
        PathQuantity q = data.Quantities[1];
        BandedSeries bad = q.Series[0] with { Values = q.Series[0].Values.SetItem(2, double.PositiveInfinity) };
        ChartAssert.Invalid(
            () => PathChart.Create(data with { Quantities = data.Quantities.SetItem(1, q with { Series = q.Series.SetItem(0, bad) }) }),
            "PathChartData.Quantities[1].Series[0].Values[2]");
    }

    [Fact]
    public void Create_LowerAboveUpper_Throws()
    {
        PathChartData data = SampleData.Paths();
        PathQuantity q = data.Quantities[0];
        BandedSeries bad = q.Series[1] with { Lower = q.Series[1].Lower.SetItem(9, 5.0) };
        ChartAssert.Invalid(
            () => PathChart.Create(data with { Quantities = data.Quantities.SetItem(0, q with { Series = q.Series.SetItem(1, bad) }) }),
            "PathChartData.Quantities[0].Series[1].Lower[9]");
    }

    [Fact]
    public void Create_OneMonth_Renders() =>
        ChartAssert.ValidPng(PathChart.Create(SampleData.Paths(months: 1)));
}
