using System.ComponentModel;
using System.Globalization;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Estimation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>forecast</c>.</summary>
public sealed class ForecastSettings : SimulationSettings
{
    [CommandOption("--from <YYYY-MM>")]
    [Description("First forecast month (required); the state is reconstructed from the record up to the month before.")]
    public string? From { get; init; }

    [CommandOption("--scenario <FILE>")]
    [Description("Scenario for actors, governments, packages and exogenous drivers (default: the one in scenarios/ that starts at --from).")]
    public string? Scenario { get; init; }

    [CommandOption("--policy <ID>")]
    [Description("Policy package (default: the package the scenario declares at the origin).")]
    public string? Policy { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the forecast JSON (DESIGN section 7) here.")]
    public string? Out { get; init; }

    /// <summary>The origin (validated).</summary>
    public Month FromMonth => Month.Parse(From!);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Calibration is null) return ValidationResult.Error("--calibration is required (a file written by 'peninsula fit')");
        if (From is null) return ValidationResult.Error("--from is required (first forecast month, YYYY-MM)");
        if (!Month.TryParse(From, out _)) return ValidationResult.Error($"--from: '{From}' is not a month YYYY-MM");
        return base.Validate();
    }
}

/// <summary>
/// <c>peninsula forecast</c>: from the state reconstructed by replaying the record up to the origin, simulate forward
/// with parameters drawn from a calibration's covariance, exogenous drivers from their distributions and the package
/// declared at the origin.
/// </summary>
public sealed class ForecastCommand(IAnsiConsole console) : Command<ForecastSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ForecastSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.CheckWritable(settings.Out);
        var calibration = CalibrationCatalog.Read(settings.Calibration!);
        var session = Forecasting.Prepare(settings.FromMonth, calibration, settings.Calibration!, settings.Scenario);
        var policy = session.PolicyOrDefault(settings.Policy);
        var (_, forecast) = new SimulationService(console).RunAll(session, [policy], settings.ToOptions(), "forecast", CommandLine.Current(), cancellationToken)[0];
        Render.Header(console, session, forecast);
        Render.Outcomes(console, forecast);
        Render.Months(console, forecast);
        if (settings.Out is not null)
        {
            OutputFile.WriteAtomically(settings.Out, ForecastJson.Write(forecast));
            console.MarkupLineInterpolated($"[grey]forecast written to {settings.Out}[/]");
        }
        return 0;
    }
}

/// <summary>Forecast preparation shared by <c>forecast</c> and <c>backtest</c>.</summary>
public static class Forecasting
{
    /// <summary>
    /// The scenario of the origin with the calibration applied and its initial state replaced by the state
    /// reconstructed from the record up to the month before <paramref name="from"/>.
    /// </summary>
    public static ScenarioSession Prepare(Month from, Calibration calibration, string calibrationFile, string? scenario)
    {
        if (calibration.Cutoff >= from)
            throw new UserErrorException($"--from {from} is not after the calibration's cutoff {calibration.Cutoff} (the fit would have seen the forecast period)");
        var path = scenario ?? ScenarioStartingAt(from);
        var session = ScenarioSession.Open(path, CliApp.CodeVersion);
        if (session.Spec.Start != from)
            throw new UserErrorException($"{Path.GetFileName(path)} starts at {session.Spec.Start}, not at --from {from}");
        session = session.WithCalibration(calibration, calibrationFile);

        var origin = from.Plus(-1);
        var workspace = HistoryWorkspace.Open(origin);
        var (frame, _) = workspace.Frame();
        var parameters = calibration.Apply(workspace.History.Spec.Parameters);
        var trace = Replay.Run(frame.Input, new Coefficients(parameters.Means()), frame.Zone);
        var end = trace.States[^1];
        var initial = end.ToInitialState(frame.Input.Spec) with { AgreementsInForce = session.Spec.Initial.AgreementsInForce };
        var description = string.Create(CultureInfo.InvariantCulture,
            $"reconstructed {origin}: level {end.Level}, phase {end.Phase}, stress {end.Stress:R}, trust {end.TrustChallenger:R}/{end.TrustPrincipal:R}, attention {end.Attention:R}, pressure {end.Pressure:R}, un {end.UnLayers:R}, uni {end.UniLayers:R}, pipeline {end.Pipeline}, moratorium {end.Moratorium}, recent {end.Recent:R}, data {workspace.DataSha256}");
        return session.WithInitialState(initial, description);
    }

    /// <summary>The scenario in scenarios/ whose start is <paramref name="from"/>.</summary>
    public static string ScenarioStartingAt(Month from)
    {
        var folder = Path.Combine(RepositoryPaths.Root(), "scenarios");
        var text = "start: " + from;
        foreach (var file in Directory.GetFiles(folder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            if (File.ReadLines(file).Any(l => l.Trim() == text) && Path.GetFileName(file) != "history.yaml") return file;
        }
        throw new UserErrorException($"no scenario in scenarios/ starts at {from}; give one with --scenario");
    }
}
