using System.Collections.Immutable;
using System.Globalization;

namespace Peninsula.Charts;

/// <summary>
/// Look of every chart: pixel size, font sizes, colours and font family. The defaults are sized for a
/// briefing slide (1200 × 700 px) and use the colour-blind-safe Okabe–Ito palette on white.
/// Font sizes are in pixels; <see cref="Validate"/> rejects sizes below the readable minimums.
/// </summary>
public sealed record ChartStyle
{
    /// <summary>Smallest accepted <see cref="TitleFontSize"/> (px).</summary>
    public const float MinimumTitleFontSize = 20;

    /// <summary>Smallest accepted <see cref="AxisLabelFontSize"/> (px).</summary>
    public const float MinimumAxisLabelFontSize = 16;

    /// <summary>Smallest accepted <see cref="TickLabelFontSize"/> and <see cref="LegendFontSize"/> (px).</summary>
    public const float MinimumTickLabelFontSize = 14;

    /// <summary>Smallest accepted <see cref="Width"/> and <see cref="Height"/> (px).</summary>
    public const int MinimumSize = 300;

    /// <summary>Largest accepted <see cref="Width"/> and <see cref="Height"/> (px).</summary>
    public const int MaximumSize = 8000;

    /// <summary>
    /// The Okabe–Ito palette (Okabe and Ito 2008): orange, sky blue, bluish green, yellow, blue,
    /// vermillion, reddish purple, black — distinguishable under the common colour-vision deficiencies.
    /// </summary>
    public static ImmutableArray<string> OkabeIto { get; } =
        ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"];

    /// <summary>The briefing defaults.</summary>
    public static ChartStyle Default { get; } = new();

    /// <summary>Image width in pixels; default 1200.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Image height in pixels; default 700.</summary>
    public int Height { get; init; } = 700;

    /// <summary>Title size in pixels; default 24, at least <see cref="MinimumTitleFontSize"/>.</summary>
    public float TitleFontSize { get; init; } = 24;

    /// <summary>Axis label size in pixels; default 18, at least <see cref="MinimumAxisLabelFontSize"/>.</summary>
    public float AxisLabelFontSize { get; init; } = 18;

    /// <summary>Tick label size in pixels; default 15, at least <see cref="MinimumTickLabelFontSize"/>.</summary>
    public float TickLabelFontSize { get; init; } = 15;

    /// <summary>Legend text size in pixels; default 15, at least <see cref="MinimumTickLabelFontSize"/>.</summary>
    public float LegendFontSize { get; init; } = 15;

    /// <summary>Width of data lines in pixels; default 2.5, in (0, 20].</summary>
    public float LineWidth { get; init; } = 2.5f;

    /// <summary>Series colours as <c>#RRGGBB</c>, used in order and cyclically; default <see cref="OkabeIto"/>.</summary>
    public ImmutableArray<string> Palette { get; init; } = OkabeIto;

    /// <summary>Figure and data-area background as <c>#RRGGBB</c>; default white.</summary>
    public string Background { get; init; } = "#FFFFFF";

    /// <summary>
    /// Font family. <see langword="null"/> (the default) or a family that is not installed selects
    /// DejaVu Sans when installed, else another common sans-serif, else ScottPlot's default font.
    /// </summary>
    public string? FontFamily { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        Require(Width is >= MinimumSize and <= MaximumSize, nameof(Width), $"must be in [{MinimumSize}, {MaximumSize}] px but was {Width}");
        Require(Height is >= MinimumSize and <= MaximumSize, nameof(Height), $"must be in [{MinimumSize}, {MaximumSize}] px but was {Height}");
        RequireSize(TitleFontSize, MinimumTitleFontSize, nameof(TitleFontSize));
        RequireSize(AxisLabelFontSize, MinimumAxisLabelFontSize, nameof(AxisLabelFontSize));
        RequireSize(TickLabelFontSize, MinimumTickLabelFontSize, nameof(TickLabelFontSize));
        RequireSize(LegendFontSize, MinimumTickLabelFontSize, nameof(LegendFontSize));
        Require(float.IsFinite(LineWidth) && LineWidth > 0 && LineWidth <= 20, nameof(LineWidth), $"must be in (0, 20] px but was {LineWidth}");
        Require(!Palette.IsDefaultOrEmpty, nameof(Palette), "must hold at least one colour");
        for (int i = 0; i < Palette.Length; i++)
            Require(IsHexColour(Palette[i]), $"{nameof(Palette)}[{i}]", $"must be a colour #RRGGBB but was '{Palette[i]}'");
        Require(IsHexColour(Background), nameof(Background), $"must be a colour #RRGGBB but was '{Background}'");
    }

    internal static bool IsHexColour(string? text) =>
        text is { Length: 7 or 9 } && text[0] == '#'
        && uint.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _);

    private static void RequireSize(float value, float minimum, string name) =>
        Require(float.IsFinite(value) && value >= minimum && value <= 200, name, $"must be in [{minimum}, 200] px but was {value}");

    private static readonly string StyleParameter = "style";

    private static void Require(bool ok, string name, string message)
    {
        if (!ok)
            throw new ArgumentException($"{nameof(ChartStyle)}.{name} {message}.", StyleParameter);
    }
}
