using System.Collections.Immutable;
using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;

namespace Peninsula.Charts;

/// <summary>Helpers shared by the chart builders.</summary>
internal static class Builder
{
    /// <summary>Opacity of a 90% (or 5–95%) band.</summary>
    public const double OuterBandOpacity = 0.18;

    /// <summary>Opacity of a 50% band.</summary>
    public const double InnerBandOpacity = 0.40;

    /// <summary>The style to use (default when null), validated.</summary>
    public static ChartStyle Prepare(ChartStyle? style)
    {
        style ??= ChartStyle.Default;
        style.Validate();
        return style;
    }

    /// <summary>A chart drawn by one plot that <paramref name="build"/> makes afresh for every render.</summary>
    public static ChartImage SinglePlot(string title, ChartStyle style, Func<Plot> build) =>
        new(title, style.Width, style.Height, (canvas, area) =>
        {
            using Plot plot = build();
            StyledPlot.Render(plot, canvas, area);
        });

    /// <summary>Like <see cref="SinglePlot"/> with the legend in a strip of its own at <paramref name="edge"/>.</summary>
    public static ChartImage SinglePlotWithSideLegend(string title, ChartStyle style, Edge edge, Func<Plot> build) =>
        new(title, style.Width, style.Height, (canvas, area) =>
        {
            using Plot plot = build();
            SideLegend.Render(plot, style, canvas, area, edge);
        });

    /// <summary>A chart of stacked rows that <paramref name="build"/> makes afresh for every render.</summary>
    public static ChartImage Rows(string title, ChartStyle style, Func<IReadOnlyList<(Plot Plot, float Weight)>> build) =>
        new(title, style.Width, style.Height, (canvas, area) =>
        {
            IReadOnlyList<(Plot Plot, float Weight)> rows = build();
            try
            {
                Panels.RenderRows(canvas, area, rows);
            }
            finally
            {
                foreach ((Plot plot, _) in rows)
                    plot.Dispose();
            }
        });

    /// <summary>x = 0, 1, …, n − 1.</summary>
    public static double[] Indices(int count) => [.. Enumerable.Range(0, count).Select(i => (double)i)];

    /// <summary>A legend entry explaining a grey band of the given opacity.</summary>
    public static LegendItem BandLegend(string text, double opacity) => new()
    {
        LabelText = text,
        FillColor = ChartPalette.Neutral.WithAlpha(opacity),
        LineWidth = 0,
        MarkerShape = MarkerShape.None,
    };

    /// <summary>A legend entry for a line style.</summary>
    public static LegendItem LineLegend(string text, Color colour, float width, LinePattern pattern, MarkerShape marker = MarkerShape.None) => new()
    {
        LabelText = text,
        LineColor = colour,
        LineWidth = width,
        LinePattern = pattern,
        MarkerShape = marker,
        MarkerFillColor = colour,
        MarkerLineColor = colour,
        MarkerSize = marker == MarkerShape.None ? 0 : 9,
    };

    /// <summary>Checks a banded series against the month count; probabilities when <paramref name="probability"/>.</summary>
    public static void ValidateBanded(BandedSeries series, int months, string field, string monthsField, bool probability)
    {
        Check.NotNull(series, field);
        Check.Text(series.Name, $"{field}.Name");
        Check.Length(series.Values, months, $"{field}.Values", monthsField);
        Check.That(series.Lower.IsDefaultOrEmpty == series.Upper.IsDefaultOrEmpty, $"{field}.Lower",
            "and Upper must both be given or both be empty");
        ValidateValues(series.Values, $"{field}.Values", probability);
        if (!series.HasBand)
            return;
        Check.Length(series.Lower, months, $"{field}.Lower", monthsField);
        Check.Length(series.Upper, months, $"{field}.Upper", monthsField);
        ValidateValues(series.Lower, $"{field}.Lower", probability);
        ValidateValues(series.Upper, $"{field}.Upper", probability);
        for (int i = 0; i < months; i++)
            Check.Ordered(series.Lower[i], series.Upper[i], $"{field}.Lower[{i}]", $"Upper[{i}]");
    }

    /// <summary>Finite values (probabilities in [0, 1] when <paramref name="probability"/>).</summary>
    public static void ValidateValues(ImmutableArray<double> values, string field, bool probability)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (probability)
                Check.Probability(values[i], $"{field}[{i}]");
            else
                Check.Finite(values[i], $"{field}[{i}]");
        }
    }

    /// <summary>Draws a band (if any) and the line of <paramref name="series"/>, values multiplied by <paramref name="scale"/>.</summary>
    public static Scatter DrawBanded(Plot plot, double[] xs, BandedSeries series, Color colour, double scale, ChartStyle style)
    {
        if (series.HasBand)
        {
            FillY band = plot.Add.FillY(xs, [.. series.Lower.Select(v => v * scale)], [.. series.Upper.Select(v => v * scale)]);
            band.FillColor = colour.WithAlpha(OuterBandOpacity);
            band.LineWidth = 0;
        }
        Scatter line = plot.Add.ScatterLine(xs, [.. series.Values.Select(v => v * scale)], colour);
        line.LineWidth = style.LineWidth + 0.5f;
        line.LegendText = series.Name;
        return line;
    }

    /// <summary>Breaks <paramref name="text"/> at spaces into lines of at most <paramref name="width"/> characters where possible.</summary>
    public static string Wrap(string text, int width)
    {
        width = Math.Max(width, 6);
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : $"{line} {word}";
            }
        }
        lines.Add(line);
        return string.Join('\n', lines);
    }

    /// <summary>Distinct values in order of first appearance.</summary>
    public static List<string> Ordered(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. values.Where(seen.Add)];
    }
}
