using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts;

/// <summary>
/// Paired differences against the reference package with Monte Carlo and parameter-uncertainty
/// intervals drawn apart (<see cref="PolicyComparisonData"/>).
/// </summary>
public static class PolicyComparisonChart
{
    private const double Offset = 0.17;

    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The differences; see <see cref="PolicyComparisonData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(PolicyComparisonData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Bottom, () => Build(data, s));
    }

    private static void Validate(PolicyComparisonData data)
    {
        const string root = nameof(PolicyComparisonData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Text(data.ReferencePolicy, $"{root}.ReferencePolicy");
        Check.Labels(root, ("CategoryLabel", data.CategoryLabel));
        Check.NotEmpty(data.Differences, $"{root}.Differences");
        var pairs = new HashSet<(string, string)>();
        for (int i = 0; i < data.Differences.Length; i++)
        {
            string f = $"{root}.Differences[{i}]";
            PolicyDifference d = data.Differences[i];
            Check.NotNull(d, f);
            Check.Text(d.Outcome, $"{f}.Outcome");
            Check.Text(d.Policy, $"{f}.Policy");
            Check.That(pairs.Add((d.Outcome, d.Policy)), f, $"repeats outcome '{d.Outcome}' for policy '{d.Policy}'");
            Check.InRange(d.Estimate, -1, 1, $"{f}.Estimate");
            Check.InRange(d.McLower, -1, 1, $"{f}.McLower");
            Check.InRange(d.McUpper, -1, 1, $"{f}.McUpper");
            Check.InRange(d.ParameterLower, -1, 1, $"{f}.ParameterLower");
            Check.InRange(d.ParameterUpper, -1, 1, $"{f}.ParameterUpper");
            Check.Ordered(d.McLower, d.Estimate, $"{f}.McLower", "Point estimate");
            Check.Ordered(d.Estimate, d.McUpper, $"{f}.Estimate", "McUpper");
            Check.Ordered(d.ParameterLower, d.ParameterUpper, $"{f}.ParameterLower", "ParameterUpper");
        }
    }

    private static Plot Build(PolicyComparisonData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        string xLabel = $"Difference vs {data.ReferencePolicy} (percentage points)";
        Plot plot = StyledPlot.Create(style, data.Title, xLabel, data.CategoryLabel);
        List<string> outcomes = Builder.Ordered(data.Differences.Select(d => d.Outcome));
        List<string> policies = Builder.Ordered(data.Differences.Select(d => d.Policy));

        var ticks = new List<Tick>();
        double y = 0;
        double low = 0, high = 0;
        foreach (string outcome in outcomes)
        {
            foreach (PolicyDifference d in data.Differences.Where(d => d.Outcome == outcome)
                .OrderBy(d => policies.IndexOf(d.Policy)))
            {
                Color colour = palette[policies.IndexOf(d.Policy)];
                Segment(plot, 100 * d.ParameterLower, 100 * d.ParameterUpper, y + Offset, colour.WithAlpha(0.45), 10, caps: false);
                Segment(plot, 100 * d.McLower, 100 * d.McUpper, y - Offset, ChartPalette.Text, 2, caps: true);
                Marker marker = plot.Add.Marker(100 * d.Estimate, y, MarkerShape.FilledCircle, 12, colour);
                marker.MarkerLineColor = ChartPalette.Text;
                marker.MarkerLineWidth = 1;
                ticks.Add(Tick.Major(y, $"{outcome} · {d.Policy}"));
                low = Math.Min(low, Math.Min(d.McLower, d.ParameterLower));
                high = Math.Max(high, Math.Max(d.McUpper, d.ParameterUpper));
                y -= 1;
            }
            y -= 0.6; // gap between outcome groups
        }

        StyledPlot.AddReferenceLine(plot, 0, vertical: true);
        plot.Axes.Left.TickGenerator = new NumericManual([.. ticks]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        double span = Math.Max(100 * (high - low), 1);
        plot.Axes.SetLimitsX((100 * low) - (0.05 * span), (100 * high) + (0.05 * span));
        ValueAxis.Apply(plot.Axes.Bottom, (100 * low) - (0.05 * span), (100 * high) + (0.05 * span), 10);
        plot.Axes.SetLimitsY(y + 1.6 - 0.5, 0.6);

        plot.Legend.ManualItems.Add(Builder.LineLegend("Point estimate", ChartPalette.Neutral, 0, LinePattern.Solid, MarkerShape.FilledCircle));
        plot.Legend.ManualItems.Add(Builder.LineLegend("Monte Carlo 95% interval (thin)", ChartPalette.Text, 2, LinePattern.Solid));
        plot.Legend.ManualItems.Add(Builder.LineLegend("Parameter-uncertainty 90% interval (thick)", ChartPalette.Neutral.WithAlpha(0.45), 10, LinePattern.Solid));
        plot.Legend.IsVisible = true;
        return plot;
    }

    private static void Segment(Plot plot, double x1, double x2, double y, Color colour, float width, bool caps)
    {
        LinePlot line = plot.Add.Line(x1, y, x2, y);
        line.LineColor = colour;
        line.LineWidth = width;
        line.MarkerShape = caps ? MarkerShape.VerticalBar : MarkerShape.None;
        line.MarkerSize = caps ? 12 : 0;
        line.MarkerLineColor = colour;
        line.MarkerLineWidth = width;
    }
}
