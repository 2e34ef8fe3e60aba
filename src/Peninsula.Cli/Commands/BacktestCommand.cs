using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Estimation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>backtest</c>.</summary>
public sealed class BacktestSettings : ModelSettings
{
    [CommandOption("--origins <LIST>")]
    [Description("Comma-separated origins YYYY-MM (default 2000-12,2004-12,2008-12,2012-12,2016-12). Each needs a scenario starting the month after.")]
    [DefaultValue("2000-12,2004-12,2008-12,2012-12,2016-12")]
    public string Origins { get; init; } = "2000-12,2004-12,2008-12,2012-12,2016-12";

    [CommandOption("--horizon <M>")]
    [Description("Months forecast and scored after each origin (default 48).")]
    [DefaultValue(48)]
    public int Horizon { get; init; } = 48;

    [CommandOption("--runs <N>")]
    [Description("Monte Carlo runs per origin (default 4000).")]
    [DefaultValue(4000)]
    public int Runs { get; init; } = 4000;

    [CommandOption("--draws <K>")]
    [Description("Parameter draws per forecast (default 50).")]
    [DefaultValue(50)]
    public int Draws { get; init; } = 50;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the back-test report as JSON.")]
    public string? Out { get; init; }

    [CommandOption("--markdown <FILE>")]
    [Description("Write the back-test tables as Markdown (docs/backtest-*.md are generated this way).")]
    public string? Markdown { get; init; }

    /// <summary>The parsed origins (validated).</summary>
    public IReadOnlyList<Month> OriginMonths => [.. Origins.Split(',', StringSplitOptions.TrimEntries).Select(Month.Parse)];

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        foreach (var o in Origins.Split(',', StringSplitOptions.TrimEntries))
            if (!Month.TryParse(o, out _)) return ValidationResult.Error($"--origins: '{o}' is not a month YYYY-MM");
        if (Horizon is < 1 or > 120) return ValidationResult.Error($"--horizon must be 1-120 (got {Horizon})");
        if (Runs < 1) return ValidationResult.Error($"--runs must be at least 1 (got {Runs})");
        if (Draws < 1 || Draws > Runs) return ValidationResult.Error($"--draws must be 1-{Runs} (got {Draws})");
        if (Threads is < 1) return ValidationResult.Error($"--threads must be at least 1 (got {Threads})");
        return base.Validate();
    }
}

/// <summary><c>peninsula backtest</c>: rolling-origin fits, forecasts and scores against baselines (DESIGN section 6).</summary>
public sealed class BacktestCommand(IAnsiConsole console) : Command<BacktestSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BacktestSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.CheckWritable(settings.Out);
        OutputFile.CheckWritable(settings.Markdown);
        var options = settings.Options;
        var report = Backtester.Run(settings.OriginMonths, settings.Horizon, options, settings.Runs, settings.Draws, settings.Seed,
            settings.Threads ?? Environment.ProcessorCount, new SyncProgress(console), cancellationToken);
        if (settings.Out is not null) OutputFile.WriteAtomically(settings.Out, BacktestRender.Json(report));
        if (settings.Markdown is not null) OutputFile.WriteAtomically(settings.Markdown, MarkdownReport.Backtest(report, CommandLine.Current()));
        BacktestRender.Write(console, report);
        if (settings.Out is not null) console.MarkupLineInterpolated($"[grey]back-test written to {settings.Out}[/]");
        return 0;
    }

    private sealed class SyncProgress(IAnsiConsole console) : IProgress<string>
    {
        public void Report(string value) => console.MarkupLineInterpolated($"[grey]{value}[/]");
    }
}

/// <summary>Tables and JSON of a back-test.</summary>
public static class BacktestRender
{
    private static string P(double x) => double.IsFinite(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) : "–";
    private static string F(double x) => double.IsFinite(x) ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";
    private static string S(double x) => double.IsFinite(x) ? x.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "–";

