using System.Text;

namespace Peninsula.Charts.Tests;

public class ChartImageTests
{
    private static readonly Lazy<ChartImage> Chart = new(() => CumulativeProbabilityChart.Create(SampleData.Cumulative(months: 12)));

    [Theory]
    [InlineData("chart.png", ChartFormat.Png)]
    [InlineData("CHART.PNG", ChartFormat.Png)]
    [InlineData("dir/chart.svg", ChartFormat.Svg)]
    public void FormatOf_KnownExtension_ReturnsFormat(string path, ChartFormat expected) =>
        Assert.Equal(expected, ChartImage.FormatOf(path));

    [Theory]
    [InlineData("chart.jpg", "'.jpg'")]
    [InlineData("chart.pdf", "'.pdf'")]
    [InlineData("chart", "no extension")]
    public void Save_UnsupportedExtension_Throws(string name, string mentioned)
    {
        string path = Path.Combine(Path.GetTempPath(), name);
        ArgumentException ex = Assert.Throws<ArgumentException>(() => Chart.Value.Save(path));
        Assert.Equal("path", ex.ParamName);
        Assert.Contains(mentioned, ex.Message, StringComparison.Ordinal);
        Assert.Contains(".png or .svg", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Save_EmptyPath_Throws() =>
        Assert.Throws<ArgumentException>(() => Chart.Value.Save(" "));

    [Fact]
    public void Save_PngAndSvg_WriteTheirFormats()
    {
        string folder = Path.Combine(Path.GetTempPath(), "peninsula-charts-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            Chart.Value.Save(Path.Combine(folder, "c.png"));
            Chart.Value.Save(Path.Combine(folder, "c.svg"));
            Assert.Equal(Chart.Value.Png, File.ReadAllBytes(Path.Combine(folder, "c.png")));
            Assert.Equal(Chart.Value.Svg, File.ReadAllText(Path.Combine(folder, "c.svg"), Encoding.UTF8));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void Render_Formats_MatchProperties()
    {
        Assert.Equal(Chart.Value.Png, Chart.Value.Render(ChartFormat.Png));
        Assert.Equal(Chart.Value.Svg, Encoding.UTF8.GetString(Chart.Value.Render(ChartFormat.Svg)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Chart.Value.Render((ChartFormat)7));
    }

    [Fact]
    public void Png_MutatingCopy_DoesNotChangeChart()
    {
        byte[] first = Chart.Value.Png;
        first[0] = 0;
        Assert.Equal(0x89, Chart.Value.Png[0]);
    }

    [Fact]
    public void Png_RenderedTwice_Identical() =>
        Assert.Equal(CumulativeProbabilityChart.Create(SampleData.Cumulative(months: 12)).Png, Chart.Value.Png);
}
