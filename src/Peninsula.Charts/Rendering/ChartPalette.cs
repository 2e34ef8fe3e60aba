using ScottPlot;

namespace Peninsula.Charts.Rendering;

/// <summary>Colours of a <see cref="ChartStyle"/> as ScottPlot colours, with the shades the charts use.</summary>
internal sealed class ChartPalette(ChartStyle style)
{
    private readonly Color[] colours = [.. style.Palette.Select(Color.FromHex)];

    public Color Background { get; } = Color.FromHex(style.Background);

    public static Color Text { get; } = Color.FromHex("#222222");

    public static Color Neutral { get; } = Color.FromHex("#555555");

    public static Color Grid { get; } = Color.FromHex("#E3E3E3");

    public int Count => colours.Length;

    /// <summary>Series colour <paramref name="index"/>, cyclically.</summary>
    public Color this[int index] => colours[index % colours.Length];
}
