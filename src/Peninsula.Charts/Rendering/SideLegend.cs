using ScottPlot;
using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>
/// A legend drawn in a strip of its own beside a plot (right: wrapping into several columns when its
/// items do not fit the height; bottom: one or more centred rows). ScottPlot's own edge legends
/// measure a single column or give every item the widest item's width, which clips or wastes space.
/// </summary>
internal static class SideLegend
{
    /// <summary>
    /// Renders <paramref name="plot"/> and, if its legend is visible, the legend items in a strip at
    /// <paramref name="edge"/> (<see cref="Edge.Right"/> or <see cref="Edge.Bottom"/>) of <paramref name="area"/>.
    /// </summary>
    public static void Render(Plot plot, ChartStyle style, SKCanvas canvas, PixelRect area, Edge edge = Edge.Right)
    {
        LegendItem[] items = plot.Legend.IsVisible ? plot.Legend.GetItems() : [];
        plot.Legend.IsVisible = false;
        if (items.Length == 0)
        {
            StyledPlot.Render(plot, canvas, area);
            return;
        }

        bool right = edge == Edge.Right;
        using Plot legendPlot = StyledPlot.Create(style, "", "", "");
        legendPlot.Layout.Frameless();
        legendPlot.Grid.IsVisible = false;
        legendPlot.Legend.ManualItems.AddRange(items);
        legendPlot.Legend.FontSize = plot.Legend.FontSize ?? style.LegendFontSize;
        legendPlot.Legend.InterItemPadding = right ? plot.Legend.InterItemPadding : new PixelPadding(8, 22, 2, 2);
        legendPlot.Legend.OutlineColor = Colors.Transparent;
        legendPlot.Legend.ShadowColor = Colors.Transparent;
        legendPlot.Legend.Orientation = right ? Orientation.Vertical : Orientation.Horizontal;
        legendPlot.Legend.TightHorizontalWrapping = !right;
        StyledPlot.ShowLegend(legendPlot, right ? Alignment.MiddleLeft : Alignment.UpperCenter);

        // Ask ScottPlot's own legend layout how large the (possibly wrapped) legend is.
        using Paint paint = Paint.NewDisposablePaint();
        if (right)
        {
            float maxWidth = area.Width * 0.5f;
            LegendLayout layout = legendPlot.Legend.GetLayout(new PixelSize(maxWidth, area.Height - 20), paint);
            float width = Math.Min(layout.LegendRect.Width + legendPlot.Legend.Margin.Horizontal + 20, maxWidth);
            StyledPlot.Render(plot, canvas, new PixelRect(area.Left, area.Right - width, area.Bottom, area.Top));
            StyledPlot.Render(legendPlot, canvas, new PixelRect(area.Right - width, area.Right, area.Bottom, area.Top));
        }
        else
        {
            float maxHeight = area.Height * 0.4f;
            LegendLayout layout = legendPlot.Legend.GetLayout(new PixelSize(area.Width - 40, maxHeight), paint);
            float height = Math.Min(layout.LegendRect.Height + legendPlot.Legend.Margin.Vertical + 12, maxHeight);
            StyledPlot.Render(plot, canvas, new PixelRect(area.Left, area.Right, area.Bottom - height, area.Top));
            StyledPlot.Render(legendPlot, canvas, new PixelRect(area.Left, area.Right, area.Bottom, area.Bottom - height));
        }
    }
}
