namespace Peninsula.Charts.Tests;

public class HistoricalRecordChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => HistoricalRecordChart.Create(SampleData.History()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Year", "Ladder level (0–6)", "Fitted P(level ≥3) (%)",
            "Clinton", "Bush (43)", "Trump", "Observed level ≥3", "1990", "2020");
        Artefacts.Write("historical-record", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, HistoricalRecordChart.Create(SampleData.History(shift: 0.1)));

    [Fact]
    public void Create_WithoutFitted_RendersOnePanel()
    {
        ChartImage chart = HistoricalRecordChart.Create(SampleData.History() with { Fitted = [] });
        ChartAssert.ValidPng(chart);
        ChartAssert.SvgHasText(chart, "Year", "Ladder level (0–6)");
        Assert.DoesNotContain("Fitted", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LevelAboveMax_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Levels = data.Levels.SetItem(100, 7) }),
            "HistoricalRecordData.Levels[100]");
    }

    [Fact]
    public void Create_FittedLengthMismatch_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Fitted = data.Fitted.RemoveAt(0) }), "HistoricalRecordData.Fitted");
    }

    [Fact]
    public void Create_FittedNaN_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Fitted = data.Fitted.SetItem(5, double.NaN) }),
            "HistoricalRecordData.Fitted[5]");
    }

    [Fact]
    public void Create_OverlappingAdministrations_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        AdministrationPeriod overlap = data.Administrations[2] with { Start = "2000-06" };
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Administrations = data.Administrations.SetItem(2, overlap) }),
            "HistoricalRecordData.Administrations[2].Start");
    }

    [Fact]
    public void Create_AdministrationEndsBeforeStart_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        AdministrationPeriod reversed = data.Administrations[0] with { End = "1989-12" };
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Administrations = data.Administrations.SetItem(0, reversed) }),
            "HistoricalRecordData.Administrations[0].End");
    }

    [Fact]
    public void Create_MonthsNotIncreasing_Throws()
    {
        HistoricalRecordData data = SampleData.History();
        ChartAssert.Invalid(() => HistoricalRecordChart.Create(data with { Months = data.Months.SetItem(12, "1990-01") }),
            "HistoricalRecordData.Months[12]");
    }

    [Fact]
    public void Create_OneMonthNoAdministrations_Renders()
    {
        var data = new HistoricalRecordData("One month", ["2001-06"], [4], []) { Fitted = [0.3] };
        ChartAssert.ValidPng(HistoricalRecordChart.Create(data));
    }
}
