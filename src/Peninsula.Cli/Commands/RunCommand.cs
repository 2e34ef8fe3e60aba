using Peninsula.Cli.Infrastructure;
using Peninsula.Cli.Run;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary><c>peninsula run</c>: one policy package, its forecast table, JSON and optional storylines (<see cref="RunJob"/>, shared with the native entry point).</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken) =>
        RunJob.Execute(console, settings.ToRequest(), CliApp.CodeVersion, CommandLine.Current(), cancellationToken);
}
