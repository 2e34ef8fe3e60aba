using Peninsula.Charts.Rendering;
using ScottPlot;

namespace Peninsula.Charts;

/// <summary>Cumulative first-event probability by month per policy (<see cref="CumulativeProbabilityData"/>).</summary>
public static class CumulativeProbabilityChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The lines; see <see cref="CumulativeProbabilityData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(CumulativeProbabilityData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlot(data.Title, s, () => Build(data, s));
    }

    private static void Validate(CumulativeProbabilityData data)
    {
        const string root = nameof(CumulativeProbabilityData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Months(data.Months, $"{root}.Months");
        Check.Labels(root, ("XLabel", data.XLabel), ("YLabel", data.YLabel), ("BandLabel", data.BandLabel));
        Check.NotEmpty(data.Series, $"{root}.Series");
        for (int i = 0; i < data.Series.Length; i++)
            Builder.ValidateBanded(data.Series[i], data.Months.Length, $"{root}.Series[{i}]", $"{root}.Months", probability: true);
        Check.DistinctNames([.. data.Series.Select(s => s.Name)], i => $"{root}.Series[{i}].Name");
    }

    private static Plot Build(CumulativeProbabilityData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.XLabel, data.YLabel);
        double[] xs = Builder.Indices(data.Months.Length);
        double max = 0;
        for (int i = 0; i < data.Series.Length; i++)
        {
            BandedSeries series = data.Series[i];
            Builder.DrawBanded(plot, xs, series, palette[i], 100, style);
            max = Math.Max(max, 100 * (series.HasBand ? series.Upper.Max() : series.Values.Max()));
        }
        if (data.Series.Any(s => s.HasBand))
            plot.Legend.ManualItems.Add(Builder.BandLegend(data.BandLabel, Builder.OuterBandOpacity));
        if (data.Series.Length > 1 || data.Series.Any(s => s.HasBand))
            StyledPlot.ShowLegend(plot, Alignment.UpperLeft);
        MonthAxis.Apply(plot.Axes.Bottom, data.Months, style, style.Width);
        plot.Axes.SetLimitsX(-0.5, data.Months.Length - 0.5);
        double top = ValueAxis.PercentTop(max);
        plot.Axes.SetLimitsY(0, top);
        ValueAxis.Apply(plot.Axes.Left, 0, top, 10);
        return plot;
    }
}
