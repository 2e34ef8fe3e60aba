namespace Peninsula.Charts.Tests;

public class ChartStyleTests
{
    [Fact]
    public void Default_IsBriefingSized()
    {
        ChartStyle style = ChartStyle.Default;
        Assert.Equal((1200, 700), (style.Width, style.Height));
        Assert.True(style.AxisLabelFontSize >= 16);
        Assert.True(style.TickLabelFontSize >= 14);
        Assert.True(style.TitleFontSize >= 20);
        Assert.Equal(["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"], style.Palette.ToArray());
        Assert.Equal("#FFFFFF", style.Background);
        style.Validate();
    }

    [Fact]
    public void Create_CustomSize_PngHasThatSize()
    {
        var style = ChartStyle.Default with { Width = 800, Height = 500 };
        ChartImage chart = FanChart.Create(SampleData.Fan(months: 24), style);
        Assert.Equal((800, 500), ChartAssert.PngSize(chart.Png));
        ChartAssert.ValidPng(chart);
    }

    [Fact]
    public void Create_UnknownFontFamily_FallsBackToInstalledFont()
    {
        var style = ChartStyle.Default with { FontFamily = "No Such Font 123" };
        ChartImage chart = PhaseChart.Create(SampleData.Phases(months: 6), style);
        ChartAssert.ValidPng(chart);
        Assert.DoesNotContain("No Such Font", chart.Svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ChartStyle.AxisLabelFontSize))]
    [InlineData(nameof(ChartStyle.TickLabelFontSize))]
    [InlineData(nameof(ChartStyle.TitleFontSize))]
    [InlineData(nameof(ChartStyle.Width))]
    [InlineData(nameof(ChartStyle.Palette))]
    [InlineData(nameof(ChartStyle.Background))]
    public void Validate_InvalidProperty_ThrowsNamingIt(string property)
    {
        ChartStyle style = property switch
        {
            nameof(ChartStyle.AxisLabelFontSize) => ChartStyle.Default with { AxisLabelFontSize = 12 },
            nameof(ChartStyle.TickLabelFontSize) => ChartStyle.Default with { TickLabelFontSize = float.NaN },
            nameof(ChartStyle.TitleFontSize) => ChartStyle.Default with { TitleFontSize = 10 },
            nameof(ChartStyle.Width) => ChartStyle.Default with { Width = 10 },
            nameof(ChartStyle.Palette) => ChartStyle.Default with { Palette = [] },
            _ => ChartStyle.Default with { Background = "white" },
        };
        ArgumentException ex = Assert.Throws<ArgumentException>(() => FanChart.Create(SampleData.Fan(months: 3), style));
        Assert.Equal("style", ex.ParamName);
        Assert.Contains($"ChartStyle.{property}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadPaletteEntry_NamesIndex()
    {
        var style = ChartStyle.Default with { Palette = ["#000000", "#12345"] };
        ArgumentException ex = Assert.Throws<ArgumentException>(style.Validate);
        Assert.Contains("ChartStyle.Palette[1]", ex.Message, StringComparison.Ordinal);
    }
}
