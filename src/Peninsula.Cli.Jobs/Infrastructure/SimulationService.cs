using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Spectre.Console;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Runs simulations for the commands through <see cref="Simulator"/>, with one progress bar per policy on an interactive console.</summary>
public sealed class SimulationService(IAnsiConsole console)
{
    /// <summary>Runs several policies (each stored under its own run id).</summary>
    public IReadOnlyList<(RunResult Result, ForecastDocument Forecast)> RunAll(
        ScenarioSession session, IReadOnlyList<string> policies, SimulationOptions options, string kind, string commandLine, CancellationToken cancellation) =>
        [.. RunWithIds(session, policies, options, kind, commandLine, cancellation).Select(r => (r.Result, r.Forecast))];

    /// <summary>Runs several policies, returning each run's id with its result.</summary>
    public IReadOnlyList<(string RunId, RunResult Result, ForecastDocument Forecast)> RunWithIds(
        ScenarioSession session, IReadOnlyList<string> policies, SimulationOptions options, string kind, string commandLine, CancellationToken cancellation)
    {
        IReadOnlyList<(string RunId, RunResult Result, ForecastDocument Forecast)> runs = [];
        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var tasks = policies.ToDictionary(p => p, p => ctx.AddTask(p, autoStart: false, maxValue: options.Runs));
                runs = Simulator.RunAll(session, policies, options, kind, commandLine, p =>
                {
                    tasks[p].StartTask();
                    return new Progress<WorkProgress>(w => tasks[p].Value = w.Completed);
                }, cancellation);
            });
        }
        else
        {
            runs = Simulator.RunAll(session, policies, options, kind, commandLine, null, cancellation);
        }
        return runs;
    }
}
