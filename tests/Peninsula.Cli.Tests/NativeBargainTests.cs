using System.Diagnostics;
using Peninsula.Cli.Bargain;
using Peninsula.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace Peninsula.Cli.Tests;

/// <summary>
/// The native bargain entry point (<see cref="NativeEntry"/>, compiled ahead of time into peninsula-native): its own
/// argument parser must accept what the managed CLI accepts, refuse what it refuses with one line, and produce
/// byte-identical JSON.
/// </summary>
[Collection("launcher")]
public sealed class NativeBargainTests
{
    private static string Reference(string path) => Path.Combine(CliRunner.RepoRoot(), "tests", "Peninsula.Bargaining.Tests", "Reference", path);

    private static CliRunner.Outcome Native(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var errors = new StringWriter();
        var code = NativeEntry.Run(args, console, errors);
        return new CliRunner.Outcome(code, console.Output, errors.ToString());
    }

    [Fact]
    public void Parse_EveryOption_BothSpellings()
    {
        var o = BargainArguments.Parse(["f.csv", "--model", "bdm", "--perturb=2.5", "--runs", "50", "--seed=7", "--out", "x.json", "--db", "d.sqlite"])!;
        Assert.Equal(new BargainOptions("f.csv", "bdm", 2.5, 50, 7, "x.json", "d.sqlite", false), o);
        var d = BargainArguments.Parse(["--no-db", "f.csv"])!;
        Assert.Equal(new BargainOptions("f.csv", NoDb: true), d);
        Assert.Equal("smp", d.Model);
        Assert.Null(BargainArguments.Parse(["f.csv", "--help"]));
    }

    [Theory]
    [InlineData(new[] { "f.csv", "--modle", "smp" }, "Unknown option 'modle'")]
    [InlineData(new[] { "f.csv", "--model" }, "--model: a value is required")]
    [InlineData(new[] { "f.csv", "--model", "--no-db" }, "--model: a value is required")]
    [InlineData(new[] { "f.csv", "--runs", "many" }, "--runs: 'many' is not an integer")]
    [InlineData(new[] { "f.csv", "--runs", "1" }, "--runs must be at least 2")]
    [InlineData(new[] { "f.csv", "--seed", "-3" }, "--seed: '-3' is not a non-negative integer")]
    [InlineData(new[] { "f.csv", "--perturb", "NaN" }, "--perturb must be in (0, 100]")]
    [InlineData(new[] { "f.csv", "--perturb", "abc" }, "--perturb: 'abc' is not a number")]
    [InlineData(new[] { "f.csv", "--model", "oracle" }, "--model: unknown model 'oracle'")]
    [InlineData(new[] { "f.csv", "--db", "a", "--no-db" }, "--db and --no-db cannot be used together")]
    [InlineData(new[] { "f.csv", "g.csv" }, "unexpected argument 'g.csv'")]
    [InlineData(new[] { "f.csv", "--out", "a", "--out", "b" }, "--out given twice")]
    [InlineData(new[] { "--no-db=yes", "f.csv" }, "--no-db takes no value")]
    [InlineData(new[] { "--no-db" }, "missing required argument 'FILE'")]
    public void Parse_Mistakes_AreOneLineUserErrorsNamingTheOption(string[] args, string expected)
    {
        var e = Assert.Throws<UserErrorException>(() => BargainArguments.Parse(args));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        var r = Native(["bargain", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith("peninsula: ", r.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ktab/SOE-Policy/input.csv", "smp")]
    [InlineData("ktab/SOE-Pol-Comp/input.csv", "ktab-smp")]
    [InlineData("ktab/dummyData_3Dim.xml", "smp")]
    [InlineData("ktab/SOE-Policy/input.csv", "bdm")]
    public void NativeEntry_WritesTheSameJsonAndStoresTheSameRunAsTheManagedCli(string input, string model)
    {
        var managedJson = CliRunner.TempFile(".json");
        var nativeJson = CliRunner.TempFile(".json");
        var managedDb = CliRunner.TempFile(".sqlite");
        var nativeDb = CliRunner.TempFile(".sqlite");
        try
        {
            var m = CliRunner.Run("bargain", Reference(input), "--model", model, "--perturb", "3", "--runs", "20", "--out", managedJson, "--db", managedDb);
            var n = Native("bargain", Reference(input), "--model", model, "--perturb", "3", "--runs", "20", "--out", nativeJson, "--db", nativeDb);
            Assert.True(m.ExitCode == 0, m.Errors);
            Assert.True(n.ExitCode == 0, n.Errors);
            Assert.Equal(File.ReadAllBytes(managedJson), File.ReadAllBytes(nativeJson));
            Assert.Equal(m.Output.Replace(managedJson, "OUT", StringComparison.Ordinal), n.Output.Replace(nativeJson, "OUT", StringComparison.Ordinal));
            using var ms = new Peninsula.Storage.SqliteRunStore(managedDb);
            using var ns = new Peninsula.Storage.SqliteRunStore(nativeDb);
            var managedRun = Assert.Single(ms.ListRuns());
            var nativeRun = Assert.Single(ns.ListRuns());
            Assert.Equal(managedRun.RunId, nativeRun.RunId);
            Assert.Equal(managedRun.Kind, nativeRun.Kind);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { managedJson, nativeJson, managedDb, managedDb + "-wal", managedDb + "-shm", nativeDb, nativeDb + "-wal", nativeDb + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public void NativeEntry_Help_PrintsEveryOption()
    {
        var r = Native("bargain", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var option in new[] { "--model", "--perturb", "--runs", "--seed", "--out", "--db", "--no-db" }) Assert.Contains(option, r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeEntry_MissingFile_OneLine()
    {
        var r = Native("bargain", "/nonexistent/space.csv", "--no-db");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("/nonexistent/space.csv: file not found", r.Errors, StringComparison.Ordinal);
    }

    /// <summary>
    /// Compiles peninsula-native through ./peninsula (Native AOT, needs clang) and checks that the launcher routes
    /// 'bargain' to it and that its JSON equals the managed CLI's for every reference scenario.
    /// </summary>
    [Fact]
    public void Launcher_RoutesBargainToTheNativeBinary_WithIdenticalOutput()
    {
        var root = CliRunner.RepoRoot();
        foreach (var input in new[] { "ktab/SOE-Policy/input.csv", "ktab/SOE-Pol-Comp/input.csv", "ktab/dummyData_3Dim.xml" })
        {
            var nativeJson = CliRunner.TempFile(".json");
            var managedJson = CliRunner.TempFile(".json");
            try
            {
                var (code, _, errors) = NativeRunTests.Launch(root, "bargain", Reference(input), "--model", "ktab-smp", "--out", nativeJson, "--no-db");
                Assert.True(code == 0, errors);
                Assert.True(File.Exists(Path.Combine(root, ".build", "native", "peninsula-native")), "the native binary was not built: " + errors);
                var m = CliRunner.Run("bargain", Reference(input), "--model", "ktab-smp", "--out", managedJson, "--no-db");
                Assert.True(m.ExitCode == 0, m.Errors);
                Assert.Equal(File.ReadAllBytes(managedJson), File.ReadAllBytes(nativeJson));
            }
            finally
            {
                File.Delete(nativeJson);
                File.Delete(managedJson);
            }
        }
        var bad = NativeRunTests.Launch(root, "bargain", Reference("ktab/SOE-Policy/input.csv"), "--runs", "x");
        Assert.Equal(2, bad.Code);
        Assert.Equal("peninsula: --runs: 'x' is not an integer", bad.Errors.Trim());
    }
}
