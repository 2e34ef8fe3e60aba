using System.Globalization;
using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts;

/// <summary>Skill scores against baselines as grouped horizontal bars (<see cref="SkillScoreChartData"/>).</summary>
public static class SkillScoreChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The scores; see <see cref="SkillScoreChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(SkillScoreChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Right, () => Build(data, s));
    }

    private static void Validate(SkillScoreChartData data)
    {
        const string root = nameof(SkillScoreChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Labels(root, ("ValueLabel", data.ValueLabel), ("CategoryLabel", data.CategoryLabel), ("IntervalLabel", data.IntervalLabel));
        Check.NotEmpty(data.Scores, $"{root}.Scores");
        var pairs = new HashSet<(string, string)>();
        for (int i = 0; i < data.Scores.Length; i++)
        {
            string f = $"{root}.Scores[{i}]";
            SkillScore s = data.Scores[i];
            Check.NotNull(s, f);
            Check.Text(s.Score, $"{f}.Score");
            Check.Text(s.Baseline, $"{f}.Baseline");
            Check.That(pairs.Add((s.Score, s.Baseline)), f, $"repeats score '{s.Score}' for baseline '{s.Baseline}'");
            Check.Finite(s.Value, $"{f}.Value");
            Check.That(s.Value <= 1, $"{f}.Value", $"must be at most 1 (a skill score) but was {s.Value}");
            Check.That(s.Lower.HasValue == s.Upper.HasValue, $"{f}.Lower", "and Upper must both be given or both be null");
            if (s.Lower is double lower && s.Upper is double upper)
            {
                Check.Finite(lower, $"{f}.Lower");
                Check.Finite(upper, $"{f}.Upper");
                Check.Ordered(lower, upper, $"{f}.Lower", "Upper");
            }
        }
    }

    private static Plot Build(SkillScoreChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.ValueLabel, data.CategoryLabel);
        List<string> baselines = Builder.Ordered(data.Scores.Select(s => s.Baseline));
        List<string> scores = Builder.Ordered(data.Scores.Select(s => s.Score));
        double height = 0.8 / scores.Count;
        double low = 0, high = 0;
        var labels = new List<(double X, double Y, double Value)>();

        for (int k = 0; k < scores.Count; k++)
        {
            var bars = new List<Bar>();
            foreach (SkillScore s in data.Scores.Where(s => s.Score == scores[k]))
            {
                // First baseline on top: categories run downwards.
                double y = -baselines.IndexOf(s.Baseline) + 0.4 - (height * (k + 0.5));
                bars.Add(new Bar { Position = y, Value = s.Value, Size = height * 0.9, FillColor = palette[k], LineWidth = 0 });
                double end = s.Value;
                if (s.Lower is double lower && s.Upper is double upper)
                {
                    LinePlot whisker = plot.Add.Line(lower, y, upper, y);
                    whisker.LineColor = ChartPalette.Text;
                    whisker.LineWidth = 2;
                    whisker.MarkerShape = MarkerShape.VerticalBar;
                    whisker.MarkerSize = 10;
                    whisker.MarkerLineColor = ChartPalette.Text;
                    whisker.MarkerLineWidth = 2;
                    end = s.Value >= 0 ? Math.Max(end, upper) : Math.Min(end, lower);
                    low = Math.Min(low, lower);
                    high = Math.Max(high, upper);
                }
                labels.Add((end, y, s.Value));
                low = Math.Min(low, s.Value);
                high = Math.Max(high, s.Value);
            }
            BarPlot series = plot.Add.Bars(bars);
            series.Horizontal = true;
            series.LegendText = scores[k];
        }

        double span = Math.Max(high - low, 0.05);
        bool showValues = (style.Height - 200) * height / baselines.Count >= style.TickLabelFontSize;
        if (showValues)
        {
            foreach ((double x, double y, double value) in labels)
            {
                Text text = StyledPlot.AddText(plot, style, value.ToString("0.00", CultureInfo.InvariantCulture), x, y,
                    style.TickLabelFontSize - 1, ChartPalette.Text);
                text.Alignment = value >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight;
                text.OffsetX = value >= 0 ? 6 : -6;
            }
        }
        if (data.Scores.Any(s => s.Lower.HasValue))
            plot.Legend.ManualItems.Add(Builder.LineLegend(data.IntervalLabel, ChartPalette.Text, 2, LinePattern.Solid, MarkerShape.VerticalBar));

        StyledPlot.AddReferenceLine(plot, 0, vertical: true);
        plot.Axes.Left.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, baselines.Count).Select(i => (double)-i)], [.. baselines]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        // Room beyond the bar ends for the value labels.
        plot.Axes.SetLimitsX(low - (0.16 * span), high + (0.16 * span));
        ValueAxis.Apply(plot.Axes.Bottom, low - (0.16 * span), high + (0.16 * span), 10);
        plot.Axes.SetLimitsY(-baselines.Count + 0.45, 0.55);
        plot.Legend.IsVisible = true; // drawn beside the plot by SideLegend
        return plot;
    }
}
