using System.ComponentModel;
using System.Globalization;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>report</c>.</summary>
public sealed class ReportSettings : SharedSimulationSettings
{
    /// <summary>Runs per package when --runs is not given: small enough to finish in well under a minute.</summary>
    public const int DefaultRuns = 4000;

    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file (default: scenarios/transition-2021.yaml). Not with --from-db.")]
    public string? Scenario { get; init; }

    [CommandOption("--from-db <RUN_ID>")]
    [Description("Rebuild the report from a stored run (a full id or a unique prefix of at least 8 hex digits) and the other packages stored by the same command, without simulating. Reads the --db database; --calibration says where the calibration the runs used is, when not in calibrations/.")]
    public string? FromDb { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder to write index.html, charts/ and forecast.json into (required; replaced atomically; its parent must exist).")]
    public string? Out { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Monte Carlo runs per policy package (default 4000).")]
    public int? Runs { get; init; }

    [CommandOption("--draws <K>")]
    [Description("Parameter vectors drawn from the calibration or priors (default: 100, or --runs if smaller).")]
    public int? Draws { get; init; }

    [CommandOption("--reference <ID>")]
    [Description("Package the paired differences are taken against (default: the scenario's reference_policy).")]
    public string? Reference { get; init; }

    [CommandOption("--no-db")]
    [Description("Do not store results.")]
    public bool NoDb { get; init; }

    /// <summary>The simulation options (for a fresh report).</summary>
    public SimulationOptions ToOptions() => new(Runs ?? DefaultRuns, SeedOrDefault, Months, Threads, Draws, Db, NoDb);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out is required (the folder to write the report into)");
        if (FromDb is not null)
        {
            if (Scenario is not null) return ValidationResult.Error("give either a SCENARIO or --from-db RUN_ID, not both");
            if (!StoredComparison.IsRunIdPrefix(FromDb)) return ValidationResult.Error($"--from-db: '{FromDb}' is not a run id (8 to 64 hexadecimal digits)");
            if (NoDb) return ValidationResult.Error("--from-db reads the database: it cannot be used with --no-db");
            if (Db is not null && Storage.RunStores.IsPostgres(Db)) return ValidationResult.Error("--from-db reads a SQLite file: --db must name one (PostgreSQL is not supported here)");
            var fixedByRun = new[] { ("--runs", Runs is not null), ("--draws", Draws is not null), ("--seed", Seed is not null), ("--months", Months is not null) }
                .Where(o => o.Item2).Select(o => o.Item1).ToList();
            if (fixedByRun.Count > 0) return ValidationResult.Error($"{fixedByRun[0]} cannot be used with --from-db (the stored run fixes it)");
            return ValidationResult.Success();
        }
        return ToOptions().Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
    }
}

/// <summary>
/// <c>peninsula report</c>: one self-contained HTML page (CSS and SVG charts inline, no scripts, no links out) with the
/// scenario, its assumptions and parameters, the headline table, every chart, the back-test track record of the
/// calibration's model form, the historical record up to the cutoff, and the command and seed that reproduce it;
/// each chart also as PNG and SVG under charts/, and the forecasts as forecast.json.
/// </summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var command = "peninsula " + string.Join(' ', context.Arguments.Select(Quote));
        ReportWriter.CheckTarget(settings.Out!);
        var inputs = settings.FromDb is null ? Simulate(settings, command, cancellationToken) : FromDatabase(settings, command);
        var report = ForecastReport.Build(inputs);
        var charts = ReportCharts.Build(report);
        ReportCharts.RenderAll(charts, cancellationToken);
        var index = ReportWriter.Write(settings.Out!, report, charts);
        console.MarkupLineInterpolated($"[bold]{report.Forecasts[0].Scenario}[/]: {report.Forecasts.Length} package(s), {charts.Length} charts");
        if (report.Backtest is null) console.MarkupLineInterpolated($"[grey]back-test: {report.BacktestNote}[/]");
        console.MarkupLineInterpolated($"report written to {index}");
        return 0;
    }

    private ReportInputs Simulate(ReportSettings settings, string command, CancellationToken cancellation)
    {
        var options = settings.ToOptions();
        var priors = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion);
        var session = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion, settings.Calibration);
        var policies = session.Spec.Policies.Select(p => p.Id).ToList();
        var reference = settings.Reference is null ? session.Loaded.ReferencePolicy ?? policies[0] : session.PolicyOrDefault(settings.Reference);
        // Stored as kind "compare": the report runs exactly what compare runs, so equal settings share run ids and rows.
        var comparison = Run(session, policies, reference, options, command, cancellation);
        // Render from the forecast JSON read back, as --from-db does, so both give the same page from the same runs.
        var forecasts = comparison.Runs.Select(r => ForecastJsonReader.Read(ForecastJson.Write(r.Forecast), $"forecast of {r.Forecast.Policy}")).ToList();
        var months = forecasts[0].Months;
        var target = options.Db ?? "peninsula.db";
        var postgres = Storage.RunStores.IsPostgres(target);
        // A connection string is shown without its password, and only a SQLite file can be rebuilt from (--from-db).
        var database = options.NoDb ? null : postgres ? Storage.RunStores.Describe(target) : Path.GetFullPath(target);
        var simulate = Pinned(session, options.Runs, options.EffectiveDraws, months, options.Seed, reference, settings.Out!, calibration: settings.Calibration);
        var rebuild = database is null || postgres ? null : $"peninsula report --from-db {comparison.Runs[0].RunId[..12]}{(settings.Db is null ? "" : " --db " + Quote(settings.Db))} --out {Quote(settings.Out!)}";
        return new ReportInputs(session, priors.Spec.Parameters, forecasts, comparison.Differences, reference,
            [.. comparison.Runs.Select(r => (r.Forecast.Policy, r.RunId))],
            $"Simulated by this command{(database is null ? " (not stored)" : $", stored in {database}")}.",
            new Reproduction(command, simulate, options.Seed, Database: database, RebuildCommand: rebuild),
            Path.GetDirectoryName(Path.GetFullPath(session.Path))!);
    }

    private PackageComparison Run(ScenarioSession session, List<string> policies, string reference, SimulationOptions options, string command, CancellationToken cancellation)
    {
        if (!console.Profile.Capabilities.Interactive)
            return PackageComparison.Run(session, policies, reference, options, "compare", command, null, cancellation);
        PackageComparison? comparison = null;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var tasks = policies.ToDictionary(p => p, p => ctx.AddTask(p, autoStart: false, maxValue: options.Runs));
            comparison = PackageComparison.Run(session, policies, reference, options, "compare", command, p =>
            {
                tasks[p].StartTask();
                return new Progress<WorkProgress>(w => tasks[p].Value = w.Completed);
            }, cancellation);
        });
        return comparison!;
    }

    private static ReportInputs FromDatabase(ReportSettings settings, string command)
    {
        var database = Path.GetFullPath(settings.Db ?? "peninsula.db");
        var stored = StoredComparison.Load(database, settings.FromDb!);
        var (session, priors, folder, file) = stored.OpenScenario(CliApp.CodeVersion, settings.Calibration, out var note);
        var order = stored.Runs.OrderBy(r => session.Spec.Policies.Select(p => p.Id).ToList().IndexOf(r.Manifest.Policy) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(r => r.Manifest.Policy, StringComparer.Ordinal).ToList();
        var policies = order.Select(r => r.Manifest.Policy).ToList();
        var reference = settings.Reference is not null
            ? policies.Contains(settings.Reference) ? settings.Reference : throw new UserErrorException($"--reference: package '{settings.Reference}' is not among the stored runs ({string.Join(", ", policies)})")
            : session.Loaded.ReferencePolicy is { } r && policies.Contains(r) ? r : stored.Requested.Manifest.Policy;
        var (differences, differencesNote, verification) = stored.Recompute(session, order, reference);
        var m = stored.Requested.Manifest;
        var scenarioArg = file is null ? "SCENARIO" : StoredComparison.RelativeToRoot(file);
        var simulate = Pinned(session, m.Runs, m.ParameterDraws, m.Months, m.Seed, reference, settings.Out!, scenarioArg, settings.Calibration);
        return new ReportInputs(session, priors.Spec.Parameters, [.. order.Select(o => o.Forecast)], differences, reference,
            [.. order.Select(o => (o.Manifest.Policy, o.Manifest.RunId))],
            $"Rebuilt from {order.Count} stored run(s) in {database} without simulating. {note}",
            new Reproduction(command, simulate, m.Seed, StoredCommand: m.CommandLine, Database: database, Verification: verification), folder)
        {
            DifferencesNote = differencesNote,
        };
    }

    /// <summary>The command that simulates the same runs again with every setting spelled out.</summary>
    private static string Pinned(ScenarioSession session, int runs, int draws, int months, ulong seed, string reference, string output,
        string? scenario = null, string? calibration = null)
    {
        var cal = session.Calibration is null ? "none"
            : Quote(calibration is not null && calibration != "none" ? StoredComparison.RelativeToRoot(calibration) : CalibrationArgument(session));
        scenario ??= StoredComparison.RelativeToRoot(session.Path);
        return string.Create(CultureInfo.InvariantCulture,
            $"./peninsula report {Quote(scenario)} --runs {runs} --draws {draws} --months {months} --seed {seed} --calibration {cal} --reference {Quote(reference)} --out {Quote(output)}");
    }

    private static string CalibrationArgument(ScenarioSession session)
    {
        // The provenance does not keep the file name; the catalog's file with the same content is the one applied.
        var sha = session.Provenance.Calibration.Sha256;
        var folder = CalibrationCatalog.Folder();
        if (Directory.Exists(folder))
        {
            foreach (var f in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                try
                {
                    if (Estimation.Calibration.Read(f).Sha256() == sha) return StoredComparison.RelativeToRoot(f);
                }
                catch (Estimation.CalibrationException)
                {
                    // Not a calibration this build reads: it cannot be the one applied.
                }
            }
        }
        return $"CALIBRATION.json (sha256 {sha[..12]}…)";
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? arg : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
