using System.ComponentModel;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>
/// The options every simulating verb (run, compare, forecast, report, sweep) shares, declared once so their names,
/// meanings and help read the same everywhere. Runs and parameter draws stay with each verb: their defaults differ.
/// </summary>
public abstract class SharedSimulationSettings : CommandSettings
{
    /// <summary>The seed when --seed is not given.</summary>
    public const ulong DefaultSeed = 1;

    [CommandOption("--seed <S>")]
    [Description("Random seed (default 1). The same scenario and seed give identical results on any number of threads.")]
    public ulong? Seed { get; init; }

    [CommandOption("--months <M>")]
    [Description("Horizon in months, 1-600 (default: the scenario's).")]
    public int? Months { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    [CommandOption("--db <FILE|CONNECTION>")]
    [Description("Where results are stored: a SQLite file (default: peninsula.db in the working directory) or a PostgreSQL connection string (Host=…;Database=…;Username=… or postgres://…).")]
    public string? Db { get; init; }

    [CommandOption("--calibration <FILE>")]
    [Description("Calibration JSON from 'peninsula fit', or 'none' for the scenario's priors (default: the newest calibrations/*.json whose cutoff is before the scenario's start, else the priors).")]
    public string? Calibration { get; init; }

    /// <summary>The seed in effect.</summary>
    public ulong SeedOrDefault => Seed ?? DefaultSeed;
}
