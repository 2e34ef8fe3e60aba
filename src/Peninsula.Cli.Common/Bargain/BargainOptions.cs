using System.Globalization;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Zone;

namespace Peninsula.Cli.Bargain;

/// <summary>The options of <c>peninsula bargain</c>, whichever entry point parsed them.</summary>
/// <param name="File">Issue-space file (KTAB CSV or XML, BDM actors CSV, or YAML with a 'bargaining:' block).</param>
/// <param name="Model">Model id or alias (see <see cref="BargainingModels"/>).</param>
/// <param name="Perturb">Monte Carlo spread on the 0–100 scale, or null for no sensitivity run.</param>
/// <param name="Runs">Perturbation runs.</param>
/// <param name="Seed">Seed of the perturbations.</param>
/// <param name="Out">JSON output file, or null.</param>
/// <param name="Db">SQLite database, or null for peninsula.db in the working directory.</param>
/// <param name="NoDb">Do not store the run.</param>
public sealed record BargainOptions(string File, string Model = BargainOptions.DefaultModel, double? Perturb = null, int Runs = BargainOptions.DefaultRuns,
    ulong Seed = BargainOptions.DefaultSeed, string? Out = null, string? Db = null, bool NoDb = false)
{
    /// <summary>Default model: the KTAB-compatible Spatial Model of Politics.</summary>
    public const string DefaultModel = "smp";

    /// <summary>Default number of perturbation runs.</summary>
    public const int DefaultRuns = 200;

    /// <summary>Default perturbation seed.</summary>
    public const ulong DefaultSeed = 1;

    /// <summary>Help text of each option, shared by both entry points.</summary>
    public static class Help
    {
        /// <summary>FILE.</summary>
        public const string File = "Issue space: KTAB CSV (input.csv), KTAB XML, the BDM actors CSV, or YAML with a 'bargaining:' block.";
        /// <summary>--model.</summary>
        public const string Model = "compromise, median, nash, bdm or smp (alias ktab-smp; default smp, the KTAB-compatible Spatial Model of Politics).";
        /// <summary>--perturb.</summary>
        public const string Perturb = "Monte Carlo sensitivity: perturb positions, saliences and capabilities by this spread (0-100 scale).";
        /// <summary>--runs.</summary>
        public const string Runs = "Perturbation runs (default 200).";
        /// <summary>--seed.</summary>
        public const string Seed = "Seed of the perturbations (default 1).";
        /// <summary>--out.</summary>
        public const string Out = "Write the trajectory, forecast and sensitivity as JSON.";
        /// <summary>--db.</summary>
        public const string Db = "Where the run is stored: a SQLite file (default: peninsula.db in the working directory) or a PostgreSQL connection string.";
        /// <summary>--no-db.</summary>
        public const string NoDb = "Do not store the run.";
    }

    /// <summary>The first problem with these options as a one-line message naming the option, or null when they are valid.</summary>
    public string? Problem()
    {
        if (BargainingModels.Create(Model) is null) return $"--model: unknown model '{Model}' (known: {string.Join(", ", BargainingModels.Ids)})";
        if (Perturb is { } p && (double.IsNaN(p) || p <= 0 || p > 100)) return $"--perturb must be in (0, 100] (got {p.ToString(CultureInfo.InvariantCulture)})";
        if (Runs < 2) return $"--runs must be at least 2 (got {Runs})";
        if (Runs > Sensitivity.MaxRuns) return $"--runs must be at most {Sensitivity.MaxRuns} (got {Runs})";
        if (NoDb && Db is not null) return "--db and --no-db cannot be used together";
        return null;
    }
}
