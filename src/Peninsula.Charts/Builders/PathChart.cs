using Peninsula.Charts.Rendering;
using ScottPlot;

namespace Peninsula.Charts;

/// <summary>Monthly paths with 5–95% bands, one panel per quantity (<see cref="PathChartData"/>).</summary>
public static class PathChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The quantities; see <see cref="PathChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(PathChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.Rows(data.Title, s, () => Build(data, s));
    }

    private static void Validate(PathChartData data)
    {
        const string root = nameof(PathChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Months(data.Months, $"{root}.Months");
        Check.Labels(root, ("XLabel", data.XLabel), ("BandLabel", data.BandLabel));
        Check.NotEmpty(data.Quantities, $"{root}.Quantities");
        for (int q = 0; q < data.Quantities.Length; q++)
        {
            string field = $"{root}.Quantities[{q}]";
            PathQuantity quantity = data.Quantities[q];
            Check.NotNull(quantity, field);
            Check.Text(quantity.Name, $"{field}.Name");
            Check.NotNull(quantity.Unit, $"{field}.Unit");
            Check.NotEmpty(quantity.Series, $"{field}.Series");
            for (int i = 0; i < quantity.Series.Length; i++)
                Builder.ValidateBanded(quantity.Series[i], data.Months.Length, $"{field}.Series[{i}]", $"{root}.Months", probability: false);
            Check.DistinctNames([.. quantity.Series.Select(s => s.Name)], i => $"{field}.Series[{i}].Name");
        }
    }

    private static (double Low, double High) Range(PathQuantity quantity)
    {
        IEnumerable<double> all = quantity.Series.SelectMany(s => s.HasBand ? s.Lower.Concat(s.Upper).Concat(s.Values) : s.Values);
        double low = all.Min(), high = all.Max();
        if (high - low < 1e-9)
        {
            double pad = Math.Max(Math.Abs(high) * 0.1, 1e-3);
            (low, high) = (low - pad, high + pad);
        }
        return (low, high);
    }

    private static List<(Plot, float)> Build(PathChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        double[] xs = Builder.Indices(data.Months.Length);
        var rows = new List<(Plot, float)>();
        for (int q = 0; q < data.Quantities.Length; q++)
        {
            PathQuantity quantity = data.Quantities[q];
            bool first = q == 0, last = q == data.Quantities.Length - 1;
            string yLabel = quantity.Unit.Length > 0 ? $"{quantity.Name} ({quantity.Unit})" : quantity.Name;
            Plot plot = StyledPlot.Create(style, first ? data.Title : "", last ? data.XLabel : "", yLabel);
            for (int i = 0; i < quantity.Series.Length; i++)
                Builder.DrawBanded(plot, xs, quantity.Series[i], palette[i], 1, style);
            if (quantity.Series.Any(s => s.HasBand))
                plot.Legend.ManualItems.Add(Builder.BandLegend(data.BandLabel, Builder.OuterBandOpacity));
            StyledPlot.ShowLegend(plot, Alignment.UpperLeft);
            MonthAxis.Apply(plot.Axes.Bottom, data.Months, style, style.Width);
            plot.Axes.SetLimitsX(-0.5, data.Months.Length - 0.5);
            (double low, double high) = Range(quantity);
            // Headroom at the top keeps the legend clear of the lines.
            double bottom = low - (0.06 * (high - low)), top = high + (0.38 * (high - low));
            plot.Axes.SetLimitsY(bottom, top);
            ValueAxis.Apply(plot.Axes.Left, bottom, top, 5);
            Panels.FixPadding(plot, style, title: first, xLabel: last);
            rows.Add((plot, first ? 1.25f : 1f));
        }
        return rows;
    }
}
