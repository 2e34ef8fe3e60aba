using System.Globalization;
using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts;

/// <summary>Side-by-side bars of headline probabilities per policy (<see cref="HeadlineProbabilityData"/>).</summary>
public static class HeadlineProbabilityChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The grid; see <see cref="HeadlineProbabilityData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(HeadlineProbabilityData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Right, () => Build(data, s));
    }

    private static void Validate(HeadlineProbabilityData data)
    {
        const string root = nameof(HeadlineProbabilityData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Labels(root, ("XLabel", data.XLabel), ("YLabel", data.YLabel), ("IntervalLabel", data.IntervalLabel));
        Check.NotEmpty(data.Probabilities, $"{root}.Probabilities");
        var pairs = new HashSet<(string, string)>();
        for (int i = 0; i < data.Probabilities.Length; i++)
        {
            string f = $"{root}.Probabilities[{i}]";
            HeadlineProbability p = data.Probabilities[i];
            Check.NotNull(p, f);
            Check.Text(p.Outcome, $"{f}.Outcome");
            Check.Text(p.Policy, $"{f}.Policy");
            Check.That(pairs.Add((p.Outcome, p.Policy)), f, $"repeats outcome '{p.Outcome}' for policy '{p.Policy}'");
            Check.Probability(p.Probability, $"{f}.Probability");
            Check.That(p.Lower.HasValue == p.Upper.HasValue, $"{f}.Lower", "and Upper must both be given or both be null");
            if (p.Lower is double lower && p.Upper is double upper)
            {
                Check.Probability(lower, $"{f}.Lower");
                Check.Probability(upper, $"{f}.Upper");
                Check.Ordered(lower, upper, $"{f}.Lower", "Upper");
            }
        }
        List<string> outcomes = Builder.Ordered(data.Probabilities.Select(p => p.Outcome));
        List<string> policies = Builder.Ordered(data.Probabilities.Select(p => p.Policy));
        foreach (string outcome in outcomes)
        {
            foreach (string policy in policies)
            {
                Check.That(pairs.Contains((outcome, policy)), $"{root}.Probabilities",
                    $"lack outcome '{outcome}' for policy '{policy}'; every outcome needs every policy");
            }
        }
    }

    private static Plot Build(HeadlineProbabilityData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.XLabel, data.YLabel);
        List<string> outcomes = Builder.Ordered(data.Probabilities.Select(p => p.Outcome));
        List<string> policies = Builder.Ordered(data.Probabilities.Select(p => p.Policy));
        double width = 0.8 / policies.Count;
        // Value labels only when a bar is wide enough for "99.9%".
        double plotPixels = style.Width - 420; // axis labels and the legend take the rest
        double barPixels = plotPixels * width / outcomes.Count;
        bool labels = barPixels >= 3.2 * style.TickLabelFontSize;
        double max = 0;

        for (int p = 0; p < policies.Count; p++)
        {
            var bars = new List<Bar>();
            foreach (HeadlineProbability hp in data.Probabilities.Where(x => x.Policy == policies[p]))
            {
                double x = outcomes.IndexOf(hp.Outcome) - 0.4 + (width * (p + 0.5));
                bars.Add(new Bar { Position = x, Value = 100 * hp.Probability, Size = width * 0.92, FillColor = palette[p], LineWidth = 0 });
                double barTop = 100 * (hp.Upper ?? hp.Probability);
                if (hp.Lower is double lower && hp.Upper is double upper)
                {
                    LinePlot whisker = plot.Add.Line(x, 100 * lower, x, 100 * upper);
                    whisker.LineColor = ChartPalette.Text;
                    whisker.LineWidth = 2;
                    whisker.MarkerShape = MarkerShape.HorizontalBar;
                    whisker.MarkerSize = (float)Math.Min(14, barPixels * 0.5);
                    whisker.MarkerLineColor = ChartPalette.Text;
                    whisker.MarkerLineWidth = 2;
                }
                if (labels)
                {
                    Text label = StyledPlot.AddText(plot, style, Percent(hp.Probability), x, barTop, style.TickLabelFontSize - 1, ChartPalette.Text);
                    label.Alignment = Alignment.LowerCenter;
                    label.OffsetY = -4;
                }
                max = Math.Max(max, barTop);
            }
            BarPlot series = plot.Add.Bars(bars);
            series.LegendText = policies[p];
        }
        if (data.Probabilities.Any(p => p.Lower.HasValue))
            plot.Legend.ManualItems.Add(Builder.LineLegend(data.IntervalLabel, ChartPalette.Text, 2, LinePattern.Solid));

        plot.Axes.Bottom.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, outcomes.Count).Select(i => (double)i)],
            [.. outcomes.Select(o => Builder.Wrap(o, (int)(plotPixels / outcomes.Count / (0.62 * style.TickLabelFontSize))))]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Axes.SetLimitsX(-0.55, outcomes.Count - 0.45);
        double top = Math.Min(100, ValueAxis.PercentTop(max * 1.08));
        plot.Axes.SetLimitsY(0, top);
        ValueAxis.Apply(plot.Axes.Left, 0, top, 10);
        plot.Legend.IsVisible = true; // drawn beside the plot by SideLegend
        return plot;
    }

    private static string Percent(double p) =>
        (100 * p).ToString(p < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";
}