    /// <summary>Writes every table.</summary>
    public static void Write(IAnsiConsole console, BacktestReport report)
    {
        console.Write(new Rule($"[bold]back-test[/] · {report.Form} · horizon {report.Horizon} · {report.Runs} runs × {report.ParameterDraws} draws · seed {report.Seed}").LeftJustified());
        var origins = new Table().Border(TableBorder.Rounded).Title("Origins: fit at the origin, forecast with the package declared then");
        foreach (var c in new[] { "origin", "scenario", "package", "months", "fit LL", "AIC", "warnings" }) origins.AddColumn(c);
        foreach (var o in report.Origins)
            origins.AddRow(o.Origin.ToString(), o.Scenario, o.Policy, o.Months.ToString(CultureInfo.InvariantCulture), F(o.Calibration.LogLikelihood), F(o.Calibration.Aic), o.Calibration.Warnings.Length.ToString(CultureInfo.InvariantCulture));
        console.Write(origins);

        var refs = report.Binary.Count > 0 ? report.Binary[0].References.Select(r => r.Id).ToList() : [];
        var scores = new Table().Border(TableBorder.Simple).Title("Monthly P(level ≥ k): Brier score of the model and Brier skill vs each baseline [[90% block-bootstrap interval]]");
        scores.AddColumn("target");
        scores.AddColumn("lead");
        scores.AddColumn("n / events");
        scores.AddColumn("Brier");
        scores.AddColumn("log");
        foreach (var r in refs) scores.AddColumn(r);
        foreach (var row in report.Binary)
        {
            var cells = new List<string> { row.Target, row.LeadBucket, $"{row.Cases}/{row.Events}", F(row.Model.Brier), F(row.Model.LogScore) };
            foreach (var s in row.Skill) cells.Add($"{S(s.BrierSkill.Point)} [grey][[{S(s.BrierSkill.Lower)}, {S(s.BrierSkill.Upper)}]][/]");
            scores.AddRow(cells.ToArray());
        }
        console.Write(scores);

        var rps = new Table().Border(TableBorder.Simple).Title("Ladder: ranked probability score and skill vs each baseline");
        rps.AddColumn("lead");
        rps.AddColumn("RPS");
        foreach (var r in refs) rps.AddColumn(r);
        foreach (var row in report.Rps)
        {
            var cells = new List<string> { row.LeadBucket, F(row.ModelRps) };
            foreach (var s in row.Skill) cells.Add($"{S(s.Skill.Point)} [grey][[{S(s.Skill.Lower)}, {S(s.Skill.Upper)}]][/]");
            rps.AddRow(cells.ToArray());
        }
        console.Write(rps);

        var transitions = new Table().Border(TableBorder.Simple).Title("Transitions: P(level ≥ 5 within 12 / 24 months of the new government) beside what happened");
        foreach (var c in new[] { "origin", "scenario", "≤12 model", "≤12 long-run", "happened", "≤24 model", "≤24 long-run", "happened" }) transitions.AddColumn(c);
        foreach (var o in report.Origins)
        {
            var w12 = o.Windows.FirstOrDefault(w => w.Level == 5 && w.WithinMonths == 12);
            var w24 = o.Windows.FirstOrDefault(w => w.Level == 5 && w.WithinMonths == 24);
            if (w12 is null || w24 is null) continue;
            transitions.AddRow(o.Origin.ToString(), o.Scenario, P(w12.Model) + "%", P(w12.Baselines["long-run"]) + "%", w12.Happened ? "yes" : "no",
                P(w24.Model) + "%", P(w24.Baselines["long-run"]) + "%", w24.Happened ? "yes" : "no");
        }
        console.Write(transitions);

        var last = report.Origins.Count > 0 ? report.Origins[^1] : null;
        if (last is not null)
        {
            var ppc = new Table().Border(TableBorder.Simple).Title($"Posterior-predictive check (fit at {last.Origin}): share of months at each level by era, observed vs simulated mean [[90%]]");
            ppc.AddColumn("era");
            ppc.AddColumn("months");
            for (var l = 0; l <= Ladder.Top; l++) ppc.AddColumn(l.ToString(CultureInfo.InvariantCulture));
            foreach (var e in last.Predictive)
            {
                var cells = new List<string> { e.Era, e.Months.ToString(CultureInfo.InvariantCulture) };
                for (var l = 0; l <= Ladder.Top; l++) cells.Add($"{P(e.Observed[l])} vs {P(e.SimulatedMean[l])} [grey][[{P(e.SimulatedLo[l])}–{P(e.SimulatedHi[l])}]][/]");
                ppc.AddRow(cells.ToArray());
            }
            console.Write(ppc);
        }
    }

