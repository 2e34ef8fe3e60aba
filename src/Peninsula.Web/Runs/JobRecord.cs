using System.Collections.Immutable;
using Peninsula.Engine.Output;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Runs;

/// <summary>Where a job is in its life.</summary>
public enum JobState
{
    /// <summary>Waiting for the simulation worker.</summary>
    Queued,
    /// <summary>Being simulated.</summary>
    Running,
    /// <summary>Every package simulated and stored.</summary>
    Completed,
    /// <summary>Stopped at the user's request; committed batches are kept.</summary>
    Cancelled,
    /// <summary>Stopped by an error (the message says which).</summary>
    Failed,
}

/// <summary>A paired difference as stored in a job record (intervals as named fields).</summary>
public sealed record DifferenceRow(string Policy, string Reference, string OutcomeId, int WithinMonths, double Difference,
    double McLo, double McHi, double ParamLo, double ParamHi)
{
    /// <summary>From the engine's paired difference.</summary>
    public static DifferenceRow Of(PairedDifference d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Policy, d.Reference, d.OutcomeId, d.WithinMonths, d.Difference, d.Ci95Mc.Lo, d.Ci95Mc.Hi, d.Ci90Param.Lo, d.Ci90Param.Hi);
    }

    /// <summary>Back to the engine's type (for the comparison JSON and charts).</summary>
    public PairedDifference ToPaired() => new(Policy, Reference, OutcomeId, WithinMonths, Difference, (McLo, McHi), (ParamLo, ParamHi));
}

/// <summary>
/// One request to simulate an edited package against its base (and the scenario's reference) on common random
/// numbers, as kept in <c>jobs/&lt;id&gt;.json</c> in the data folder. The forecasts themselves live in the run store
/// under <see cref="RunIds"/>; the record adds what only the job knows (the levers, the paired differences).
/// </summary>
/// <param name="Id">Random 128-bit hex id.</param>
/// <param name="ScenarioId">Shipped scenario id the edit started from.</param>
/// <param name="ScenarioName">Scenario name (from the file).</param>
/// <param name="EditHash">Content hash of the edited scenario folder.</param>
/// <param name="ScenarioFile">The edited scenario's path inside the edit folder.</param>
/// <param name="BasePolicy">Package the edit started from.</param>
/// <param name="ReferencePolicy">The scenario's reference package.</param>
/// <param name="CustomPolicy">Id of the edited package.</param>
/// <param name="Policies">Packages simulated, custom first.</param>
/// <param name="Runs">Monte Carlo runs per package.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Levers">The edited levers.</param>
/// <param name="BaseLevers">The base package's levers, for showing what changed.</param>
/// <param name="State">Where the job is.</param>
/// <param name="Message">Why it failed or stopped, or null.</param>
/// <param name="RunIds">Run ids in <see cref="Policies"/> order once completed.</param>
/// <param name="Differences">Paired differences once completed.</param>
/// <param name="Created">When it was submitted.</param>
/// <param name="Finished">When it ended, or null.</param>
public sealed record JobRecord(
    string Id, string ScenarioId, string ScenarioName, string EditHash, string ScenarioFile,
    string BasePolicy, string ReferencePolicy, string CustomPolicy, ImmutableArray<string> Policies,
    int Runs, ulong Seed, PolicyLevers Levers, PolicyLevers BaseLevers,
    JobState State, string? Message, ImmutableArray<string> RunIds, ImmutableArray<DifferenceRow> Differences,
    DateTimeOffset Created, DateTimeOffset? Finished);
