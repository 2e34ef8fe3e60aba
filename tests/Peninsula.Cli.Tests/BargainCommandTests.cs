using System.Text.Json;

namespace Peninsula.Cli.Tests;

/// <summary>The bargain command and the scenario's bargaining zone, end to end.</summary>
public sealed class BargainCommandTests
{
    private static string Reference(string path) => Path.Combine(CliRunner.RepoRoot(), "tests", "Peninsula.Bargaining.Tests", "Reference", path);

    [Fact]
    public void Bargain_KtabReference_ReproducesKtabsFinalPositions_WritesJson_AndStoresTheRun()
    {
        var json = CliRunner.TempFile(".json");
        var db = CliRunner.TempFile(".sqlite");
        try
        {
            var r = CliRunner.Run("bargain", Reference("ktab/SOE-Policy/input.csv"), "--out", json, "--db", db);
            Assert.True(r.ExitCode == 0, r.Errors);
            Assert.Contains("stopped after 19 turns", r.Output, StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var turns = doc.RootElement.GetProperty("turns");
            Assert.Equal(20, turns.GetArrayLength()); // turn 0 + 19
            // KTAB's final positions, keyed by actor, on the 0-100 scale.
            var final = File.ReadAllLines(Reference("ktab/SOE-Policy/final_positions.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Equal(26, final.Count);
            Assert.Equal(19, turns[19].GetProperty("turn").GetInt32());
            foreach (var row in final)
            {
                var x = turns[19].GetProperty("positions").GetProperty(row[1])[int.Parse(row[2], System.Globalization.CultureInfo.InvariantCulture)].GetDouble();
                Assert.Equal(double.Parse(row[3], System.Globalization.CultureInfo.InvariantCulture), x, 0.01);
            }
            using var store = new Peninsula.Storage.SqliteRunStore(db);
            Assert.Contains(store.ListRuns(), m => m.Kind == "bargain");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { json, db, db + "-wal", db + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public void Bargain_SeedCase_ArmsControlFirstReachesLessScopeThanDenuclearizationFirst()
    {
        double Scope(string file)
        {
            var json = CliRunner.TempFile(".json");
            try
            {
                var r = CliRunner.Run("bargain", CliRunner.Scenario(Path.Combine("bargaining", file)), "--model", "compromise", "--out", json, "--no-db");
                Assert.True(r.ExitCode == 0, r.Errors);
                using var doc = JsonDocument.Parse(File.ReadAllText(json));
                return doc.RootElement.GetProperty("forecast")[0].GetDouble();
            }
            finally
            {
                File.Delete(json);
            }
        }
        Assert.True(Scope("transition-2021-arms-control-first.yaml") < Scope("transition-2021.yaml"));
        Assert.True(Scope("transition-2021.yaml") < Scope("transition-2021-denuclearization-first.yaml"));
    }

    [Theory]
    [InlineData("--model", "oracle", "unknown model 'oracle'")]
    [InlineData("--perturb", "-1", "--perturb must be in (0, 100]")]
    public void Bargain_BadOptions_OneLineError(string option, string value, string expected)
    {
        var r = CliRunner.Run("bargain", CliRunner.Scenario("bargaining/transition-2021.yaml"), option, value, "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(expected, r.Errors, StringComparison.Ordinal);
        Assert.Single(r.Errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Bargain_MalformedFile_OneLineErrorWithFileAndLine()
    {
        var file = CliRunner.TempFile(".csv");
        try
        {
            File.WriteAllText(file, "x, y, 3, 1\nActor, Desc, Cap, Pos, Sal\nA,a,10,50,120\nB,b,10,40,50\nC,c,10,60,50\n");
            var r = CliRunner.Run("bargain", file, "--no-db");
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains(Path.GetFileName(file) + ":3", r.Errors, StringComparison.Ordinal);
            Assert.Single(r.Errors.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Compare2021_WithTheBargainingZone_ArmsControlFirstReachesFrameworksAndDenuclearizationFirstNone()
    {
        var json = CliRunner.TempFile(".json");
        try
        {
            var r = CliRunner.Run("compare", CliRunner.Scenario("transition-2021.yaml"), "--runs", "3000", "--draws", "30", "--out", json, "--no-db");
            Assert.True(r.ExitCode == 0, r.Errors);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            double Framework(string policy) => doc.RootElement.GetProperty("forecasts").EnumerateArray()
                .First(f => f.GetProperty("policy").GetString() == policy).GetProperty("outcomes").EnumerateArray()
                .First(o => o.GetProperty("id").GetString() == "framework" && o.GetProperty("within_months").GetInt32() == 48).GetProperty("p").GetDouble();
            Assert.True(Framework("principled-diplomacy") > 0.0);
            Assert.Equal(0.0, Framework("denuclearization-first"));
        }
        finally
        {
            File.Delete(json);
        }
    }
}

/// <summary>The seed bargaining case: every value justified, nothing from after its origin (DESIGN section 6).</summary>
public sealed partial class SeedBargainingCaseTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(CliRunner.RepoRoot(), "scenarios", "bargaining"), "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryStakeholderHasARationale_AndTheRequiredActorsAreThere(string file)
    {
        var doc = Peninsula.Bargaining.Input.BargainingYamlReader.ReadDocumentFile(CliRunner.Scenario(Path.Combine("bargaining", file)));
        var names = doc.Space.Stakeholders.Select(s => s.Name).ToList();
        foreach (var required in new[] { "USA-executive", "USA-Congress", "DPRK-leadership", "ROK-Moon", "China", "Japan", "Russia" })
            Assert.Contains(required, names);
        Assert.Equal(["denuclearization", "sanctions_relief", "normalization"], doc.Space.Dimensions.ToArray());
        foreach (var n in names)
            Assert.True(doc.Rationales.TryGetValue(n, out var why) && why.Length > 20, $"{file}: {n} has no rationale");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void NoYearAfterTheOrigin_OutsideTheScenarioName(string file)
    {
        var text = File.ReadAllText(CliRunner.Scenario(Path.Combine("bargaining", file))).Replace("transition-2021", "", StringComparison.Ordinal).Replace("2021 US transition", "", StringComparison.Ordinal);
        var later = Year().Matches(text).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Where(y => y > 2020).ToList();
        Assert.True(later.Count == 0, $"{file}: mentions {string.Join(", ", later)}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial System.Text.RegularExpressions.Regex Year();
}
