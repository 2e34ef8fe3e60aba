using Peninsula.Cli.Infrastructure;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary><c>peninsula run</c>: one policy package, its forecast table, JSON and optional storylines.</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var session = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion, settings.Calibration);
        var policy = session.PolicyOrDefault(settings.Policy);
        OutputFile.CheckWritable(settings.Out);
        var service = new SimulationService(console);
        var (result, forecast) = service.RunAll(session, [policy], settings, "run", CommandLine.Current(), cancellationToken)[0];
        Render.Header(console, session, forecast);
        Render.Outcomes(console, forecast);
        Render.Months(console, forecast);
        if (settings.Trace > 0)
        {
            Render.Trace(console, session.Spec, TraceRecorder.Record(result.Request, settings.Trace));
        }
        if (settings.Out is not null)
        {
            OutputFile.WriteAtomically(settings.Out, ForecastJson.Write(forecast));
            console.MarkupLineInterpolated($"[grey]forecast written to {settings.Out}[/]");
        }
        return 0;
    }
}
