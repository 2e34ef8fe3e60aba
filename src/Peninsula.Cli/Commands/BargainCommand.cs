using System.ComponentModel;
using Peninsula.Cli.Bargain;
using Peninsula.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>bargain</c> (bound by Spectre.Console.Cli; the native entry point parses the same options with <see cref="BargainArguments"/>).</summary>
public sealed class BargainSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description(BargainOptions.Help.File)]
    public string File { get; init; } = "";

    [CommandOption("--model <M>")]
    [Description(BargainOptions.Help.Model)]
    [DefaultValue(BargainOptions.DefaultModel)]
    public string Model { get; init; } = BargainOptions.DefaultModel;

    [CommandOption("--perturb <SPREAD>")]
    [Description(BargainOptions.Help.Perturb)]
    public double? Perturb { get; init; }

    [CommandOption("--runs <N>")]
    [Description(BargainOptions.Help.Runs)]
    [DefaultValue(BargainOptions.DefaultRuns)]
    public int Runs { get; init; } = BargainOptions.DefaultRuns;

    [CommandOption("--seed <S>")]
    [Description(BargainOptions.Help.Seed)]
    [DefaultValue(BargainOptions.DefaultSeed)]
    public ulong Seed { get; init; } = BargainOptions.DefaultSeed;

    [CommandOption("--out <FILE>")]
    [Description(BargainOptions.Help.Out)]
    public string? Out { get; init; }

    [CommandOption("--db <FILE|CONNECTION>")]
    [Description(BargainOptions.Help.Db)]
    public string? Db { get; init; }

    [CommandOption("--no-db")]
    [Description(BargainOptions.Help.NoDb)]
    public bool NoDb { get; init; }

    /// <summary>The options as the shared job takes them.</summary>
    public BargainOptions ToOptions() => new(File, Model, Perturb, Runs, Seed, Out, Db, NoDb);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        ToOptions().Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}

/// <summary><c>peninsula bargain</c>: what deal is within reach — a bargaining model's trajectory and forecast (see <see cref="BargainJob"/>).</summary>
public sealed class BargainCommand(IAnsiConsole console) : Command<BargainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BargainSettings settings, CancellationToken cancellationToken) =>
        BargainJob.Execute(settings.ToOptions(), console, CommandLine.Current());
}
