namespace Peninsula.App;

/// <summary>How to simulate: the options every front end (CLI verbs, web form) gives a run.</summary>
/// <param name="Runs">Monte Carlo runs per policy package.</param>
/// <param name="Seed">Random seed; the same scenario and seed give identical results on any number of threads.</param>
/// <param name="Months">Horizon in months (null: the scenario's).</param>
/// <param name="Threads">Worker threads (null: all cores).</param>
/// <param name="Draws">Parameter vectors drawn (null: 100, or Runs if smaller).</param>
/// <param name="Db">SQLite file for results (null: peninsula.db in the working directory).</param>
/// <param name="NoDb">Do not store results.</param>
/// <param name="Resume">Reuse batches already committed for the exact run.</param>
public sealed record SimulationOptions(int Runs = SimulationOptions.DefaultRuns, ulong Seed = 1, int? Months = null, int? Threads = null, int? Draws = null,
    string? Db = null, bool NoDb = false, bool Resume = false)
{
    /// <summary>Default runs per package.</summary>
    public const int DefaultRuns = 20000;

    /// <summary>Told (run id, batch index) after each batch's transaction commits; null for silence.</summary>
    public Action<string, int>? BatchCommitted { get; init; }

    /// <summary>The number of parameter draws in effect.</summary>
    public int EffectiveDraws => Draws ?? Math.Min(100, Runs);

    /// <summary>The first problem with these options as a one-line message naming the option, or null.</summary>
    public string? Problem()
    {
        if (Runs < 1) return $"--runs must be at least 1 (got {Runs})";
        if (Months is { } m && (m < 1 || m > 600)) return $"--months must be 1-600 (got {m})";
        if (Threads is { } t && t < 1) return $"--threads must be at least 1 (got {t})";
        if (Draws is < 1) return $"--draws must be at least 1 (got {Draws})";
        if (Draws is { } d && d > Runs) return $"--draws ({Draws}) cannot exceed --runs ({Runs})";
        if (NoDb && Db is not null) return "--db and --no-db cannot be used together";
        if (Resume && NoDb) return "--resume needs a database (remove --no-db)";
        return null;
    }
}
