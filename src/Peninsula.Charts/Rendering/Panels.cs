using ScottPlot;
using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>
/// Figures of several plots stacked top to bottom. Each plot gets a fixed padding computed from the
/// style's font sizes, so the data areas of all rows share their left and right edges and x axes align.
/// </summary>
internal static class Panels
{
    /// <summary>Fixes the padding around the data area of one row.</summary>
    /// <param name="plot">The row's plot.</param>
    /// <param name="style">Font sizes.</param>
    /// <param name="title">Whether the row shows a title above it.</param>
    /// <param name="xLabel">Whether the row shows an x-axis label below its tick labels.</param>
    /// <param name="rightAxis">Whether the row has a labelled right axis.</param>
    public static void FixPadding(Plot plot, ChartStyle style, bool title, bool xLabel, bool rightAxis = false)
    {
        float left = (0.62f * style.TickLabelFontSize * 5) + (1.5f * style.AxisLabelFontSize) + 20;
        float right = rightAxis ? left : 34;
        float bottom = (1.5f * style.TickLabelFontSize) + (xLabel ? (1.6f * style.AxisLabelFontSize) + 12 : 10);
        float top = title ? (2.1f * style.TitleFontSize) + 6 : 14;
        plot.Layout.Fixed(new PixelPadding(left, right, bottom, top));
    }

    /// <summary>Renders the rows into <paramref name="area"/> with heights proportional to the weights.</summary>
    public static void RenderRows(SKCanvas canvas, PixelRect area, IReadOnlyList<(Plot Plot, float Weight)> rows)
    {
        float total = rows.Sum(r => r.Weight);
        float top = area.Top;
        foreach ((Plot plot, float weight) in rows)
        {
            float height = area.Height * weight / total;
            var rect = new PixelRect(area.Left, area.Right, top + height, top);
            StyledPlot.Render(plot, canvas, rect);
            top += height;
        }
    }
}
