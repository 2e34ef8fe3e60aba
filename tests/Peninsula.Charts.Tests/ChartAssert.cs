using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;
using SkiaSharp;

namespace Peninsula.Charts.Tests;

/// <summary>Checks on rendered charts shared by the chart tests.</summary>
internal static class ChartAssert
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Width and height from the IHDR chunk, after checking the signature and chunk order.</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 33, "PNG is too short to hold a header");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal(13u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(8, 4)));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal("IEND", Encoding.ASCII.GetString(png, png.Length - 8, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16, 4)), (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>A decodable PNG of the chart's size whose title band holds dark (text) pixels.</summary>
    public static void ValidPng(ChartImage chart)
    {
        byte[] png = chart.Png;
        Assert.Equal((chart.Width, chart.Height), PngSize(png));
        using SKBitmap bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(chart.Width, bitmap.Width);
        Assert.Equal(chart.Height, bitmap.Height);
        // The title is drawn in the top 45 px: without a usable font that band would be blank.
        int dark = 0;
        for (int y = 0; y < 45; y++)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 200)
                    dark++;
            }
        }
        Assert.True(dark > 100, $"the title band has only {dark} dark pixels; is a font installed?");
    }

    /// <summary>The SVG parses as XML and its text holds every expected string (whitespace normalised).</summary>
    public static void SvgHasText(ChartImage chart, params string[] expected)
    {
        XDocument svg = XDocument.Parse(chart.Svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        Assert.Equal(chart.Width.ToString(System.Globalization.CultureInfo.InvariantCulture), svg.Root.Attribute("width")?.Value);
        string[] texts = [.. svg.Descendants(ns + "text").Select(t => Normalise(t.Value))];
        foreach (string text in expected)
            Assert.Contains(texts, t => t.Contains(Normalise(text), StringComparison.Ordinal));
    }

    /// <summary>Two charts that differ only in data must not render to the same image.</summary>
    public static void DifferentImages(ChartImage a, ChartImage b)
    {
        Assert.Equal(a.Title, b.Title);
        Assert.NotEqual(a.Png, b.Png);
        Assert.NotEqual(a.Svg, b.Svg);
    }

    /// <summary>The action throws an ArgumentException for <c>data</c> whose message names <paramref name="field"/>.</summary>
    public static ArgumentException Invalid(Action action, string field)
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(action);
        Assert.Equal("data", ex.ParamName);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        return ex;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
