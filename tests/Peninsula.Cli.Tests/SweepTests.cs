using System.Text.Json;
using Microsoft.Data.Sqlite;
using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>
/// <c>peninsula sweep</c> through the real command app: cells, storage, skipping and resuming, common random numbers,
/// thread-count invariance and the consistency of the summaries with the stored cells. Small runs (12 months, a few
/// hundred runs per cell) keep the whole class to seconds.
/// </summary>
public sealed partial class SweepTests : IDisposable
{
    private const string Principled = "principled-diplomacy";
    private const string DenuclearizationFirst = "denuclearization-first";
    private const string Patience = "strategic-patience";

    private readonly string _dir = Directory.CreateTempSubdirectory("peninsula-sweep-test-").FullName;

    private string Db => Path.Combine(_dir, "sweep.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    /// <summary>Runs <c>sweep</c> on the 2021 scenario with small defaults (each overridable by giving the option).</summary>
    private static CliRunner.Outcome Sweep(params string[] args)
    {
        var all = new List<string> { "sweep", CliRunner.Scenario("transition-2021.yaml") };
        all.AddRange(args);
        foreach (var (option, value) in new[] { ("--runs", "200"), ("--months", "12"), ("--posterior-draws", "10"), ("--threads", "2") })
        {
            if (!args.Contains(option)) all.AddRange([option, value]);
        }
        return CliRunner.Run([.. all]);
    }

    private static CliRunner.Outcome Ok(CliRunner.Outcome outcome)
    {
        Assert.True(outcome.ExitCode == 0, $"exit {outcome.ExitCode}: {outcome.Errors}");
        return outcome;
    }

    private static JsonElement Json(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "sweep.json"))).RootElement;

    private static JsonElement Outcome(JsonElement cell, string id) =>
        cell.GetProperty("outcomes").EnumerateArray().First(o => o.GetProperty("id").GetString() == id);

    /// <summary>A number or an array of numbers as text, independent of the JSON's indentation.</summary>
    private static string Numbers(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array ? string.Join(",", e.EnumerateArray().Select(Numbers)) : e.GetRawText();

    private static string Stored(string output) => output.Split('\n').First(l => l.StartsWith("Stored in ", StringComparison.Ordinal)).Trim();

    /// <summary>The console output without the lines that say how many cells were simulated or skipped and where files went.</summary>
    private static string Tables(string output) =>
        string.Join('\n', output.Split('\n').Where(l => !l.StartsWith("Stored in ", StringComparison.Ordinal) && !l.StartsWith("sweep written to ", StringComparison.Ordinal)));

    [Fact]
    public void Sweep_PolicyByDemand_CellsAreTheCartesianProductInGridOrder()
    {
        var output = Path.Combine(_dir, "out");
        Ok(Sweep("--grid", $"policy={Principled},{DenuclearizationFirst},{Patience}", "--grid", "demand=40,100", "--db", Db, "--out", output));
        var cells = Json(output).GetProperty("cells").EnumerateArray().ToList();
        Assert.Equal(6, cells.Count);
        var combos = cells.Select(c => (c.GetProperty("grid").GetProperty("policy").GetString(), c.GetProperty("grid").GetProperty("demand").GetString())).ToList();
        Assert.Equal([(Principled, "40"), (Principled, "100"), (DenuclearizationFirst, "40"), (DenuclearizationFirst, "100"), (Patience, "40"), (Patience, "100")], combos);
        Assert.Equal(6, cells.Select(c => c.GetProperty("run_id").GetString()).Distinct().Count());
    }

    [Fact]
    public void Sweep_EveryCell_StoredAsACompleteSweepRun()
    {
        var output = Path.Combine(_dir, "out");
        Ok(Sweep("--grid", $"policy={Principled},{Patience}", "--grid", "pressure=0.3,0.9", "--db", Db, "--out", output));
        var ids = Json(output).GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("run_id").GetString()!).ToList();
        using var store = RunStores.Open(Db);
        var runs = store.ListRuns();
        Assert.Equal(4, runs.Count);
        Assert.All(runs, r => Assert.Equal("sweep", r.Kind));
        Assert.Equal(ids.Order(StringComparer.Ordinal), runs.Select(r => r.RunId).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            var forecast = store.LoadForecast(id);
            Assert.NotNull(forecast);
            Assert.Equal(10, store.FindRun(id)!.ParameterDraws);
        }
        // The edited package is in the stored scenario text, so the cell replays from the store alone.
        Assert.Contains(runs, r => r.ScenarioText.Contains("pressure: 0.9", StringComparison.Ordinal) && r.Policy == "sweep");
    }

    [Fact]
    public void Sweep_ReRun_SkipsEveryCellAndGivesIdenticalOutput()
    {
        string[] grid = ["--grid", $"policy={Principled},{Patience}", "--grid", "engagement=0.5,-1", "--db", Db];
        var first = Ok(Sweep([.. grid, "--out", Path.Combine(_dir, "a")]));
        var second = Ok(Sweep([.. grid, "--out", Path.Combine(_dir, "b")]));
        Assert.Contains("4 cell(s) simulated, 0 resumed from committed batches, 0 skipped", Stored(first.Output), StringComparison.Ordinal);
        Assert.Contains("0 cell(s) simulated, 0 resumed from committed batches, 4 skipped", Stored(second.Output), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "a", "sweep.json")), File.ReadAllBytes(Path.Combine(_dir, "b", "sweep.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "a", "sweep.csv")), File.ReadAllBytes(Path.Combine(_dir, "b", "sweep.csv")));
        Assert.Equal(Tables(first.Output), Tables(second.Output));
        using var store = RunStores.Open(Db);
        Assert.Equal(4, store.ListRuns().Count);
    }

    [Fact]
    public void Sweep_LargerGridAfterSmaller_ComputesOnlyTheNewCells()
    {
        var small = Ok(Sweep("--grid", $"policy={Principled},{Patience}", "--grid", "demand=40", "--db", Db, "--out", Path.Combine(_dir, "small")));
        Assert.Contains("2 cell(s) simulated, 0 resumed from committed batches, 0 skipped", Stored(small.Output), StringComparison.Ordinal);
        // Keys in another order and more values: the two cells already stored are reused, whatever their position.
        var full = Ok(Sweep("--grid", "demand=40,70,100", "--grid", $"policy={Principled},{Patience}", "--db", Db, "--out", Path.Combine(_dir, "full")));
        Assert.Contains("4 cell(s) simulated, 0 resumed from committed batches, 2 skipped", Stored(full.Output), StringComparison.Ordinal);

        var before = Json(Path.Combine(_dir, "small")).GetProperty("cells").EnumerateArray().ToList();
        var after = Json(Path.Combine(_dir, "full")).GetProperty("cells").EnumerateArray().ToDictionary(c => c.GetProperty("run_id").GetString()!);
        foreach (var cell in before)
        {
            var same = after[cell.GetProperty("run_id").GetString()!];
            foreach (var id in new[] { "level>=5", "level6", "level>=3" })
            {
                foreach (var field in new[] { "p", "ci95_mc", "ci90_param", "per_draw" })
                    Assert.Equal(Numbers(Outcome(cell, id).GetProperty(field)), Numbers(Outcome(same, id).GetProperty(field)));
            }
        }
    }

    [Fact]
    public void Sweep_IdenticalLevers_IdenticalResultsAndEqualToThePlainRun()
    {
        // The two packages differ only in their demand: with demand set to 40 in both cells they are the same package.
        var output = Path.Combine(_dir, "out");
        Ok(Sweep("--grid", $"policy={Principled},{DenuclearizationFirst}", "--grid", "demand=40", "--runs", "400", "--db", Db, "--out", output));
        var cells = Json(output).GetProperty("cells").EnumerateArray().ToList();
        Assert.NotEqual(cells[0].GetProperty("run_id").GetString(), cells[1].GetProperty("run_id").GetString());
        foreach (var id in new[] { "level>=5", "level6", "level>=3" })
        {
            Assert.Equal(Numbers(Outcome(cells[0], id).GetProperty("p")), Numbers(Outcome(cells[1], id).GetProperty("p")));
            Assert.Equal(Numbers(Outcome(cells[0], id).GetProperty("per_draw")), Numbers(Outcome(cells[1], id).GetProperty("per_draw")));
            Assert.Equal(0.0, Outcome(cells[1], id).GetProperty("vs_base").GetProperty("difference").GetDouble());
        }

        // The same seed, runs and draws under 'run': the cell that leaves principled diplomacy as written matches it.
        var plain = Path.Combine(_dir, "run.json");
        Ok(CliRunner.Run("run", CliRunner.Scenario("transition-2021.yaml"), "--policy", Principled, "--runs", "400", "--months", "12", "--draws", "10", "--no-db", "--out", plain));
        var run = JsonDocument.Parse(File.ReadAllText(plain)).RootElement.GetProperty("outcomes").EnumerateArray()
            .First(o => o.GetProperty("id").GetString() == "level>=5" && o.GetProperty("within_months").GetInt32() == 12);
        Assert.Equal(Numbers(run.GetProperty("p")), Numbers(Outcome(cells[0], "level>=5").GetProperty("p")));
        Assert.Equal(Numbers(run.GetProperty("ci95_mc")), Numbers(Outcome(cells[0], "level>=5").GetProperty("ci95_mc")));
        Assert.Equal(Numbers(run.GetProperty("ci90_param")), Numbers(Outcome(cells[0], "level>=5").GetProperty("ci90_param")));
    }

    [Fact]
    public void Sweep_PairedDifference_NarrowerThanUnpaired()
    {
        var output = Path.Combine(_dir, "out");
        Ok(Sweep("--grid", $"policy={Principled},{Patience}", "--runs", "1000", "--db", Db, "--out", output));
        var patience = Json(output).GetProperty("cells")[1];
        var checkedOne = false;
        foreach (var outcome in patience.GetProperty("outcomes").EnumerateArray())
        {
            var vs = outcome.GetProperty("vs_base");
            double Width(string name) => vs.GetProperty(name)[1].GetDouble() - vs.GetProperty(name)[0].GetDouble();
            if (vs.GetProperty("difference").GetDouble() == 0) continue;
            Assert.True(Width("ci95_mc") < Width("ci95_mc_unpaired"),
                $"{outcome.GetProperty("id")}: paired {Width("ci95_mc")} is not narrower than unpaired {Width("ci95_mc_unpaired")}");
            checkedOne = true;
        }
        Assert.True(checkedOne, "no outcome differed between the packages");
    }

    [Fact]
    public void Sweep_AnyThreadCount_SameBytes()
    {
        // 1100 runs: two batches (1000 and 100), so two threads really share the work.
        string[] args = ["--grid", $"policy={Principled},{Patience}", "--runs", "1100", "--posterior-draws", "11"];
        Ok(Sweep([.. args, "--threads", "1", "--db", Path.Combine(_dir, "one.db"), "--out", Path.Combine(_dir, "one")]));
        Ok(Sweep([.. args, "--threads", "2", "--db", Path.Combine(_dir, "two.db"), "--out", Path.Combine(_dir, "two")]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_dir, "one", "sweep.json")), File.ReadAllBytes(Path.Combine(_dir, "two", "sweep.json")));
    }

    [Fact]
    public void Sweep_Out_WritesJsonCsvAndChart()
    {
        var output = Path.Combine(_dir, "new-folder");
        var r = Ok(Sweep("--grid", "pressure=0.3,0.6,0.9", "--db", Db, "--out", output));
        Assert.Contains("sweep written to", r.Output, StringComparison.Ordinal);
        var csv = File.ReadAllLines(Path.Combine(output, "sweep.csv"));
        Assert.Equal(1 + (3 * 3), csv.Length); // header + 3 cells × 3 headline outcomes within 12 months
        Assert.StartsWith("cell,pressure,package,outcome,within_months,p,", csv[0], StringComparison.Ordinal);
        var png = File.ReadAllBytes(Path.Combine(output, "sensitivity.png"));
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(output, "sensitivity.svg")), StringComparison.Ordinal);
        var json = Json(output);
        foreach (var cell in json.GetProperty("cells").EnumerateArray())
        {
            // Each cell's whole forecast, as 'run --out' writes it, beside sweep.json.
            var file = Path.Combine(output, cell.GetProperty("forecast").GetString()!);
            var forecast = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            Assert.Equal(12, forecast.GetProperty("monthly").GetArrayLength());
            var p = forecast.GetProperty("outcomes").EnumerateArray().First(o => o.GetProperty("id").GetString() == "level>=5" && o.GetProperty("within_months").GetInt32() == 12);
            Assert.Equal(Numbers(p.GetProperty("p")), Numbers(Outcome(cell, "level>=5").GetProperty("p")));
        }
        Assert.Equal(3, Directory.GetFiles(Path.Combine(output, "cells")).Length);
        Assert.Equal(Principled, json.GetProperty("base_policy").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ranking").ValueKind);
        Assert.Contains("the grid has one package", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_HorizonShorterThanEveryWindow_ReportsTheOutcomesWithinIt()
    {
        var output = Path.Combine(_dir, "out");
        Ok(Sweep("--grid", $"policy={Principled},{Patience}", "--months", "3", "--db", Db, "--out", output));
        var json = Json(output);
        Assert.All(json.GetProperty("headline").EnumerateArray(), h => Assert.Equal(3, h.GetProperty("within_months").GetInt32()));
        Assert.Equal(json.GetProperty("headline").GetArrayLength(), json.GetProperty("cells")[1].GetProperty("outcomes").GetArrayLength());
    }
}
