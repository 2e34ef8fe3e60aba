using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of the verbs that simulate with the full run defaults (run, compare, forecast).</summary>
public class SimulationSettings : SharedSimulationSettings
{
    [CommandOption("--runs <N>")]
    [Description("Monte Carlo runs per policy package (default 20000).")]
    [DefaultValue(SimulationOptions.DefaultRuns)]
    public int Runs { get; init; } = SimulationOptions.DefaultRuns;

    [CommandOption("--draws <K>")]
    [Description("Parameter vectors drawn from the calibration or priors (default: 100, or --runs if smaller; 1 = central values only).")]
    public int? Draws { get; init; }

    /// <summary>The number of parameter draws in effect.</summary>
    public int EffectiveDraws => ToOptions().EffectiveDraws;

    [CommandOption("--no-db")]
    [Description("Do not store results.")]
    public bool NoDb { get; init; }

    [CommandOption("--resume")]
    [Description("Reuse batches already committed for this exact run (completes a killed run).")]
    public bool Resume { get; init; }

    [CommandOption("--log-batches")]
    [Description("Print 'committed RUN_ID batch N' to stderr as each batch's transaction commits (for monitoring long runs).")]
    public bool LogBatches { get; init; }

    /// <summary>The options as the application services take them.</summary>
    public SimulationOptions ToOptions() => new(Runs, SeedOrDefault, Months, Threads, Draws, Db, NoDb, Resume)
    {
        BatchCommitted = LogBatches ? Run.RunRequest.LogCommitted : null,
    };

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        ToOptions().Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}

/// <summary>Options of <c>run</c>.</summary>
public sealed class RunSettings : SimulationSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file (default: scenarios/transition-2021.yaml).")]
    public string? Scenario { get; init; }

    [CommandOption("--policy <ID>")]
    [Description("Policy package id (default: the scenario's default_policy).")]
    public string? Policy { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the forecast JSON (DESIGN section 7) to this file.")]
    public string? Out { get; init; }

    [CommandOption("--trace <N>")]
    [Description("Print N single-run storylines.")]
    [DefaultValue(0)]
    public int Trace { get; init; }

    /// <summary>The request as <see cref="Run.RunJob"/> takes it.</summary>
    public Run.RunRequest ToRequest() => new(Scenario, Policy, Out, Trace, Calibration, ToOptions());

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Trace < 0) return ValidationResult.Error($"--trace must be 0 or more (got {Trace})");
        return base.Validate();
    }
}

/// <summary>Options of <c>compare</c> (and of running with no verb).</summary>
public sealed class CompareSettings : SimulationSettings
{
    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file (default: scenarios/transition-2021.yaml).")]
    public string? Scenario { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write every package's forecast and the paired differences as JSON.")]
    public string? Out { get; init; }

    [CommandOption("--markdown <FILE>")]
    [Description("Write the comparison tables as Markdown (docs/compare-2021.md is generated this way).")]
    public string? Markdown { get; init; }

    [CommandOption("--reference <ID>")]
    [Description("Package the paired differences are taken against (default: the scenario's reference_policy).")]
    public string? Reference { get; init; }
}

/// <summary>Options of <c>validate</c>.</summary>
public sealed class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "<SCENARIO>")]
    [Description("Scenario YAML file to check.")]
    public string Scenario { get; init; } = "";
}
