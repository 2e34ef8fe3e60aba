using Peninsula.Engine.Output;

namespace Peninsula.Reporting.Tests;

/// <summary>The repository and a small real comparison shared by the tests (simulated once per test run).</summary>
internal static class TestData
{
    private static readonly Lazy<PackageComparison> SmallComparison = new(() =>
    {
        UseRepository();
        var session = ScenarioSession.Open(Scenario("transition-2021.yaml"), "test", null);
        var policies = session.Spec.Policies.Select(p => p.Id).Take(3).ToList();
        var reference = session.Loaded.ReferencePolicy!;
        if (!policies.Contains(reference)) policies.Add(reference);
        var options = new SimulationOptions(Runs: 400, Seed: 7, Months: 24, Draws: 8, NoDb: true);
        return PackageComparison.Run(session, policies, reference, options, "test", "test", null, CancellationToken.None);
    });

    /// <summary>Transition-2021 under the shipped calibration: three packages and the reference, 400 runs × 8 draws, 24 months.</summary>
    public static PackageComparison Comparison => SmallComparison.Value;

    /// <summary>The comparison's first forecast.</summary>
    public static ForecastDocument Forecast => Comparison.Forecasts[0];

    /// <summary>Points the application services at this repository.</summary>
    public static void UseRepository() => Environment.SetEnvironmentVariable("PENINSULA_HOME", Root());

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    public static string Scenario(string name) => Path.Combine(Root(), "scenarios", name);

    /// <summary>A fresh path in the temporary folder (not created).</summary>
    public static string TempPath(string suffix = "") => Path.Combine(Path.GetTempPath(), "peninsula-report-" + Guid.NewGuid().ToString("N")[..12] + suffix);
}
