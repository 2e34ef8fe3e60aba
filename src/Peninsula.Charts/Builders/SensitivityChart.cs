using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts;

/// <summary>
/// Tornado chart of how far each factor moves each outcome (<see cref="SensitivityChartData"/>): per outcome, bars
/// from the smallest to the largest change against the base, sorted widest first.
/// </summary>
public static class SensitivityChart
{
    private const double BarHeight = 0.62;

    /// <summary>Height in pixels that gives each of <paramref name="rows"/> bars in <paramref name="groups"/> outcome groups room for its label at the default fonts.</summary>
    public static int SuggestedHeight(int rows, int groups) =>
        Math.Clamp(230 + (34 * rows) + (20 * groups), ChartStyle.Default.Height, ChartStyle.MaximumSize);

    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The bars; see <see cref="SensitivityChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(SensitivityChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Bottom, () => Build(data, s));
    }

    private static void Validate(SensitivityChartData data)
    {
        const string root = nameof(SensitivityChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Labels(root, ("ValueLabel", data.ValueLabel), ("CategoryLabel", data.CategoryLabel));
        Check.NotEmpty(data.Bars, $"{root}.Bars");
        var pairs = new HashSet<(string, string)>();
        for (int i = 0; i < data.Bars.Length; i++)
        {
            string f = $"{root}.Bars[{i}]";
            SensitivityBar b = data.Bars[i];
            Check.NotNull(b, f);
            Check.Text(b.Outcome, $"{f}.Outcome");
            Check.Text(b.Factor, $"{f}.Factor");
            Check.Labels(f, ("LowLabel", b.LowLabel), ("HighLabel", b.HighLabel));
            Check.That(pairs.Add((b.Outcome, b.Factor)), f, $"repeats factor '{b.Factor}' for outcome '{b.Outcome}'");
            Check.InRange(b.Low, -1, 1, $"{f}.Low");
            Check.InRange(b.High, -1, 1, $"{f}.High");
            Check.Ordered(b.Low, b.High, $"{f}.Low", "High");
        }
    }

    /// <summary>
    /// Room (in data units) beyond the bars for the end labels: each label's estimated pixel width against the data
    /// area's estimated width, so long package names at a short bar's end stay inside the plot.
    /// </summary>
    private static (double Left, double Right) LabelRoom(List<(double X, double Y, string Text, bool Left)> labels, double span, ChartStyle style)
    {
        double perChar = 0.6 * (style.TickLabelFontSize - 1);
        double area = 0.62 * style.Width;
        double Widest(bool left) => labels.Where(l => l.Left == left).Select(l => (l.Text.Length * perChar) + 10).DefaultIfEmpty(0).Max();
        // span + left + right = total, and each side holds its label: side = widest / area × total.
        double l = Math.Min(Widest(true) / area, 0.4), r = Math.Min(Widest(false) / area, 0.4);
        double total = span / (1 - l - r);
        return (Math.Max(l * total, 0.04 * span), Math.Max(r * total, 0.04 * span));
    }

    private static Plot Build(SensitivityChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Color decrease = palette[4 % palette.Count];
        Color increase = palette[0];
        Plot plot = StyledPlot.Create(style, data.Title, data.ValueLabel, data.CategoryLabel);
        List<string> outcomes = Builder.Ordered(data.Bars.Select(b => b.Outcome));

        var ticks = new List<Tick>();
        var down = new List<Bar>();
        var up = new List<Bar>();
        var labels = new List<(double X, double Y, string Text, bool Left)>();
        double y = 0;
        double low = 0, high = 0;
        foreach (string outcome in outcomes)
        {
            // Widest first (a tornado); equal widths keep the order given.
            foreach (SensitivityBar b in data.Bars.Where(b => b.Outcome == outcome).OrderByDescending(b => b.High - b.Low))
            {
                double lo = 100 * b.Low, hi = 100 * b.High;
                if (lo < 0)
                    down.Add(new Bar { Position = y, ValueBase = lo, Value = Math.Min(hi, 0), Size = BarHeight, FillColor = decrease, LineWidth = 0 });
                if (hi > 0)
                    up.Add(new Bar { Position = y, ValueBase = Math.Max(lo, 0), Value = hi, Size = BarHeight, FillColor = increase, LineWidth = 0 });
                if (hi <= lo)
                {
                    labels.Add((lo, y, "no change", false));
                }
                else
                {
                    if (b.LowLabel.Length > 0)
                        labels.Add((Math.Min(lo, 0), y, b.LowLabel, true));
                    if (b.HighLabel.Length > 0)
                        labels.Add((Math.Max(hi, 0), y, b.HighLabel, false));
                }
                ticks.Add(Tick.Major(y, $"{outcome} · {b.Factor}"));
                low = Math.Min(low, lo);
                high = Math.Max(high, hi);
                y -= 1;
            }
            y -= 0.6; // gap between outcome groups
        }
        if (down.Count > 0)
            plot.Add.Bars(down).Horizontal = true;
        if (up.Count > 0)
            plot.Add.Bars(up).Horizontal = true;

        double span = Math.Max(high - low, 1);
        (double padLeft, double padRight) = LabelRoom(labels, span, style);
        foreach ((double x, double ty, string text, bool left) in labels)
        {
            Text label = StyledPlot.AddText(plot, style, text, x, ty, style.TickLabelFontSize - 1, ChartPalette.Text);
            label.Alignment = left ? Alignment.MiddleRight : Alignment.MiddleLeft;
            label.OffsetX = left ? -6 : 6;
        }

        StyledPlot.AddReferenceLine(plot, 0, vertical: true);
        plot.Axes.Left.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        double xMin = low - padLeft, xMax = high + padRight;
        plot.Axes.SetLimitsX(xMin, xMax);
        ValueAxis.Apply(plot.Axes.Bottom, xMin, xMax, 10);
        plot.Axes.SetLimitsY(y + 1.6 - 0.5, 0.6);

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Decrease against the base", FillColor = decrease, LineWidth = 0, MarkerShape = MarkerShape.None });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Increase against the base", FillColor = increase, LineWidth = 0, MarkerShape = MarkerShape.None });
        plot.Legend.IsVisible = true;
        return plot;
    }
}
