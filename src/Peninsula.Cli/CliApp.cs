using Peninsula.Cli.Commands;
using Peninsula.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli;

/// <summary>The command-line application: verbs, help, version and one-line errors.</summary>
public static class CliApp
{
    /// <summary>The code version: informational version of this assembly (includes the commit when built by ./peninsula).</summary>
    public static string CodeVersion => Cli.CodeVersion.Current;

    /// <summary>Runs the CLI with the given console; returns the exit code. Never throws.</summary>
    public static int Run(string[] args, IAnsiConsole console, TextWriter errors)
    {
        if (args.Length == 1 && args[0] is "--version" or "-v")
        {
            console.WriteLine($"peninsula {CodeVersion}");
            return 0;
        }
        var app = new CommandApp<CompareCommand>(new ConsoleRegistrar(console));
        app.Configure(config =>
        {
            config.SetApplicationName("peninsula");
            config.SetApplicationVersion(CodeVersion);
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.SetInterceptor(new MissingValueInterceptor());
            config.AddCommand<RunCommand>("run").WithDescription("Simulate one policy package of a scenario and write the forecast.");
            config.AddCommand<CompareCommand>("compare").WithDescription("Simulate every policy package on common random numbers and compare them side by side.");
            config.AddCommand<HistoryCommand>("history").WithDescription("Replay the record with the observed actions forced and show the reconstructed states month by month.");
            config.AddCommand<FitCommand>("fit").WithDescription("Estimate the model on the historical record up to a cutoff and write a calibration.");
            config.AddCommand<ForecastCommand>("forecast").WithDescription("Forecast from the state reconstructed from the record, with a calibration's parameter uncertainty.");
            config.AddCommand<BacktestCommand>("backtest").WithDescription("Fit at rolling origins, forecast what came after, and score against baselines.");
            config.AddCommand<BargainCommand>("bargain").WithDescription("Run a bargaining model on an issue space: trajectory, forecast, sensitivity.");
            config.AddCommand<ReportCommand>("report").WithDescription("Write a self-contained HTML report (charts, tables, track record, reproduce command) of a scenario or a stored run.");
            config.AddCommand<SweepCommand>("sweep").WithDescription("Run every combination of packages and lever values under the same parameter draws on common random numbers (resumable) and show the sensitivity of the headline outcomes.");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure this build on this machine: engine throughput against a minimal C loop, scaling, allocations, whole runs, fit, bargaining, SQLite.");
            config.AddCommand<ServeCommand>("serve").WithDescription("Serve the local web app: scenario levers, runs with progress, results with charts and downloads, stored runs, bargaining.");
            config.AddCommand<ValidateCommand>("validate").WithDescription("Check a scenario file and report every problem with file, line and field.");
        });
        try
        {
            return app.Run(args);
        }
        catch (Exception ex) when (ex is CommandParseException or CommandRuntimeException)
        {
            return Failures.Line(errors, ex, 2);
        }
#pragma warning disable CA1031 // every other failure: one line (Failures), never a stack trace
        catch (Exception ex)
        {
            return Failures.Report(ex, errors);
        }
#pragma warning restore CA1031
    }
}
