using System.Globalization;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Spectre.Console;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Console rendering of forecasts, comparisons and storylines.</summary>
public static class Render
{
    private static string Pct(double p) => (100 * p).ToString("0.0", CultureInfo.InvariantCulture);

    private static string PctPoints(double p) => (100 * p).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>"23.1% [22.7–23.5] {15.0–33.0}": estimate, Monte Carlo 95% and parameter 90% intervals.</summary>
    public static string WithIntervals(double p, (double Lo, double Hi) mc, (double Lo, double Hi) param) =>
        $"{Pct(p)}% [grey][[{Pct(mc.Lo)}–{Pct(mc.Hi)}]][/] [blue]{{{Pct(param.Lo)}–{Pct(param.Hi)}}}[/]";

    public static void Header(IAnsiConsole console, ScenarioSession session, ForecastDocument f)
    {
        var policy = session.Spec.Policy(f.Policy)!;
        console.Write(new Rule($"[bold]{Markup.Escape(f.Scenario)}[/] · {Markup.Escape(policy.Label)}").LeftJustified());
        console.MarkupLineInterpolated($"[grey]{f.Start} + {f.Months} months · {f.Runs} runs · {f.ParameterDraws} parameter draws · seed {f.Seed} · calibration: {f.Provenance.Calibration.Source} · code {f.Provenance.CodeVersion}[/]");
    }

    public static void Outcomes(IAnsiConsole console, ForecastDocument f)
    {
        var windows = f.Outcomes.Select(o => o.WithinMonths).Distinct().OrderBy(w => w).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("P(first occurrence within …) — estimate [[MC 95%]] {parameters 90%}");
        table.AddColumn("outcome");
        foreach (var w in windows) table.AddColumn(new TableColumn($"{w} months").RightAligned());
        foreach (var id in f.Outcomes.Select(o => o.Id).Distinct())
        {
            var cells = new List<string> { id };
            foreach (var w in windows)
            {
                var o = f.Outcomes.FirstOrDefault(x => x.Id == id && x.WithinMonths == w);
                cells.Add(o is null ? "" : WithIntervals(o.P, o.Ci95Mc, o.Ci90Param));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    public static void Months(IAnsiConsole console, ForecastDocument f)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Monthly: P(highest level ≥ k), engagement, phase, pressure and stress");
        foreach (var c in new[] { "month", "≥3", "≥4", "≥5", "6", "engage", "talks+", "pressure", "stress", "trust" })
            table.AddColumn(new TableColumn(c).RightAligned());
        for (var t = 0; t < f.Monthly.Length; t++)
        {
            if (t >= 12 && t % 6 != 5) continue;
            var m = f.Monthly[t];
            double Ge(int k) => m.Ladder.Skip(k).Sum();
            var talking = m.Phase[(int)Phase.Talks] + m.Phase[(int)Phase.Summit] + m.Phase[(int)Phase.Framework] + m.Phase[(int)Phase.Implementation];
            table.AddRow(m.Month, Pct(Ge(3)), Pct(Ge(4)), Pct(Ge(5)), Pct(m.Ladder[6]), Pct(m.Engage), Pct(talking),
                m.SanctionsPressure.Mean.ToString("0.00", CultureInfo.InvariantCulture),
                m.EconomicStress.Mean.ToString("0.00", CultureInfo.InvariantCulture),
                m.Trust.Mean.ToString("+0.00;-0.00;+0.00", CultureInfo.InvariantCulture));
        }
        console.Write(table);
    }

    public static void Trace(IAnsiConsole console, SimulationSpec spec, IReadOnlyList<TraceMonth> rows)
    {
        foreach (var run in rows.GroupBy(r => r.Run))
        {
            var table = new Table().Border(TableBorder.Simple).Title($"Storyline of run {run.Key}");
            foreach (var c in new[] { "month", "level", "DPRK", "US", "phase", "pressure", "stress", "trust", "events" }) table.AddColumn(c);
            foreach (var m in run)
            {
                table.AddRow(m.Month, $"{m.Level} {Markup.Escape(spec.LevelLabels[m.Level])}", m.Engaged ? "engage" : "ignore",
                    m.PrincipalWilling ? "willing" : "-", Phases.Ids[(int)m.Phase],
                    m.Pressure.ToString("0.00", CultureInfo.InvariantCulture), m.Stress.ToString("0.00", CultureInfo.InvariantCulture),
                    m.TrustChallenger.ToString("+0.00;-0.00;+0.00", CultureInfo.InvariantCulture), Markup.Escape(Events(m.Events)));
            }
            console.Write(table);
        }
    }

    private static string Events(MonthEvents e) =>
        e == MonthEvents.None ? "" : string.Join(", ", Enum.GetValues<MonthEvents>().Where(v => v != MonthEvents.None && e.HasFlag(v)).Select(v => v.ToString()));

    public static void CompareHeader(IAnsiConsole console, ScenarioSession session, ForecastDocument f)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(f.Scenario)}[/]: policy packages compared").LeftJustified());
        console.MarkupLineInterpolated($"[grey]{f.Start} + {f.Months} months · {f.Runs} runs per package on common random numbers · {f.ParameterDraws} parameter draws · seed {f.Seed} · calibration: {f.Provenance.Calibration.Source} · code {f.Provenance.CodeVersion}[/]");
        console.MarkupLine("[grey]Cells: estimate [[Monte Carlo 95%]] {parameter uncertainty 90%}.[/]");
    }

