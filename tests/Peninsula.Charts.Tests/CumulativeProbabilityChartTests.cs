namespace Peninsula.Charts.Tests;

public class CumulativeProbabilityChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => CumulativeProbabilityChart.Create(SampleData.Cumulative()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Month (YYYY-MM)", "P(first level ≥5 event by month) (%)",
            "status quo", "maximum pressure", "90% interval (parameter uncertainty)");
        Artefacts.Write("cumulative-first-event", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, CumulativeProbabilityChart.Create(SampleData.Cumulative(shift: 0.01)));

    [Fact]
    public void Create_WithoutBand_Renders()
    {
        CumulativeProbabilityData data = SampleData.Cumulative();
        BandedSeries line = new(data.Series[0].Name, data.Series[0].Values);
        ChartImage chart = CumulativeProbabilityChart.Create(data with { Series = [line] });
        ChartAssert.ValidPng(chart);
        ChartAssert.DifferentImages(CumulativeProbabilityChart.Create(data with { Series = [data.Series[0]] }), chart);
    }

    [Fact]
    public void Create_EmptySeries_Throws() =>
        ChartAssert.Invalid(() => CumulativeProbabilityChart.Create(SampleData.Cumulative() with { Series = [] }),
            "CumulativeProbabilityData.Series");

    [Fact]
    public void Create_ValueAboveOne_Throws()
    {
        CumulativeProbabilityData data = SampleData.Cumulative();
        BandedSeries bad = data.Series[2] with { Values = data.Series[2].Values.SetItem(7, 1.5) };
        ChartAssert.Invalid(() => CumulativeProbabilityChart.Create(data with { Series = data.Series.SetItem(2, bad) }),
            "CumulativeProbabilityData.Series[2].Values[7]");
    }

    [Fact]
    public void Create_NaNInBand_Throws()
    {
        CumulativeProbabilityData data = SampleData.Cumulative();
        BandedSeries bad = data.Series[0] with { Lower = data.Series[0].Lower.SetItem(0, double.NaN) };
        ChartAssert.Invalid(() => CumulativeProbabilityChart.Create(data with { Series = data.Series.SetItem(0, bad) }),
            "CumulativeProbabilityData.Series[0].Lower[0]");
    }

    [Fact]
    public void Create_BandLengthMismatch_Throws()
    {
        CumulativeProbabilityData data = SampleData.Cumulative();
        BandedSeries bad = data.Series[1] with { Upper = data.Series[1].Upper.Add(0.5) };
        ChartAssert.Invalid(() => CumulativeProbabilityChart.Create(data with { Series = data.Series.SetItem(1, bad) }),
            "CumulativeProbabilityData.Series[1].Upper");
    }

    [Fact]
    public void Create_OnlyLowerBand_Throws()
    {
        CumulativeProbabilityData data = SampleData.Cumulative();
        BandedSeries bad = data.Series[1] with { Upper = [] };
        ChartAssert.Invalid(() => CumulativeProbabilityChart.Create(data with { Series = data.Series.SetItem(1, bad) }),
            "CumulativeProbabilityData.Series[1].Lower");
    }

    [Fact]
    public void Create_OneMonth_Renders() =>
        ChartAssert.ValidPng(CumulativeProbabilityChart.Create(SampleData.Cumulative(months: 1)));
}
