using System.Text.Json;

namespace Peninsula.Cli.Tests;

/// <summary>Every shipped scenario validates and runs every one of its packages with a fixed seed.</summary>
public sealed class ShippedScenarioSmokeTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "scenarios"), "transition-*.yaml").OrderBy(x => x, StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Compare_ShippedScenario_RunsAndGivesValidProbabilities(string file)
    {
        var path = CliRunner.Scenario(file);
        Assert.Equal(0, CliRunner.Run("validate", path).ExitCode);
        var output = CliRunner.TempFile(".json");
        try
        {
            var r = CliRunner.Run("compare", path, "--runs", "400", "--draws", "10", "--seed", "3", "--no-db", "--out", output);
            Assert.True(r.ExitCode == 0, r.Errors);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            var forecasts = doc.RootElement.GetProperty("forecasts").EnumerateArray().ToList();
            Assert.True(forecasts.Count >= 2, "every shipped scenario offers at least two packages");
            foreach (var f in forecasts)
            {
                foreach (var o in f.GetProperty("outcomes").EnumerateArray())
                {
                    var p = o.GetProperty("p").GetDouble();
                    Assert.InRange(p, 0.0, 1.0);
                    var mc = o.GetProperty("ci95_mc").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                    Assert.InRange(p, mc[0], mc[1]);
                }
                foreach (var m in f.GetProperty("monthly").EnumerateArray())
                    Assert.InRange(m.GetProperty("ladder").EnumerateArray().Sum(x => x.GetDouble()), 1 - 1e-5, 1 + 1e-5);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }
}
