using System.Text.Json;

namespace Peninsula.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void Version_Flag_PrintsVersionAndSucceeds()
    {
        var r = CliRunner.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("peninsula ", r.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_OneLineErrorAndNonZeroExit()
    {
        var r = CliRunner.Run("run", "--no-such-option");
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Errors.Trim().Split('\n');
        Assert.Single(lines);
        Assert.Contains("no-such-option", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", r.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--runs", "-5")]
    [InlineData("--runs", "0")]
    [InlineData("--months", "700")]
    [InlineData("--threads", "0")]
    [InlineData("--trace", "-1")]
    public void OutOfRangeOption_ClearErrorAndNonZeroExit(string option, string value)
    {
        var r = CliRunner.Run("run", option, value, "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(option.TrimStart('-'), r.Errors + r.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPolicy_NamesThePolicyAndTheChoices()
    {
        var r = CliRunner.Run("run", "--policy", "nope", "--runs", "10", "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("'nope'", r.Errors, StringComparison.Ordinal);
        Assert.Contains("principled-diplomacy", r.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedScenario_Ok()
    {
        var r = CliRunner.Run("validate", CliRunner.Scenario("transition-2021.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ok", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedYaml_FileAndLineAndNonZeroExit()
    {
        var path = CliRunner.TempFile(".yaml");
        File.WriteAllText(path, "name: broken\nstart: [2021-01\nmonths: 12\n");
        try
        {
            var r = CliRunner.Run("validate", path);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Matches($@"^{Path.GetFileName(path)}:\d+: ", r.Errors.Trim());
            Assert.DoesNotContain(" at ", r.Errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_ImpossibleDate_ReportsFileLineAndField()
    {
        var text = File.ReadAllText(CliRunner.Scenario("transition-2021.yaml"))
            .Replace("aid: {start: 2021-02, level: 0.5}", "aid: {start: 2021-13, level: 0.5}", StringComparison.Ordinal);
        var path = Path.Combine(CliRunner.RepoRoot(), "scenarios", "tmp-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, text);
        try
        {
            var r = CliRunner.Run("validate", path);
            Assert.NotEqual(0, r.ExitCode);
            Assert.Contains("aid.start", r.Errors, StringComparison.Ordinal);
            Assert.Contains("2021-13", r.Errors, StringComparison.Ordinal);
            Assert.Matches(@":\d+: ", r.Errors);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Run_SameSeedDifferentThreads_ByteIdenticalJsonAndLadderSumsToOne()
    {
        var a = CliRunner.TempFile(".json");
        var b = CliRunner.TempFile(".json");
        try
        {
            var ra = CliRunner.Run("run", CliRunner.Scenario("transition-2021.yaml"), "--runs", "3000", "--seed", "7", "--threads", "1", "--out", a, "--no-db");
            var rb = CliRunner.Run("run", CliRunner.Scenario("transition-2021.yaml"), "--runs", "3000", "--seed", "7", "--threads", "2", "--out", b, "--no-db");
            Assert.Equal(0, ra.ExitCode);
            Assert.Equal(0, rb.ExitCode);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
            using var doc = JsonDocument.Parse(File.ReadAllText(a));
            foreach (var month in doc.RootElement.GetProperty("monthly").EnumerateArray())
            {
                var sum = month.GetProperty("ladder").EnumerateArray().Sum(x => x.GetDouble());
                Assert.InRange(sum, 1 - 1e-5, 1 + 1e-5);
            }
            // The default scenario starts after the shipped calibration's cutoff, so it is used by default.
            Assert.Equal("fitted:ordered-cr", doc.RootElement.GetProperty("calibration").GetProperty("source").GetString());
            Assert.Equal("2020-12", doc.RootElement.GetProperty("calibration").GetProperty("cutoff").GetString());
            Assert.Equal(64, doc.RootElement.GetProperty("scenario_sha256").GetString()!.Length);
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Run_WithDbThenResume_SameForecastAndNothingRecomputedWrongly()
    {
        var db = CliRunner.TempFile(".db");
        var a = CliRunner.TempFile(".json");
        var b = CliRunner.TempFile(".json");
        try
        {
            var first = CliRunner.Run("run", "--runs", "2500", "--months", "24", "--db", db, "--out", a);
            var resumed = CliRunner.Run("run", "--runs", "2500", "--months", "24", "--db", db, "--resume", "--out", b);
            Assert.Equal(0, first.ExitCode);
            Assert.Equal(0, resumed.ExitCode);
            Assert.Equal(File.ReadAllText(a), File.ReadAllText(b));
        }
        finally
        {
            foreach (var f in new[] { db, db + "-wal", db + "-shm", a, b }) File.Delete(f);
        }
    }

    [Fact]
    public void Run_Trace_PrintsStorylines()
    {
        var r = CliRunner.Run("run", "--runs", "200", "--months", "6", "--trace", "2", "--no-db");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Storyline of run 0", r.Output, StringComparison.Ordinal);
        Assert.Contains("Storyline of run 1", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ShowsEveryPackageAndPairedDifferences()
    {
        var r = CliRunner.Run("compare", "--runs", "1000", "--draws", "20", "--no-db");
        Assert.Equal(0, r.ExitCode);
        foreach (var p in new[] { "principled-diplomacy", "denuclearization-first", "strategic-patience", "maximum-pressure", "top-down-summitry" })
            Assert.Contains(p, r.Output, StringComparison.Ordinal);
        Assert.Contains("Paired differences vs strategic-patience", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_PastLastKnownTermWithoutSuccessor_OneLineError()
    {
        var r = CliRunner.Run("run", "--runs", "10", "--months", "60", "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("last known term of USA", r.Errors, StringComparison.Ordinal);
        Assert.Single(r.Errors.Trim().Split('\n'));
    }

    [Fact]
    public void Out_MissingFolder_FailsBeforeSimulating()
    {
        var r = CliRunner.Run("run", "--runs", "10", "--no-db", "--out", "/no/such/folder/x.json");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("does not exist", r.Errors, StringComparison.Ordinal);
    }
}
