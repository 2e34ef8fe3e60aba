using Peninsula.Cli.Infrastructure;
using Spectre.Console;

namespace Peninsula.Cli.Run;

/// <summary>
/// The whole <c>peninsula run</c> process for the natively compiled entry point: no JIT and no runtime start-up, so a
/// run's time is the engine's. ./peninsula asks <see cref="Accepts"/> first and hands anything declined to the managed CLI.
/// </summary>
public static class RunEntry
{
    /// <summary>Whether <paramref name="args"/> (starting with the verb) are a <c>run</c> this entry point carries out itself.</summary>
    public static bool Accepts(IReadOnlyList<string> args) => args.Count > 0 && args[0] == "run" && RunArguments.TryParse([.. args.Skip(1)]) is not null;

    /// <summary>Runs <paramref name="args"/> (starting with <c>run</c>); never throws.</summary>
    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, TextWriter errors, string commandLine)
    {
        var request = args.Count > 0 && args[0] == "run" ? RunArguments.TryParse([.. args.Skip(1)]) : null;
        if (request is null)
        {
            errors.WriteLine("peninsula: these run arguments are handled by the managed CLI: use ./peninsula run (or PENINSULA_MANAGED=1)");
            return 2;
        }
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return RunJob.Execute(console, request, CodeVersion.Current, commandLine, cancellation.Token);
        }
#pragma warning disable CA1031 // the last resort: a one-line message (Failures), never a stack trace
        catch (Exception e)
        {
            return Failures.Report(e, errors);
        }
#pragma warning restore CA1031
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
