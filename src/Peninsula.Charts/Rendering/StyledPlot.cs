using ScottPlot;
using ScottPlot.Plottables;
using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>Creates ScottPlot plots with a <see cref="ChartStyle"/>'s fonts, sizes and colours applied.</summary>
internal static class StyledPlot
{
    /// <summary>A plot with title (may be empty), axis labels, fonts and colours set.</summary>
    public static Plot Create(ChartStyle style, string title, string xLabel, string yLabel)
    {
        var palette = new ChartPalette(style);
        string font = FontResolver.Resolve(style.FontFamily);
        var plot = new Plot();
        plot.FigureBackground.Color = palette.Background;
        plot.DataBackground.Color = palette.Background;
        // Not plot.Font.Set: it also rewrites ScottPlot's process-wide default font. Every label
        // gets the family by name instead, so bold and regular faces resolve per label.

        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontName = font;
        plot.Axes.Title.Label.FontSize = style.TitleFontSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Text;
        plot.Axes.Title.IsVisible = title.Length > 0;

        plot.Axes.Bottom.Label.Text = xLabel;
        plot.Axes.Left.Label.Text = yLabel;
        foreach (IAxis axis in plot.Axes.GetAxes())
            StyleAxis(axis, style, font);

        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Grid.MinorLineColor = Colors.Transparent;

        plot.Legend.FontName = font;
        plot.Legend.FontSize = style.LegendFontSize;
        plot.Legend.FontColor = ChartPalette.Text;
        plot.Legend.OutlineColor = Color.FromHex("#BBBBBB");
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.92);
        plot.Legend.SymbolWidth = 28;
        plot.Legend.IsVisible = false;
        return plot;
    }

    /// <summary>
    /// Draws <paramref name="plot"/> into <paramref name="area"/> exactly once. ScottPlot lays out and
    /// draws twice on a plot's first render; a dry run on a no-op canvas settles the layout so the SVG
    /// holds each element once, and the canvas is not cleared (the figure background covers the area).
    /// </summary>
    public static void Render(Plot plot, SKCanvas canvas, PixelRect area)
    {
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        using (var dryRun = new SKNoDrawCanvas((int)Math.Ceiling(area.Right), (int)Math.Ceiling(area.Bottom)))
        {
            plot.Render(dryRun, area);
        }
        plot.Render(canvas, area);
    }

    /// <summary>Applies the style's fonts to an axis (also one added after <see cref="Create"/>).</summary>
    public static void StyleAxis(IAxis axis, ChartStyle style, string? font = null)
    {
        font ??= FontResolver.Resolve(style.FontFamily);
        axis.Label.FontName = font;
        axis.Label.FontSize = style.AxisLabelFontSize;
        axis.Label.Bold = false;
        axis.Label.ForeColor = ChartPalette.Text;
        axis.TickLabelStyle.FontName = font;
        axis.TickLabelStyle.FontSize = style.TickLabelFontSize;
        axis.TickLabelStyle.ForeColor = ChartPalette.Text;
        axis.MajorTickStyle.Length = 6;
        axis.MinorTickStyle.Length = 3;
    }

    /// <summary>A text label in the style's font.</summary>
    public static Text AddText(Plot plot, ChartStyle style, string text, double x, double y, float size, Color colour)
    {
        Text label = plot.Add.Text(text, x, y);
        label.LabelFontName = FontResolver.Resolve(style.FontFamily);
        label.LabelFontSize = size;
        label.LabelFontColor = colour;
        return label;
    }

    /// <summary>A horizontal line at zero (or another reference), drawn above the grid.</summary>
    public static void AddReferenceLine(Plot plot, double y, bool vertical = false)
    {
        AxisLine line = vertical ? plot.Add.VerticalLine(y) : plot.Add.HorizontalLine(y);
        line.LineWidth = 1.5f;
        line.LineColor = ChartPalette.Neutral;
        line.LinePattern = LinePattern.Solid;
        line.ExcludeFromLegend = true;
    }

    /// <summary>A legend inside the data area.</summary>
    public static void ShowLegend(Plot plot, Alignment inside)
    {
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = inside;
    }
}
