using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;

namespace Peninsula.Charts;

/// <summary>Stacked area of negotiation-phase probabilities by month (<see cref="PhaseChartData"/>).</summary>
public static class PhaseChart
{
    /// <summary>Largest accepted |sum of a month's shares − 1|.</summary>
    public const double SumTolerance = 1e-3;

    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The shares; see <see cref="PhaseChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(PhaseChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Right, () => Build(data, s));
    }

    private static void Validate(PhaseChartData data)
    {
        const string root = nameof(PhaseChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Months(data.Months, $"{root}.Months");
        Check.Labels(root, ("XLabel", data.XLabel), ("YLabel", data.YLabel));
        Check.NotEmpty(data.Phases, $"{root}.Phases");
        Check.DistinctNames(data.Phases, i => $"{root}.Phases[{i}]");
        Check.Length(data.Shares, data.Months.Length, $"{root}.Shares", $"{root}.Months");
        for (int m = 0; m < data.Shares.Length; m++)
        {
            string f = $"{root}.Shares[{m}]";
            Check.Length(data.Shares[m], data.Phases.Length, f, $"{root}.Phases");
            Builder.ValidateValues(data.Shares[m], f, probability: true);
            double sum = data.Shares[m].Sum();
            Check.That(Math.Abs(sum - 1) <= SumTolerance, f,
                $"(month {data.Months[m]}) sums to {sum} but the phase shares of a month must sum to 1");
        }
    }

    private static Plot Build(PhaseChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.XLabel, data.YLabel);
        double[] xs = Builder.Indices(data.Months.Length);
        double[] below = new double[xs.Length];
        var fills = new List<FillY>();
        for (int k = 0; k < data.Phases.Length; k++)
        {
            double[] above = new double[xs.Length];
            for (int m = 0; m < xs.Length; m++)
            {
                // Normalise away rounding so the stack ends exactly at 100%.
                above[m] = below[m] + (100 * data.Shares[m][k] / data.Shares[m].Sum());
            }
            FillY fill = plot.Add.FillY(xs, (double[])below.Clone(), above);
            fill.FillColor = palette[k];
            fill.LineColor = Colors.White;
            fill.LineWidth = 0.8f;
            fill.LegendText = data.Phases[k];
            fills.Add(fill);
            below = above;
        }
        // Legend top to bottom in the order of the stack.
        foreach (FillY fill in Enumerable.Reverse(fills))
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = fill.LegendText,
                FillColor = fill.FillColor,
                LineWidth = 0,
                MarkerShape = MarkerShape.None,
            });
            fill.LegendText = "";
        }
        MonthAxis.Apply(plot.Axes.Bottom, data.Months, style, style.Width - 200);
        plot.Axes.SetLimits(0, Math.Max(data.Months.Length - 1, 1), 0, 100);
        ValueAxis.Apply(plot.Axes.Left, 0, 100, 10);
        plot.Grid.IsBeneathPlottables = false;
        plot.Grid.MajorLineColor = Colors.White.WithAlpha(0.35);
        plot.Legend.IsVisible = true; // drawn beside the plot by SideLegend
        return plot;
    }
}