    /// <summary>The report as JSON (fixed key order; NaN written as null).</summary>
    public static string Json(BacktestReport report)
    {
        var doc = new
        {
            format = "peninsula-backtest/1",
            form = report.Form,
            horizon = report.Horizon,
            runs = report.Runs,
            parameter_draws = report.ParameterDraws,
            seed = report.Seed,
            data_sha256 = report.DataSha256,
            origins = report.Origins.Select(o => new
            {
                origin = o.Origin.ToString(),
                scenario = o.Scenario,
                policy = o.Policy,
                months = o.Months,
                calibration_sha256 = o.Calibration.Sha256(),
                log_likelihood = Clean(o.Calibration.LogLikelihood),
                aic = Clean(o.Calibration.Aic),
                warnings = o.Calibration.Warnings,
                observed = o.Observed,
                monthly_ladder = o.Forecast.Monthly.Select(m => m.Ladder.Select(Clean).ToArray()).ToArray(),
                windows = o.Windows.Select(w => new { level = w.Level, within_months = w.WithinMonths, model = Clean(w.Model), baselines = w.Baselines.ToDictionary(kv => kv.Key, kv => Clean(kv.Value)), happened = w.Happened }),
                posterior_predictive = o.Predictive.Select(e => new { era = e.Era, months = e.Months, observed = e.Observed.Select(Clean), simulated_mean = e.SimulatedMean.Select(Clean), simulated_lo = e.SimulatedLo.Select(Clean), simulated_hi = e.SimulatedHi.Select(Clean) }),
            }),
            binary = report.Binary.Select(r => new
            {
                target = r.Target,
                lead = r.LeadBucket,
                cases = r.Cases,
                events = r.Events,
                model = Source(r.Model),
                references = r.References.Select(Source),
                skill = r.Skill.Select(s => new { reference = s.ReferenceId, brier = Interval(s.BrierSkill), log = Interval(s.LogSkill) }),
            }),
            rps = report.Rps.Select(r => new
            {
                lead = r.LeadBucket,
                cases = r.Cases,
                model = Clean(r.ModelRps),
                references = r.References.ToDictionary(x => x.Id, x => Clean(x.Value)),
                skill = r.Skill.Select(s => new { reference = s.ReferenceId, skill = Interval(s.Skill) }),
            }),
        };
        return JsonSerializer.Serialize(doc, Options) + "\n";
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static double? Clean(double x) => double.IsFinite(x) ? Math.Round(x, 6) : null;

    private static object Interval(Scoring.BootstrapInterval i) => new { point = Clean(i.Point), lo = Clean(i.Lower), hi = Clean(i.Upper), level = i.Level };

    private static object Source(Scoring.SourceScores s) => new
    {
        id = s.Id,
        brier = Clean(s.Brier),
        log = Clean(s.LogScore),
        reliability = Clean(s.Decomposition.Reliability),
        resolution = Clean(s.Decomposition.Resolution),
        uncertainty = Clean(s.Decomposition.Uncertainty),
        bins = s.Decomposition.Bins.Select(b => new { lo = b.Lower, hi = b.Upper, count = b.Count, mean_forecast = Clean(b.MeanForecast), observed = Clean(b.ObservedFrequency), ci_lo = Clean(b.IntervalLower), ci_hi = Clean(b.IntervalUpper) }),
    };
}

/// <summary>Markdown of fits and back-tests for docs/ (generated by the commands, never typed in).</summary>
public static class MarkdownReport
{
    private static string F(double x, string format = "0.000") => double.IsFinite(x) ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Pct(double x) => double.IsFinite(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A fit's estimates and statistics.</summary>
    public static string Fit(Calibration cal, string command)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Fit at cutoff {cal.Cutoff} ({cal.Form})\n\nGenerated by `{command}`; do not edit by hand.\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Window {cal.WindowStart}..{cal.Cutoff} ({cal.Months} months); data sha256 `{cal.DataSha256[..16]}`; log-likelihood {F(cal.LogLikelihood, "0.00")}; AIC {F(cal.Aic, "0.0")}; {cal.ParametersEstimated} coefficients ({F(cal.EffectiveParameters, "0.0")} effective under the priors); optimiser {cal.OptimizerMethod}, exit `{cal.OptimizerExit}` after {cal.OptimizerIterations} iterations (gradient {F(cal.GradientNorm, "0.0e0")}); moving-block bootstrap {cal.BootstrapUsed}/{cal.BootstrapReplicates} refits, blocks of {cal.BlockLength} months; eras: {string.Join(", ", cal.Eras)} (forecasts use {cal.CurrentEra}).\n\n");
        sb.Append("## Estimates as fitted (standardised features; principal response on the engine scale)\n\n| coefficient | estimate | se (Hessian) | se (bootstrap) | prior sd | note |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var e in cal.Estimates) sb.Append(CultureInfo.InvariantCulture, $"| {e.Name} | {F(e.Value)} | {F(e.SeHessian)} | {F(e.SeBootstrap)} | {F(e.PriorSd)} | {e.Warning ?? ""} |\n");
        sb.Append("\n## Engine parameters used by forecasts\n\n| parameter | value | sd of forecast draws | se (bootstrap) |\n|---|---:|---:|---:|\n");
        for (var i = 0; i < cal.EngineNames.Length; i++)
            sb.Append(CultureInfo.InvariantCulture, $"| {cal.EngineNames[i]} | {F(cal.EngineValues[i])} | {F(Math.Sqrt(cal.EngineCovariance[i, i]))} | {F(cal.EngineSeBootstrap[i])} |\n");
        sb.Append("\n## Warnings\n\n");
        foreach (var w in cal.Warnings) sb.Append("- ").Append(w).Append('\n');
        if (cal.Warnings.Length == 0) sb.Append("None.\n");
        return sb.ToString();
    }

    /// <summary>A back-test's tables.</summary>
    public static string Backtest(BacktestReport report, string command)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Back-test ({report.Form})\n\nGenerated by `{command}`; do not edit by hand. Horizon {report.Horizon} months, {report.Runs} runs × {report.ParameterDraws} parameter draws per origin, seed {report.Seed}; data sha256 `{report.DataSha256[..16]}`.\n\n");
        sb.Append("## Origins\n\n| origin | scenario | package declared | months scored | fit log-likelihood | AIC |\n|---|---|---|---:|---:|---:|\n");
        foreach (var o in report.Origins)
            sb.Append(CultureInfo.InvariantCulture, $"| {o.Origin} | {o.Scenario} | {o.Policy} | {o.Months} | {F(o.Calibration.LogLikelihood, "0.00")} | {F(o.Calibration.Aic, "0.0")} |\n");
        var refs = report.Binary.Count > 0 ? report.Binary[0].References.Select(r => r.Id).ToList() : [];
        sb.Append("\n## Monthly P(level ≥ k): Brier score, log score, and Brier skill against each baseline (90% block-bootstrap interval)\n\n");
        sb.Append("| target | lead (months) | cases / events | Brier | log | " + string.Join(" | ", refs) + " |\n|---|---|---:|---:|---:|" + string.Concat(refs.Select(_ => "---:|")) + "\n");
        foreach (var row in report.Binary)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {row.Target} | {row.LeadBucket} | {row.Cases} / {row.Events} | {F(row.Model.Brier, "0.0000")} | {F(row.Model.LogScore, "0.0000")} | ");
            sb.Append(string.Join(" | ", row.Skill.Select(s => $"{F(s.BrierSkill.Point, "+0.000;-0.000;0.000")} [{F(s.BrierSkill.Lower, "+0.00;-0.00;0.00")}, {F(s.BrierSkill.Upper, "+0.00;-0.00;0.00")}]"))).Append(" |\n");
        }
        sb.Append("\n## Murphy decomposition, all leads (model)\n\n| target | Brier | reliability | resolution | uncertainty |\n|---|---:|---:|---:|---:|\n");
        foreach (var row in report.Binary.Where(r => r.LeadBucket == "1-48"))
            sb.Append(CultureInfo.InvariantCulture, $"| {row.Target} | {F(row.Model.Brier, "0.0000")} | {F(row.Model.Decomposition.Reliability, "0.0000")} | {F(row.Model.Decomposition.Resolution, "0.0000")} | {F(row.Model.Decomposition.Uncertainty, "0.0000")} |\n");
        sb.Append("\n## Reliability diagram data, all leads (model): mean forecast vs observed frequency per bin\n\n| target | bin | months | mean forecast | observed | 90% interval |\n|---|---|---:|---:|---:|---|\n");
        foreach (var row in report.Binary.Where(r => r.LeadBucket == "1-48"))
            foreach (var b in row.Model.Decomposition.Bins)
                sb.Append(CultureInfo.InvariantCulture, $"| {row.Target} | {F(b.Lower, "0.0")}–{F(b.Upper, "0.0")} | {b.Count} | {F(b.MeanForecast)} | {F(b.ObservedFrequency)} | {F(b.IntervalLower)}–{F(b.IntervalUpper)} |\n");
        sb.Append("\n## Ladder: ranked probability score and skill against each baseline\n\n| lead | cases | RPS | " + string.Join(" | ", refs) + " |\n|---|---:|---:|" + string.Concat(refs.Select(_ => "---:|")) + "\n");
        foreach (var row in report.Rps)
            sb.Append(CultureInfo.InvariantCulture, $"| {row.LeadBucket} | {row.Cases} | {F(row.ModelRps, "0.0000")} | ").Append(string.Join(" | ", row.Skill.Select(s => $"{F(s.Skill.Point, "+0.000;-0.000;0.000")} [{F(s.Skill.Lower, "+0.00;-0.00;0.00")}, {F(s.Skill.Upper, "+0.00;-0.00;0.00")}]"))).Append(" |\n");
        sb.Append("\n## Transitions: P(level ≥ 5 within 12 and 24 months of the new government), fit at the origin before it\n\n| origin | scenario | ≤12 model | ≤12 long-run | ≤12 happened | ≤24 model | ≤24 long-run | ≤24 happened |\n|---|---|---:|---:|---|---:|---:|---|\n");
        foreach (var o in report.Origins)
        {
            var w12 = o.Windows.FirstOrDefault(w => w.Level == 5 && w.WithinMonths == 12);
            var w24 = o.Windows.FirstOrDefault(w => w.Level == 5 && w.WithinMonths == 24);
            if (w12 is null || w24 is null) continue;
            sb.Append(CultureInfo.InvariantCulture, $"| {o.Origin} | {o.Scenario} | {Pct(w12.Model)} | {Pct(w12.Baselines["long-run"])} | {(w12.Happened ? "yes" : "no")} | {Pct(w24.Model)} | {Pct(w24.Baselines["long-run"])} | {(w24.Happened ? "yes" : "no")} |\n");
        }
        if (report.Origins.Count > 0)
        {
            var last = report.Origins[^1];
            sb.Append(CultureInfo.InvariantCulture, $"\n## Posterior-predictive check (fit at {last.Origin}): share of months at each level by era, observed / simulated mean [90%]\n\n| era | months | ");
            sb.Append(string.Join(" | ", Enumerable.Range(0, Ladder.Levels))).Append(" |\n|---|---:|").Append(string.Concat(Enumerable.Range(0, Ladder.Levels).Select(_ => "---|"))).Append('\n');
            foreach (var e in last.Predictive)
                sb.Append(CultureInfo.InvariantCulture, $"| {e.Era} | {e.Months} | ").Append(string.Join(" | ", Enumerable.Range(0, Ladder.Levels).Select(l => $"{Pct(e.Observed[l])} / {Pct(e.SimulatedMean[l])} [{Pct(e.SimulatedLo[l])}–{Pct(e.SimulatedHi[l])}]"))).Append(" |\n");
        }
        return sb.ToString();
    }
}
