using System.Text;
using Peninsula.Charts.Rendering;

namespace Peninsula.Charts;

/// <summary>
/// A finished chart: renders itself to PNG or SVG on first request and caches the result.
/// Immutable and thread-safe; the chart data it was built from were copied and validated by its builder.
/// </summary>
public sealed class ChartImage
{
    private readonly Painter painter;
    private readonly Lazy<byte[]> png;
    private readonly Lazy<string> svg;

    internal ChartImage(string title, int width, int height, Painter painter)
    {
        Title = title;
        Width = width;
        Height = height;
        this.painter = painter;
        png = new Lazy<byte[]>(() => FigureRenderer.Png(Width, Height, this.painter));
        svg = new Lazy<string>(() => FigureRenderer.Svg(Width, Height, this.painter));
    }

    /// <summary>The chart's title as drawn.</summary>
    public string Title { get; }

    /// <summary>Width in pixels (of the PNG, and the SVG's view box).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (of the PNG, and the SVG's view box).</summary>
    public int Height { get; }

    /// <summary>The chart as PNG bytes (a fresh copy on every call).</summary>
    public byte[] Png => (byte[])png.Value.Clone();

    /// <summary>The chart as an SVG document.</summary>
    public string Svg => svg.Value;

    /// <summary>The chart encoded in <paramref name="format"/> (SVG as UTF-8 bytes).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined format.</exception>
    public byte[] Render(ChartFormat format) => format switch
    {
        ChartFormat.Png => Png,
        ChartFormat.Svg => Encoding.UTF8.GetBytes(Svg),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Chart format must be Png or Svg."),
    };

    /// <summary>
    /// Writes the chart to <paramref name="path"/>, choosing the format by extension (<c>.png</c> or
    /// <c>.svg</c>, any case). Creates the parent folder if missing; overwrites an existing file.
    /// </summary>
    /// <exception cref="ArgumentException">The path is empty or has another extension.</exception>
    public void Save(string path)
    {
        ChartFormat format = FormatOf(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, Render(format));
    }

    /// <summary>The format that <see cref="Save"/> uses for <paramref name="path"/>.</summary>
    /// <exception cref="ArgumentException">The path is empty or its extension is not .png or .svg.</exception>
    public static ChartFormat FormatOf(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new ArgumentException("Chart file path must not be empty.", nameof(path));
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            return ChartFormat.Png;
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            return ChartFormat.Svg;
        string shown = extension.Length == 0 ? "no extension" : $"extension '{extension}'";
        throw new ArgumentException(
            $"Cannot save chart to '{path}': {shown} is not supported; use .png or .svg.", nameof(path));
    }
}
