using Peninsula.Charts.Rendering;
using ScottPlot;
using ScottPlot.Plottables;

namespace Peninsula.Charts;

/// <summary>Actors' positions on one issue dimension by turn (<see cref="BargainingChartData"/>).</summary>
public static class BargainingChart
{
    private static readonly MarkerShape[] Shapes =
        [MarkerShape.FilledCircle, MarkerShape.OpenSquare, MarkerShape.FilledTriangleUp, MarkerShape.OpenDiamond, MarkerShape.Cross,
         MarkerShape.FilledSquare, MarkerShape.OpenCircle, MarkerShape.FilledTriangleDown];

    private static readonly LinePattern[] Patterns =
        [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    /// <summary>Validates <paramref name="data"/> and returns the chart.</summary>
    /// <param name="data">The trajectories; see <see cref="BargainingChartData"/> for the rules.</param>
    /// <param name="style">Look; <see cref="ChartStyle.Default"/> when null.</param>
    /// <exception cref="ArgumentException">An invalid field, named in the message.</exception>
    public static ChartImage Create(BargainingChartData data, ChartStyle? style = null)
    {
        ChartStyle s = Builder.Prepare(style);
        Validate(data);
        return Builder.SinglePlotWithSideLegend(data.Title, s, Edge.Right, () => Build(data, s));
    }

    private static void Validate(BargainingChartData data)
    {
        const string root = nameof(BargainingChartData);
        Check.NotNull(data, root);
        Check.Text(data.Title, $"{root}.Title");
        Check.Text(data.Dimension, $"{root}.Dimension");
        Check.Labels(root, ("XLabel", data.XLabel));
        Check.NotEmpty(data.Actors, $"{root}.Actors");
        for (int a = 0; a < data.Actors.Length; a++)
        {
            string f = $"{root}.Actors[{a}]";
            ActorTrajectory actor = data.Actors[a];
            Check.NotNull(actor, f);
            Check.Text(actor.Actor, $"{f}.Actor");
            if (a == 0)
                Check.NotEmpty(actor.Positions, $"{f}.Positions");
            else
                Check.Length(actor.Positions, data.Actors[0].Positions.Length, $"{f}.Positions", $"{root}.Actors[0].Positions");
            for (int t = 0; t < actor.Positions.Length; t++)
                Check.InRange(actor.Positions[t], 0, 100, $"{f}.Positions[{t}]");
        }
        Check.DistinctNames([.. data.Actors.Select(a => a.Actor)], i => $"{root}.Actors[{i}].Actor");
    }

    /// <summary>Colour index, marker and pattern of actor <paramref name="index"/>: unique for index &lt; palette size × 8.</summary>
    internal static (int Colour, MarkerShape Marker, LinePattern Pattern) Look(int index, int paletteSize)
    {
        int round = index / paletteSize;
        return (index % paletteSize, Shapes[round % Shapes.Length], Patterns[round % Patterns.Length]);
    }

    private static Plot Build(BargainingChartData data, ChartStyle style)
    {
        var palette = new ChartPalette(style);
        Plot plot = StyledPlot.Create(style, data.Title, data.XLabel, $"Position on {data.Dimension} (0–100 scale)");
        int turns = data.Actors[0].Positions.Length;
        double[] xs = [.. Enumerable.Range(data.FirstTurn, turns).Select(t => (double)t)];
        bool many = data.Actors.Length > 12;
        for (int a = 0; a < data.Actors.Length; a++)
        {
            (int colour, MarkerShape marker, LinePattern pattern) = Look(a, palette.Count);
            Scatter line = plot.Add.Scatter(xs, [.. data.Actors[a].Positions], palette[colour]);
            line.LineWidth = many ? 1.8f : style.LineWidth;
            line.LinePattern = pattern;
            line.MarkerShape = marker;
            line.MarkerSize = many ? 7 : 9;
            line.LegendText = data.Actors[a].Actor;
        }
        if (many)
        {
            // Compact legend rows so that many actors need fewer legend columns.
            plot.Legend.FontSize = Math.Max(ChartStyle.MinimumTickLabelFontSize, style.LegendFontSize - 1);
            plot.Legend.InterItemPadding = new PixelPadding(2, 2, 0, 0);
        }
        // A single actor needs no legend.
        plot.Legend.IsVisible = data.Actors.Length > 1;
        plot.Axes.SetLimits(data.FirstTurn - 0.3, data.FirstTurn + Math.Max(turns - 1, 1) + 0.3, -3, 103);
        ValueAxis.Apply(plot.Axes.Left, 0, 100, 10);
        if (turns <= 30)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        return plot;
    }
}
