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

    /// <summary>The sample manifest with one identifying field changed, and that field's name.</summary>
    public static TheoryData<RunManifest, string> Mismatched()
    {
        var m = Sample();
        return new()
        {
            { m with { Scenario = "other" }, "Scenario" },
            { m with { ScenarioSha256 = "00" }, "ScenarioSha256" },
            { m with { ScenarioText = "changed" }, "ScenarioText" },
            { m with { Policy = "other" }, "Policy" },
            { m with { Seed = ulong.MaxValue }, "Seed" },
            { m with { Runs = 1 }, "Runs" },
            { m with { Months = 1 }, "Months" },
            { m with { ParameterDraws = 1 }, "ParameterDraws" },
            { m with { BatchSize = 1 }, "BatchSize" },
            { m with { CodeVersion = "9.9.9" }, "CodeVersion" },
        };
    }
}
