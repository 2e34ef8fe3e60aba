using System.Globalization;
using Spectre.Console;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Console rendering of a sweep: header, one table per headline outcome, sensitivity and ranking.</summary>
public static class SweepRender
{
    private static string Pct(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Pp(double p) => (100 * p).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>"level>=5 within 12 months".</summary>
    public static string Outcome(SweepReport report, int h)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"{report.OutcomeId(h)} within {report.Headline[h].Window} months";
    }

    /// <summary>"+1.2 [−0.3, +2.6] {−1.0, +4.1}" in percentage points.</summary>
    public static string Difference(Estimate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return $"{Pp(e.Value)} [grey][[{Pp(e.Ci95Mc.Lo)}, {Pp(e.Ci95Mc.Hi)}]][/] [blue]{{{Pp(e.Ci90Param.Lo)}, {Pp(e.Ci90Param.Hi)}}}[/]";
    }

    /// <summary>What was swept, how, and how many cells were simulated, resumed or read back.</summary>
    public static void Header(IAnsiConsole console, SweepReport report, string database)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var plan = report.Plan;
        var shape = string.Join(" × ", plan.Axes.Select(a => $"{a.Key} {a.Values.Length}"));
        console.Write(new Rule($"[bold]{Markup.Escape(plan.Session.Spec.Name)}[/]: sweep of {plan.Cells.Length} cells ({Markup.Escape(shape)})").LeftJustified());
        var p = report.Provenance;
        console.MarkupLineInterpolated(
            $"[grey]{report.Start} + {report.Months} months · {report.Runs} runs per cell · {report.ParameterDraws} parameter draws, the same in every cell (common random numbers) · seed {report.Seed} · calibration: {p.Calibration.Source} · code {p.CodeVersion}[/]");
        if (!plan.Axes.Any(a => a.Key == LeverGrid.PolicyKey))
            console.MarkupLineInterpolated($"[grey]Levers set on package {plan.BasePolicy}.[/]");
        console.MarkupLineInterpolated($"[grey]Base cell: {plan.Cells[0].Label}. Cells: estimate [[Monte Carlo 95%]] {{parameter 90%}}; Δ: paired difference against the base cell (percentage points).[/]");
        console.MarkupLineInterpolated(
            $"Stored in {database}: {report.Computed} cell(s) simulated, {report.Resumed} resumed from committed batches, {report.Skipped} skipped (already complete).");
    }

    /// <summary>One table per headline outcome: every cell's probability and its paired difference against the base cell.</summary>
    public static void Cells(IAnsiConsole console, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        for (var h = 0; h < report.Headline.Length; h++)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"P({Markup.Escape(Outcome(report, h))}) by cell");
            table.AddColumn(new TableColumn("#").RightAligned());
            foreach (var axis in report.Plan.Axes) table.AddColumn(Markup.Escape(axis.Key));
            table.AddColumn(new TableColumn("P").RightAligned());
            table.AddColumn(new TableColumn("Δ vs base cell").RightAligned());
            foreach (var cell in report.Cells)
            {
                var o = cell.Outcomes[h];
                var row = new List<string> { cell.Cell.Index.ToString(CultureInfo.InvariantCulture) };
                row.AddRange(cell.Cell.Assignments.Select(a => Markup.Escape(a.Value)));
                row.Add(Render.WithIntervals(o.P, o.Ci95Mc, o.Ci90Param));
                row.Add(cell.Cell.Index == 0 ? "[grey]base[/]" : Difference(o.VsBase));
                table.AddRow(row.ToArray());
            }
            console.Write(table);
        }
    }

    /// <summary>"level≥5 ≤12 mo": a short column header for headline outcome <paramref name="h"/>.</summary>
    public static string Short(SweepReport report, int h)
    {
        ArgumentNullException.ThrowIfNull(report);
        var id = report.OutcomeId(h).Replace("level>=", "level≥", StringComparison.Ordinal).Replace("level6", "level 6", StringComparison.Ordinal);
        return $"{id}\n≤{report.Headline[h].Window} mo";
    }

    /// <summary>"−0.8±0.2": a change with the half-width of its Monte Carlo 95% interval, in percentage points.</summary>
    private static string Compact(Estimate e) =>
        $"{Pp(e.Value)}[grey]±{(50 * (e.Ci95Mc.Hi - e.Ci95Mc.Lo)).ToString("0.0", CultureInfo.InvariantCulture)}[/]";

    /// <summary>
    /// The sensitivity summary, tornado-style: keys by decreasing swing on the first outcome; for each, the key's first
    /// value with its mean probability, every other value's mean paired change against it (averaged over the other
    /// keys, ± the Monte Carlo 95% half-width), and the swing (largest minus smallest change).
    /// </summary>
    public static void Sensitivity(IAnsiConsole console, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var table = new Table().Border(TableBorder.Rounded)
            .Title("Sensitivity: change against each key's first value, averaged over the other keys (percentage points ± Monte Carlo 95%, paired)");
        table.AddColumn("key");
        table.AddColumn("value");
        for (var h = 0; h < report.Headline.Length; h++) table.AddColumn(new TableColumn(Markup.Escape(Short(report, h))).RightAligned());
        var keys = report.Sensitivity.OrderByDescending(s => s.Swings[0].Width).ToList();
        foreach (var s in keys)
        {
            for (var v = 0; v < s.Values.Length; v++)
            {
                var value = s.Values[v];
                var row = new List<string> { v == 0 ? $"[bold]{Markup.Escape(s.Key)}[/]" : "", Markup.Escape(value.Value) };
                for (var h = 0; h < report.Headline.Length; h++)
                    row.Add(v == 0 ? $"[grey]P {Pct(value.Level[h].Value)}%[/]" : Compact(value.VsFirst[h]));
                table.AddRow(row.ToArray());
            }
            var swing = new List<string> { "", "[italic]swing[/]" };
            for (var h = 0; h < report.Headline.Length; h++)
                swing.Add($"[bold]{(100 * s.Swings[h].Width).ToString("0.0", CultureInfo.InvariantCulture)}[/]");
            table.AddRow(swing.ToArray());
            if (!ReferenceEquals(s, keys[^1])) table.AddEmptyRow();
        }
        console.Write(table);
    }

    /// <summary>Whether the order of the swept packages on each headline outcome is the same in every parameter draw.</summary>
    public static void Ranking(IAnsiConsole console, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        if (report.Ranking.IsEmpty)
        {
            console.MarkupLine("[grey]Ranking across parameter draws: the grid has one package (sweep --grid policy=A,B,… to see whether their order survives the parameter uncertainty).[/]");
            return;
        }
        var k = report.ParameterDraws;
        var packages = report.Plan.Axes.First(a => a.Key == LeverGrid.PolicyKey).Values;
        // Packages by letter keep the table narrow.
        string Letter(string package) => ((char)('A' + packages.IndexOf(package))).ToString();
        console.MarkupLineInterpolated($"Packages: {string.Join(", ", packages.Select(p => Letter(p) + " " + p))}.");
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Ranking of the packages in each of the {k} parameter draws (P averaged over the other keys)");
        table.AddColumn("outcome");
        table.AddColumn("order over all draws (P %)");
        table.AddColumn(new TableColumn("same order").RightAligned());
        table.AddColumn("reversed in (beyond MC noise)");
        table.AddColumn("alone highest in");
        var holds = 0;
        for (var h = 0; h < report.Headline.Length; h++)
        {
            var r = report.Ranking[h];
            if (r.SameOrderDraws == k) holds++;
            var order = new System.Text.StringBuilder();
            for (var i = 0; i < r.Order.Length; i++)
            {
                if (i > 0) order.Append(r.P[i] < r.P[i - 1] ? " > " : " = ");
                order.Append(Letter(r.Order[i])).Append(' ').Append(Pct(r.P[i]));
            }
            var reversals = r.Pairs.Where(p => p.Reversed > 0 && r.P[r.Order.IndexOf(p.Higher)] > r.P[r.Order.IndexOf(p.Lower)])
                .Select(p => $"{Letter(p.Lower)}>{Letter(p.Higher)} {p.Reversed} ({p.ClearlyReversed})").ToList();
            var firsts = string.Join(", ", r.Order.Select((p, i) => (p, n: r.FirstDraws[i])).Where(x => x.n > 0).Select(x => $"{Letter(x.p)} {x.n}"));
            table.AddRow(Markup.Escape(Short(report, h).Replace('\n', ' ')), order.ToString(), $"{r.SameOrderDraws}/{k}",
                reversals.Count == 0 ? "[green]none[/]" : string.Join(", ", reversals), firsts.Length == 0 ? "[grey]ties[/]" : firsts);
        }
        console.Write(table);
        console.MarkupLine(holds == report.Headline.Length
            ? $"The packages keep their order in all {k} parameter draws on every headline outcome."
            : $"The order of the packages holds in all {k} parameter draws on {holds} of {report.Headline.Length} headline outcomes. Each draw's estimate rests on {report.Runs / k} runs, so some reversals are Monte Carlo noise; the count in parentheses is beyond it.");
    }
}