    public static void CompareTable(IAnsiConsole console, SimulationSpec spec, IReadOnlyList<ForecastDocument> forecasts, IReadOnlyList<(Outcomes.Event Event, int Window)> headline)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("policy package");
        foreach (var (ev, w) in headline) table.AddColumn(new TableColumn($"{Label(ev)}\nwithin {w} mo").RightAligned());
        foreach (var f in forecasts)
        {
            var cells = new List<string> { $"[bold]{Markup.Escape(f.Policy)}[/]\n[grey]{Markup.Escape(spec.Policy(f.Policy)!.Label)}[/]" };
            foreach (var (ev, w) in headline)
            {
                var o = f.Outcomes.First(x => x.Id == Core.Outcomes.Ids[(int)ev] && x.WithinMonths == w);
                cells.Add(WithIntervals(o.P, o.Ci95Mc, o.Ci90Param).Replace(" [grey]", "\n[grey]", StringComparison.Ordinal));
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    public static void Differences(IAnsiConsole console, IReadOnlyList<PairedDifference> diffs, IReadOnlyList<(Outcomes.Event Event, int Window)> headline)
    {
        if (diffs.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Title($"Paired differences vs {Markup.Escape(diffs[0].Reference)} (percentage points, same random numbers)");
        table.AddColumn("policy package");
        foreach (var (ev, w) in headline) table.AddColumn(new TableColumn($"Δ {Label(ev)}\nwithin {w} mo").RightAligned());
        foreach (var group in diffs.GroupBy(d => d.Policy))
        {
            var cells = new List<string> { Markup.Escape(group.Key) };
            foreach (var (ev, w) in headline)
            {
                var d = group.First(x => x.OutcomeId == Core.Outcomes.Ids[(int)ev] && x.WithinMonths == w);
                cells.Add($"{PctPoints(d.Difference)}\n[grey][[{PctPoints(d.Ci95Mc.Lo)}, {PctPoints(d.Ci95Mc.Hi)}]][/] [blue]{{{PctPoints(d.Ci90Param.Lo)}, {PctPoints(d.Ci90Param.Hi)}}}[/]");
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    private static string Label(Outcomes.Event ev) => ev switch
    {
        Core.Outcomes.Event.LevelGe3 => "P(level ≥3)",
        Core.Outcomes.Event.LevelGe4 => "P(level ≥4)",
        Core.Outcomes.Event.LevelGe5 => "P(ICBM/nuclear, ≥5)",
        Core.Outcomes.Event.Level6 => "P(nuclear test)",
        Core.Outcomes.Event.Talks => "P(talks)",
        Core.Outcomes.Event.Summit => "P(summit)",
        Core.Outcomes.Event.Framework => "P(framework)",
        _ => "P(" + Core.Outcomes.Ids[(int)ev] + ")",
    };
}
