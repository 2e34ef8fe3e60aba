using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>
/// A full disk or a read-only database (issue 6): <c>peninsula run</c> fails with one clear line naming the database
/// and a non-zero exit, the runs stored before are intact, the failed run shows nothing but fully committed batches,
/// and <c>--resume</c> once there is room completes it with the result of an uninterrupted run. Tests run as root, so
/// a full disk is simulated with <see cref="RunStores.SqliteMaxPagesVariable"/> (SQLite's <c>max_page_count</c>, set
/// only in the child process that must fail) and a read-only file with a <c>file:…?mode=ro</c> URI.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    private const int Batches = 4;

    /// <summary>What follows "failed: " when the database cannot grow, as a pattern.</summary>
    private const string DatabaseFull =
        @"the database is full \(SQLite Error 13: 'database or disk is full'\); this write was rolled back, everything committed before it is kept";

    /// <summary>What follows "failed: " when the database accepts no writes, as a pattern.</summary>
    private const string ReadOnly = @"the database is read-only \(SQLite Error 8: 'attempt to write a readonly database'\); nothing was written to it";

    private readonly string _dir = Directory.CreateTempSubdirectory("peninsula-storage-failure-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static string[] RunArgs(ulong seed) =>
        ["run", CliRunner.Scenario("transition-2021.yaml"), "--runs", (Batches * 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
         "--months", "24", "--draws", "12", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--threads", "2"];

    [Fact]
    public void Run_DatabaseFullMidRun_OneLineError_KeepsEarlierRunAndCommittedBatches_ResumeCompletesIt()
    {
        var (db, earlierRows) = StoreEarlierRun();

        // The uninterrupted run, in a database of its own: its JSON and its batches are what the failed run must match.
        var referenceDb = Path.Combine(_dir, "reference.sqlite");
        var referenceJson = Path.Combine(_dir, "reference.json");
        var reference = Cli([.. RunArgs(2), "--db", referenceDb, "--out", referenceJson]);
        Assert.True(reference.ExitCode == 0, reference.Errors);
        var (runId, referenceBatches) = OnlyRun(referenceDb);

        // Room for the run's row and about two and a half of its batches, whatever their size.
        var room = RowBytes(referenceDb, "SELECT length(scenario_text) FROM runs") + (5 * referenceBatches[0].Length / 2);
        var pages = RowBytes(db, "PRAGMA page_count") + (room / RowBytes(db, "PRAGMA page_size"));
        var full = Process(db, [.. RunArgs(2), "--db", db, "--out", Path.Combine(_dir, "failed.json")], pages.ToString(System.Globalization.CultureInfo.InvariantCulture));

        OneLineError(full, $"^peninsula: Storage error in '{Regex.Escape(db)}': saving (batch [0-9]|batches [0-9](, [0-9])*) of run {runId} failed: {DatabaseFull}$");
        Assert.False(File.Exists(Path.Combine(_dir, "failed.json")));

        Assert.Equal("ok", IntegrityCheck(db));
        var rows = Rows(db);
        Assert.All(earlierRows, row => Assert.Contains(row, rows));
        using (var store = new SqliteRunStore(db, StoreAccess.ReadOnly))
        {
            Assert.Null(store.LoadForecast(runId));
            var committed = store.CommittedBatches(runId);
            Assert.InRange(committed.Count, 1, Batches - 1);
            foreach (var batch in committed)
                Assert.Equal(referenceBatches[batch], store.LoadBatch(runId, batch));
        }

        var resumedJson = Path.Combine(_dir, "resumed.json");
        var resumed = Cli([.. RunArgs(2), "--db", db, "--resume", "--out", resumedJson]);

        Assert.True(resumed.ExitCode == 0, resumed.Errors);
        Assert.Equal(File.ReadAllBytes(referenceJson), File.ReadAllBytes(resumedJson));
        Assert.Equal("ok", IntegrityCheck(db));
        Assert.All(earlierRows, row => Assert.Contains(row, Rows(db)));
        using (var store = new SqliteRunStore(db, StoreAccess.ReadOnly))
        {
            Assert.Equal(Batches, store.CommittedBatches(runId).Count);
            for (var batch = 0; batch < Batches; batch++)
                Assert.Equal(referenceBatches[batch], store.LoadBatch(runId, batch));
        }
    }

    [Fact]
    public void Run_DatabaseCannotGrowAtAll_OneLineError_NoBatchOfTheNewRunStored()
    {
        var (db, earlierRows) = StoreEarlierRun();

        var full = Process(db, [.. RunArgs(2), "--db", db], maxPages: "1");

        // The run's row may still fit in the file's free pages; its first batch cannot.
        OneLineError(full, $"^peninsula: Storage error in '{Regex.Escape(db)}': (recording run|saving (batch [0-9]|batches [0-9](, [0-9])*) of run) [0-9a-f]{{64}} failed: {DatabaseFull}$");
        Assert.Equal("ok", IntegrityCheck(db));
        var rows = Rows(db);
        Assert.All(earlierRows, row => Assert.Contains(row, rows));
        using var store = new SqliteRunStore(db, StoreAccess.ReadOnly);
        var runs = store.ListRuns();
        Assert.InRange(runs.Count, 1, 2);
        Assert.Equal(earlierRows.Count + runs.Count - 1, rows.Count);
        if (runs.Count == 2)
        {
            Assert.Empty(store.CommittedBatches(runs[0].RunId));
            Assert.Null(store.LoadForecast(runs[0].RunId));
        }
    }

    [Fact]
    public void Run_ReadOnlyDatabase_OneLineError_NothingChanged()
    {
        var (db, earlierRows) = StoreEarlierRun();
        var readOnly = $"file:{db}?mode=ro";

        var denied = Cli([.. RunArgs(2), "--db", readOnly, "--out", Path.Combine(_dir, "denied.json")]);

        OneLineError(denied, $"^peninsula: Storage error in '{Regex.Escape(readOnly)}': recording run [0-9a-f]{{64}} failed: {ReadOnly}$");
        Assert.False(File.Exists(Path.Combine(_dir, "denied.json")));
        Assert.Equal(earlierRows, Rows(db));
        Assert.Equal("ok", IntegrityCheck(db));

        // Resuming the stored run fails just as clearly, at its first write.
        var resume = Cli([.. RunArgs(1), "--db", readOnly, "--resume"]);
        OneLineError(resume, $"^peninsula: Storage error in '{Regex.Escape(readOnly)}': recording run [0-9a-f]{{64}} failed: {ReadOnly}$");
        Assert.Equal(earlierRows, Rows(db));
    }

    private static CliRunner.Outcome Cli(string[] args) => CliRunner.Run(args);

    /// <summary>Asserts exit code 1 and exactly one line on stderr, matching <paramref name="pattern"/>: no stack trace, no exception name.</summary>
    private static void OneLineError(CliRunner.Outcome outcome, string pattern)
    {
        Assert.Equal(1, outcome.ExitCode);
        Assert.Matches(pattern, Assert.Single(outcome.Errors.TrimEnd().Split('\n')));
        Assert.DoesNotContain("Exception", outcome.Errors, StringComparison.Ordinal);
    }

    /// <summary>A database holding one complete run (seed 1), and its rows.</summary>
    private (string Db, List<string> Rows) StoreEarlierRun()
    {
        var db = Path.Combine(_dir, "runs.sqlite");
        var earlier = Cli([.. RunArgs(1), "--db", db]);
        Assert.True(earlier.ExitCode == 0, earlier.Errors);
        return (db, Rows(db));
    }

    /// <summary>Runs the CLI in a child process with the page cap set for it alone (the variable is process-wide).</summary>
    private static CliRunner.Outcome Process(string db, string[] args, string maxPages)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peninsula.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PENINSULA_HOME"] = CliRunner.RepoRoot();
        psi.Environment[RunStores.SqliteMaxPagesVariable] = maxPages;
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(File.Exists(db));
        return new CliRunner.Outcome(p.ExitCode, output.Result, errors);
    }

    private static (string RunId, byte[][] Batches) OnlyRun(string db)
    {
        using var store = new SqliteRunStore(db, StoreAccess.ReadOnly);
        var run = Assert.Single(store.ListRuns());
        Assert.Equal(Batches, store.CommittedBatches(run.RunId).Count);
        return (run.RunId, [.. Enumerable.Range(0, Batches).Select(b => store.LoadBatch(run.RunId, b)!)]);
    }

    /// <summary>Every row of the run tables, as text.</summary>
    private static List<string> Rows(string db) => Query(db,
        "SELECT run_id || '|' || kind || '|' || seed || '|' || created_order || '|' || completed || '|' || hex(COALESCE(forecast_json, '-')) || '|' || hex(scenario_text) FROM runs " +
        "UNION ALL SELECT run_id || '|' || batch_index || '|' || hex(payload) FROM batches ORDER BY 1");

    private static string IntegrityCheck(string db) => Query(db, "PRAGMA integrity_check").Single();

    private static long RowBytes(string db, string sql) => long.Parse(Query(db, sql).Single(), System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Query(string db, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        return rows;
    }
}
