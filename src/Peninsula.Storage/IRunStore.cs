namespace Peninsula.Storage;

/// <summary>What identifies and reproduces a stored simulation run.</summary>
/// <param name="RunId">Hex SHA-256 over scenario text, policy, seed, runs, months, parameters and code version.</param>
/// <param name="Kind">"run", "compare", "forecast" or "sweep".</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ScenarioSha256">SHA-256 of the scenario text (after extends resolution).</param>
/// <param name="ScenarioText">The full scenario text as run.</param>
/// <param name="Policy">Policy package id.</param>
/// <param name="Seed">Random seed.</param>
/// <param name="Runs">Number of Monte Carlo runs.</param>
/// <param name="Months">Horizon in months.</param>
/// <param name="ParameterDraws">Number of parameter vectors drawn.</param>
/// <param name="BatchSize">Runs per batch; batch b covers runs [b·BatchSize, min((b+1)·BatchSize, Runs)).</param>
/// <param name="CodeVersion">Code version string.</param>
/// <param name="CommandLine">The command line that started the run.</param>
public sealed record RunManifest(
    string RunId, string Kind, string Scenario, string ScenarioSha256, string ScenarioText, string Policy,
    ulong Seed, int Runs, int Months, int ParameterDraws, int BatchSize, string CodeVersion, string CommandLine);

/// <summary>
/// Durable store of runs and their batches. Every write is one transaction; saving a batch that
/// is already stored is a no-op (idempotent), so a killed run resumes by computing only missing batches.
/// </summary>
public interface IRunStore : IDisposable
{
    /// <summary>Records the run if new; if a run with the same id exists, verifies the manifests agree.</summary>
    void EnsureRun(RunManifest manifest);

    /// <summary>The run's manifest, or null.</summary>
    RunManifest? FindRun(string runId);

    /// <summary>All runs, newest first.</summary>
    IReadOnlyList<RunManifest> ListRuns();

    /// <summary>Indices of the batches already committed for a run.</summary>
    IReadOnlySet<int> CommittedBatches(string runId);

    /// <summary>Stores one batch's serialized aggregate; ignored if that batch is already stored.</summary>
    void SaveBatch(string runId, int batchIndex, ReadOnlySpan<byte> payload);

    /// <summary>
    /// Stores several batches in one transaction (all or none; each ignored if already stored): one durable commit
    /// for what a background writer has queued, instead of one per batch.
    /// </summary>
    void SaveBatches(string runId, IReadOnlyList<(int BatchIndex, byte[] Payload)> batches);

    /// <summary>A stored batch's payload, or null.</summary>
    byte[]? LoadBatch(string runId, int batchIndex);

    /// <summary>Marks the run complete and stores its forecast JSON.</summary>
    void CompleteRun(string runId, string forecastJson);

    /// <summary>The forecast JSON of a completed run, or null.</summary>
    string? LoadForecast(string runId);
}
