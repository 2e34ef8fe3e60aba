using Peninsula.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary><c>peninsula validate</c>: every problem of a scenario, one line each.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ValidateSettings settings, CancellationToken cancellationToken)
    {
        var session = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion);
        var spec = session.Spec;
        console.MarkupLineInterpolated(
            $"[green]ok[/]: {Path.GetFileName(settings.Scenario)} — {spec.Name}, {spec.Start} + {spec.Months} months, {spec.Policies.Length} policy packages, {spec.Parameters.Count} parameters, sha256 {session.Loaded.Sha256[..12]}");
        return 0;
    }
}
