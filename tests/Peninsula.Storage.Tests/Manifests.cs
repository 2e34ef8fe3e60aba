namespace Peninsula.Storage.Tests;

/// <summary>Sample manifests for tests.</summary>
internal static class Manifests
{
    public static RunManifest Sample(string runId = "run-a", ulong seed = 42) => new(
        RunId: runId,
        Kind: "forecast",
        Scenario: "baseline",
        ScenarioSha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        ScenarioText: "name: baseline\nmonths: 24\nnote: «ünïcødé» ✓\n",
        Policy: "status-quo",
        Seed: seed,
        Runs: 10_000,
        Months: 24,
        ParameterDraws: 200,
        BatchSize: 500,
        CodeVersion: "0.1.0+abc123",
        CommandLine: "peninsula forecast baseline --seed 42");
}
