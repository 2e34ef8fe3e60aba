using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts;

/// <summary>
/// Monthly ladder level with administrations shaded, and the model's fitted probability below
/// (<see cref="HistoricalRecordData"/>).
/// </summary>
public static class HistoricalRecordChart
{
    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The record; see <see cref="HistoricalRecordData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(HistoricalRecordData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.Rows(data.Title, s, () => Build(data, s));
    }

    private static void Validate(HistoricalRecordData data)
    {
        const string root = nameof(HistoricalRecordData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.That(data.MaxLevel is >= 1 and <= 20, $"{root}.MaxLevel", $"must be in [1, 20] but was {data.MaxLevel}");
        Check.Labels(root, ("XLabel", data.XLabel), ("LevelLabel", data.LevelLabel), ("FittedLabel", data.FittedLabel));
        Check.Months(data.Months, $"{root}.Months");
        Check.Length(data.Levels, data.Months.Length, $"{root}.Levels", $"{root}.Months");
        for (int i = 0; i < data.Levels.Length; i++)
            Check.InRange(data.Levels[i], 0, data.MaxLevel, $"{root}.Levels[{i}]");
        if (!data.Fitted.IsDefaultOrEmpty)
        {
            Check.Length(data.Fitted, data.Months.Length, $"{root}.Fitted", $"{root}.Months");
            Builder.ValidateValues(data.Fitted, $"{root}.Fitted", probability: true);
        }
        Check.That(!data.Administrations.IsDefault, $"{root}.Administrations", "must not be null (use an empty array)");
        for (int i = 0; i < data.Administrations.Length; i++)
        {
            string f = $"{root}.Administrations[{i}]";
            AdministrationPeriod a = data.Administrations[i];
            Check.NotNull(a, f);
            Check.Text(a.Name, $"{f}.Name");
            Check.Month(a.Start, $"{f}.Start");
            Check.Month(a.End, $"{f}.End");
            Check.That(string.CompareOrdinal(a.Start, a.End) <= 0, $"{f}.End", $"('{a.End}') must not come before Start ('{a.Start}')");
            if (i > 0)
            {
                Check.That(string.CompareOrdinal(data.Administrations[i - 1].End, a.Start) < 0, $"{f}.Start",
                    $"('{a.Start}') must come after the End of {root}.Administrations[{i - 1}] ('{data.Administrations[i - 1].End}')");
            }
        }
    }

    private static List<(Plot, float)> Build(HistoricalRecordData data, ChartStyle style)
    {
        bool fitted = !data.Fitted.IsDefaultOrEmpty;
        double[] xs = [.. data.Months.Select(MonthAxis.DecimalYear)];
        double left = xs[0] - (0.5 / 12), right = xs[^1] + (0.5 / 12);
        int firstYear = (int)Math.Ceiling(left), lastYear = (int)Math.Floor(right);

        Plot levels = StyledPlot.Create(style, data.Title, fitted ? "" : data.XLabel, data.LevelLabel);
        Shade(levels, data, style, labels: true);
        Scatter step = levels.Add.Scatter(xs, [.. data.Levels.Select(l => (double)l)], ChartPalette.Text);
        step.ConnectStyle = ConnectStyle.StepHorizontal;
        step.LineWidth = 1.6f;
        step.MarkerSize = 0;
        levels.Axes.Left.TickGenerator = new NumericManual(
            [.. Enumerable.Range(0, data.MaxLevel + 1).Select(l => (double)l)],
            [.. Enumerable.Range(0, data.MaxLevel + 1).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        // Headroom above the top level for the administration labels.
        levels.Axes.SetLimits(left, right, -0.3, data.MaxLevel + 1.5);
        MonthAxis.ApplyYears(levels.Axes.Bottom, firstYear, lastYear, style, style.Width);
        Panels.FixPadding(levels, style, title: true, xLabel: !fitted);
        if (!fitted)
            return [(levels, 1f)];

        Plot probability = StyledPlot.Create(style, "", data.XLabel, data.FittedLabel);
        Shade(probability, data, style, labels: false);
        Scatter line = probability.Add.ScatterLine(xs, [.. data.Fitted.Select(p => 100 * p)], new ChartPalette(style)[4]);
        line.LineWidth = style.LineWidth;
        line.LegendText = "Model (fitted)";
        double top = ValueAxis.PercentTop(100 * data.Fitted.Max());
        if (data.MarkLevelAtLeast is int mark)
        {
            double[] hits = [.. xs.Where((_, i) => data.Levels[i] >= mark)];
            if (hits.Length > 0)
            {
                // A rug below the zero line: months whose observed level reached the mark.
                Markers rug = probability.Add.Markers(hits, [.. hits.Select(_ => -top * 0.07)], MarkerShape.VerticalBar, 10, new ChartPalette(style)[5]);
                rug.MarkerLineWidth = 2;
                rug.LegendText = $"Observed level ≥{mark}";
            }
        }
        StyledPlot.ShowLegend(probability, Alignment.UpperLeft);
        probability.Legend.Orientation = Orientation.Horizontal;
        probability.Axes.SetLimits(left, right, -top * 0.14, top * 1.3);
        ValueAxis.Apply(probability.Axes.Left, 0, top, 5);
        MonthAxis.ApplyYears(probability.Axes.Bottom, firstYear, lastYear, style, style.Width);
        Panels.FixPadding(probability, style, title: false, xLabel: true);
        return [(levels, 1.35f), (probability, 1f)];
    }

    /// <summary>Alternating light shading per administration, with the name at the top of the upper panel.</summary>
    private static void Shade(Plot plot, HistoricalRecordData data, ChartStyle style, bool labels)
    {
        Color[] shades = [Color.FromHex("#E8EEF6"), Color.FromHex("#F6EFE4")];
        for (int i = 0; i < data.Administrations.Length; i++)
        {
            AdministrationPeriod a = data.Administrations[i];
            double x1 = MonthAxis.DecimalYear(a.Start) - (0.5 / 12), x2 = MonthAxis.DecimalYear(a.End) + (0.5 / 12);
            HorizontalSpan span = plot.Add.HorizontalSpan(x1, x2, shades[i % 2]);
            span.LineWidth = 0;
            span.EnableAutoscale = false;
            if (labels)
            {
                Text label = StyledPlot.AddText(plot, style, a.Name, (x1 + x2) / 2, data.MaxLevel + 1.05, style.TickLabelFontSize, ChartPalette.Text);
                label.Alignment = Alignment.MiddleCenter;
            }
        }
    }
}
