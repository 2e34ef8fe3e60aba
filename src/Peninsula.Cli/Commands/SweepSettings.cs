using System.ComponentModel;
using Peninsula.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>sweep</c>.</summary>
public sealed class SweepSettings : SharedSimulationSettings
{
    /// <summary>Runs per cell when --runs is not given.</summary>
    public const int DefaultRuns = 4000;

    /// <summary>Parameter draws when --posterior-draws is not given (fewer when --runs is smaller).</summary>
    public const int DefaultDraws = 20;

    [CommandArgument(0, "[SCENARIO]")]
    [Description("Scenario YAML file (default: scenarios/transition-2021.yaml).")]
    public string? Scenario { get; init; }

    [CommandOption("--grid <KEY=VALUES>")]
    [Description("A key and its comma-separated values, e.g. --grid demand=40,70,100; repeat for more keys (every combination is a cell; the first value of each key forms the base cell). Keys: policy (package ids), message, message_start, channels (ids joined by '+'), conditional, aid, aid_start, aid_level, talks, demand, relief_offer, normalization_offer, mediator_coordination, engagement, pressure, exercise_scale.")]
    public string[] Grid { get; init; } = [];

    [CommandOption("--posterior-draws <K>")]
    [Description("Parameter vectors drawn from the calibration's (or the priors') sampling distribution; every cell is run under the same K vectors (default 20, or --runs if smaller; 1 = central values only).")]
    public int? PosteriorDraws { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Monte Carlo runs per cell, split evenly over the parameter draws (default 4000).")]
    public int? Runs { get; init; }

    [CommandOption("--policy <ID>")]
    [Description("Package whose levers the grid sets when the grid has no policy key (default: the scenario's default_policy).")]
    public string? Policy { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder to write sweep.json (every cell, the sensitivity and the ranking), sweep.csv, each cell's forecast JSON (cells/0000.json, …) and the sensitivity chart (sensitivity.png, sensitivity.svg) into; created if missing (its parent must exist).")]
    public string? Out { get; init; }

    /// <summary>Runs per cell in effect.</summary>
    public int RunsOrDefault => Runs ?? DefaultRuns;

    /// <summary>The simulation options: every cell shares runs, seed, horizon and parameter draws; committed batches are always reused.</summary>
    public SimulationOptions ToOptions() =>
        new(RunsOrDefault, SeedOrDefault, Months, Threads, PosteriorDraws ?? Math.Min(DefaultDraws, Math.Max(1, RunsOrDefault)), Db, NoDb: false, Resume: true);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (PosteriorDraws is < 1) return ValidationResult.Error($"--posterior-draws must be at least 1 (got {PosteriorDraws})");
        if (PosteriorDraws is { } k && k > RunsOrDefault) return ValidationResult.Error($"--posterior-draws ({k}) cannot exceed --runs ({RunsOrDefault})");
        if (ToOptions().Problem() is { } problem) return ValidationResult.Error(problem);
        try
        {
            LeverGrid.Parse(Grid);
        }
        catch (UserErrorException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }
}
