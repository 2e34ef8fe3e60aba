using System.Globalization;
using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;

namespace Peninsula.Charts;

/// <summary>Reliability diagram with a panel of counts per bin (<see cref="ReliabilityChartData"/>).</summary>
public static class ReliabilityChart
{
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond, MarkerShape.FilledTriangleDown];

    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The bins; see <see cref="ReliabilityChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(ReliabilityChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.Rows(data.Title, s, () => Build(data, s));
    }

    private static void Validate(ReliabilityChartData data)
    {
        const string root = nameof(ReliabilityChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Labels(root, ("IntervalLabel", data.IntervalLabel));
        Check.NotEmpty(data.Targets, $"{root}.Targets");
        for (int t = 0; t < data.Targets.Length; t++)
        {
            string f = $"{root}.Targets[{t}]";
            ReliabilityTarget target = data.Targets[t];
            Check.NotNull(target, f);
            Check.Text(target.Name, $"{f}.Name");
            Check.NotEmpty(target.Bins, $"{f}.Bins");
            for (int b = 0; b < target.Bins.Length; b++)
            {
                string bf = $"{f}.Bins[{b}]";
                ReliabilityBin bin = target.Bins[b];
                Check.NotNull(bin, bf);
                Check.Probability(bin.MeanForecast, $"{bf}.MeanForecast");
                Check.Probability(bin.ObservedFrequency, $"{bf}.ObservedFrequency");
                Check.Probability(bin.Lower, $"{bf}.Lower");
                Check.Probability(bin.Upper, $"{bf}.Upper");
                Check.That(bin.Count >= 1, $"{bf}.Count", $"must be at least 1 but was {bin.Count}; leave empty bins out");
                Check.Ordered(bin.Lower, bin.ObservedFrequency, $"{bf}.Lower", "ObservedFrequency");
                Check.Ordered(bin.ObservedFrequency, bin.Upper, $"{bf}.ObservedFrequency", "Upper");
            }
        }
        Check.DistinctNames([.. data.Targets.Select(t => t.Name)], i => $"{root}.Targets[{i}].Name");
    }

    private static List<(Plot, float)> Build(ReliabilityChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot top = StyledPlot.Create(style, data.Title, "", "Observed frequency (%)");
        Plot bottom = StyledPlot.Create(style, "", "Mean forecast probability in bin (%)", "Forecasts (count)");

        LinePlot diagonal = top.Add.Line(0, 0, 100, 100);
        diagonal.LineColor = ChartPalette.Neutral;
        diagonal.LineWidth = 1.5f;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "Perfect calibration";

        int targets = data.Targets.Length;
        double barWidth = Math.Min(3.0, 7.0 / targets);
        double maxCount = data.Targets.SelectMany(t => t.Bins).Max(b => b.Count);
        for (int t = 0; t < targets; t++)
        {
            ReliabilityTarget target = data.Targets[t];
            Color colour = palette[t];
            foreach (ReliabilityBin bin in target.Bins)
            {
                LinePlot bar = top.Add.Line(100 * bin.MeanForecast, 100 * bin.Lower, 100 * bin.MeanForecast, 100 * bin.Upper);
                bar.LineColor = colour;
                bar.LineWidth = 2;
                bar.MarkerShape = MarkerShape.HorizontalBar;
                bar.MarkerSize = 10;
                bar.MarkerLineColor = colour;
                bar.MarkerLineWidth = 2;
            }
            double[] xs = [.. target.Bins.Select(b => 100 * b.MeanForecast)];
            double[] ys = [.. target.Bins.Select(b => 100 * b.ObservedFrequency)];
            Scatter points = top.Add.Scatter(xs, ys, colour);
            points.LineWidth = 1.5f;
            points.MarkerShape = Shapes[t % Shapes.Length];
            points.MarkerSize = 11;
            points.LegendText = target.Name;

            var bars = new List<Bar>();
            foreach (ReliabilityBin bin in target.Bins)
            {
                double x = (100 * bin.MeanForecast) + (barWidth * (t - ((targets - 1) / 2.0)));
                bars.Add(new Bar { Position = x, Value = bin.Count, Size = barWidth * 0.9, FillColor = colour, LineWidth = 0 });
                Text count = StyledPlot.AddText(bottom, style, bin.Count.ToString(CultureInfo.InvariantCulture), x, bin.Count,
                    style.TickLabelFontSize - 1, ChartPalette.Text);
                count.Alignment = Alignment.LowerCenter;
                count.OffsetY = -2;
            }
            bottom.Add.Bars(bars);
        }
        top.Legend.ManualItems.Add(Builder.LineLegend(data.IntervalLabel + " of observed frequency", ChartPalette.Neutral, 2, LinePattern.Solid, MarkerShape.VerticalBar));
        StyledPlot.ShowLegend(top, Alignment.UpperLeft);

        top.Axes.SetLimits(-2, 102, -2, 102);
        bottom.Axes.SetLimits(-2, 102, 0, maxCount * 1.35);
        ValueAxis.Apply(top.Axes.Bottom, 0, 100, 10);
        ValueAxis.Apply(top.Axes.Left, 0, 100, 10);
        ValueAxis.Apply(bottom.Axes.Bottom, 0, 100, 10);
        ValueAxis.Apply(bottom.Axes.Left, 0, maxCount * 1.35, 3);
        Panels.FixPadding(top, style, title: true, xLabel: false);
        Panels.FixPadding(bottom, style, title: false, xLabel: true);
        return [(top, 2.6f), (bottom, 1f)];
    }
}
