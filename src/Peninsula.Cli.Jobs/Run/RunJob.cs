using Peninsula.Cli.Infrastructure;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Spectre.Console;

namespace Peninsula.Cli.Run;

/// <summary>What <c>peninsula run</c> was asked to do, whichever entry point parsed it.</summary>
/// <param name="Scenario">Scenario YAML file (null: the default scenario).</param>
/// <param name="Policy">Policy package id (null: the scenario's default).</param>
/// <param name="Out">Forecast JSON file to write, or null.</param>
/// <param name="Trace">Single-run storylines to print.</param>
/// <param name="Calibration">Calibration JSON, "none" for the priors, or null for the newest one before the scenario's start.</param>
/// <param name="Options">How to simulate and where to store.</param>
public sealed record RunRequest(string? Scenario, string? Policy, string? Out, int Trace, string? Calibration, SimulationOptions Options)
{
    /// <summary>The --log-batches line for each committed batch, on standard error.</summary>
    public static void LogCommitted(string runId, int batch) => Console.Error.WriteLine($"committed {runId[..12]} batch {batch}");
}

/// <summary>The <c>run</c> verb: one policy package, its forecast tables, JSON and optional storylines.</summary>
public static class RunJob
{
    /// <summary>Runs <paramref name="request"/>, writing to <paramref name="console"/>; returns the exit code (0). Failures throw.</summary>
    public static int Execute(IAnsiConsole console, RunRequest request, string codeVersion, string commandLine, CancellationToken cancellation)
    {
        var session = ScenarioSession.Open(request.Scenario, codeVersion, request.Calibration);
        var policy = session.PolicyOrDefault(request.Policy);
        OutputFile.CheckWritable(request.Out);
        var (result, forecast) = new SimulationService(console).RunAll(session, [policy], request.Options, "run", commandLine, cancellation)[0];
        Render.Header(console, session, forecast);
        Render.Outcomes(console, forecast);
        Render.Months(console, forecast);
        if (request.Trace > 0)
        {
            Render.Trace(console, session.Spec, TraceRecorder.Record(result.Request, request.Trace));
        }
        if (request.Out is not null)
        {
            OutputFile.WriteAtomically(request.Out, ForecastJson.Write(forecast));
            console.MarkupLineInterpolated($"[grey]forecast written to {request.Out}[/]");
        }
        return 0;
    }
}
