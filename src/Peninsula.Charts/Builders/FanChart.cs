using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;

namespace Peninsula.Charts;

/// <summary>Fan chart of monthly probabilities with 50% and 90% bands (<see cref="FanChartData"/>).</summary>
public static class FanChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The fans; see <see cref="FanChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(FanChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Right, () => Build(data, s));
    }

    private static void Validate(FanChartData data)
    {
        const string root = nameof(FanChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Months(data.Months, $"{root}.Months");
        Check.Labels(root, ("XLabel", data.XLabel), ("YLabel", data.YLabel));
        Check.NotEmpty(data.Series, $"{root}.Series");
        for (int s = 0; s < data.Series.Length; s++)
        {
            string field = $"{root}.Series[{s}]";
            FanSeries series = data.Series[s];
            Check.NotNull(series, field);
            Check.Length(series.Points, data.Months.Length, $"{field}.Points", $"{root}.Months");
            for (int m = 0; m < series.Points.Length; m++)
            {
                MonthQuantiles q = series.Points[m];
                string p = $"{field}.Points[{m}]";
                Check.Probability(q.Q05, $"{p}.Q05");
                Check.Probability(q.Q25, $"{p}.Q25");
                Check.Probability(q.Median, $"{p}.Median");
                Check.Probability(q.Q75, $"{p}.Q75");
                Check.Probability(q.Q95, $"{p}.Q95");
                Check.Ordered(q.Q05, q.Q25, $"{p}.Q05", "Q25");
                Check.Ordered(q.Q25, q.Median, $"{p}.Q25", "Median");
                Check.Ordered(q.Median, q.Q75, $"{p}.Median", "Q75");
                Check.Ordered(q.Q75, q.Q95, $"{p}.Q75", "Q95");
            }
        }
        Check.DistinctNames([.. data.Series.Select(s => s.Name)], i => $"{root}.Series[{i}].Name");
    }

    private static Plot Build(FanChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.XLabel, data.YLabel);
        double[] xs = [.. Enumerable.Range(0, data.Months.Length).Select(i => (double)i)];
        double max = 0;
        for (int s = 0; s < data.Series.Length; s++)
        {
            FanSeries series = data.Series[s];
            Color colour = palette[s];
            double[] Pct(Func<MonthQuantiles, double> f) => [.. series.Points.Select(q => 100 * f(q))];

            FillY outer = plot.Add.FillY(xs, Pct(q => q.Q05), Pct(q => q.Q95));
            outer.FillColor = colour.WithAlpha(Builder.OuterBandOpacity);
            outer.LineWidth = 0;
            FillY inner = plot.Add.FillY(xs, Pct(q => q.Q25), Pct(q => q.Q75));
            inner.FillColor = colour.WithAlpha(Builder.InnerBandOpacity);
            inner.LineWidth = 0;

            Scatter median = plot.Add.ScatterLine(xs, Pct(q => q.Median), colour.Darken(0.15));
            median.LineWidth = style.LineWidth + 0.5f;
            median.LegendText = $"{series.Name} ({data.CentralLabel})";
            max = Math.Max(max, series.Points.Max(q => q.Q95) * 100);
        }

        plot.Legend.ManualItems.Add(Builder.BandLegend("50% interval (darker band)", Builder.InnerBandOpacity));
        plot.Legend.ManualItems.Add(Builder.BandLegend("90% interval (lighter band)", Builder.OuterBandOpacity));
        plot.Legend.IsVisible = true; // drawn beside the plot by SideLegend
        MonthAxis.Apply(plot.Axes.Bottom, data.Months, style, style.Width - 280);
        plot.Axes.SetLimitsX(-0.5, data.Months.Length - 0.5);
        double top = ValueAxis.PercentTop(max);
        plot.Axes.SetLimitsY(0, top);
        ValueAxis.Apply(plot.Axes.Left, 0, top, 10);
        return plot;
    }
}
