using System.Globalization;
using System.Text;
using Npgsql;
using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>
/// Determinism everywhere (issue 6): the same inputs and seed give byte-identical JSON from <c>run</c>, <c>compare</c>
/// and <c>forecast</c> on any number of threads, and from <c>run</c> storing into SQLite or PostgreSQL, whose stored
/// runs, batches and forecasts then read back identically; a run resumed from batches that came from the other kind of
/// store completes to the same bytes and leaves the store it came from as it was. The PostgreSQL tests need the test
/// server (<c>PENINSULA_TEST_PG</c> from <c>.ci/postgres</c>): skipped without one, failed without one under <c>CI=true</c>.
/// </summary>
public sealed class DeterminismTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("peninsula-determinism-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] Run = ["run", "--runs", "3000", "--months", "24", "--seed", "20211", "--draws", "30"];

    [Fact]
    public void Run_OneTwoAndFourThreads_ByteIdenticalJson()
    {
        var files = new[] { 1, 2, 4 }.Select(threads => Json(Run, threads, "--no-db")).ToList();

        Assert.All(files, f => Assert.Equal(files[0], f));
    }

    [Fact]
    public void Compare_OneAndThreeThreads_ByteIdenticalJson()
    {
        string[] compare = ["compare", "--runs", "1000", "--months", "24", "--seed", "5", "--draws", "10"];

        Assert.Equal(Json(compare, 1, "--no-db"), Json(compare, 3, "--no-db"));
    }

    [Fact]
    public void Forecast_OneAndFourThreads_ByteIdenticalJson()
    {
        string[] forecast = ["forecast", "--calibration", Path.Combine(CliRunner.RepoRoot(), "calibrations", "2020-12.json"), "--from", "2021-01",
            "--months", "24", "--runs", "2000", "--seed", "9", "--draws", "20"];

        Assert.Equal(Json(forecast, 1, "--no-db"), Json(forecast, 4, "--no-db"));
    }

    [PostgresFact]
    public void Run_SqliteAndPostgres_ByteIdenticalJsonAndStoredRuns()
    {
        using var postgres = new TempSchema();
        var sqlite = Path.Combine(_dir, "runs.sqlite");

        var fromSqlite = Json(Run, 1, "--db", sqlite);
        var fromPostgres = Json(Run, 4, "--db", postgres.Target);
        Assert.Equal(fromSqlite, fromPostgres);

        // The same runs, batches and forecasts, byte for byte; the command lines differ only in --threads and --db.
        Assert.Equal(Snapshot(sqlite), Snapshot(postgres.Target));
        Assert.Equal(Encoding.UTF8.GetString(fromSqlite), StoredForecast(postgres.Target));
    }

    [PostgresFact]
    public void Resume_FromBatchesOfTheOtherKindOfStore_SameBytes_SourceUntouched()
    {
        using var postgres = new TempSchema();
        var sqlite = Path.Combine(_dir, "runs.sqlite");
        var complete = Json(Run, 2, "--db", sqlite);
        var sqliteBefore = Snapshot(sqlite);

        // Half a run in PostgreSQL: the manifest and batches 0 and 2, copied from SQLite; resuming there completes it.
        Copy(sqlite, postgres.Target, batches: [0, 2]);
        Assert.Equal(complete, Json([.. Run, "--resume"], 2, "--db", postgres.Target));
        Assert.Equal(sqliteBefore, Snapshot(sqlite));
        Assert.Equal(sqliteBefore, Snapshot(postgres.Target));

        // And back: batch 1 from PostgreSQL in a fresh SQLite file, resumed there.
        var other = Path.Combine(_dir, "other.sqlite");
        Copy(postgres.Target, other, batches: [1]);
        var postgresBefore = Snapshot(postgres.Target);
        Assert.Equal(complete, Json([.. Run, "--resume"], 1, "--db", other));
        Assert.Equal(postgresBefore, Snapshot(postgres.Target));
        Assert.Equal(sqliteBefore, Snapshot(other));
    }

    /// <summary>Runs the CLI with <c>--threads</c> and <c>--out</c> added and returns the JSON it wrote.</summary>
    private byte[] Json(string[] args, int threads, params string[] storage)
    {
        var output = Path.Combine(_dir, $"{Guid.NewGuid():N}.json");
        var result = CliRunner.Run([.. args, "--threads", threads.ToString(CultureInfo.InvariantCulture), .. storage, "--out", output]);
        Assert.True(result.ExitCode == 0, result.Errors);
        return File.ReadAllBytes(output);
    }

    /// <summary>Every run the store holds, as it reads back (without the command line), its batches and its forecast.</summary>
    private static string Snapshot(string target)
    {
        using var store = RunStores.Open(target, StoreAccess.ReadOnly);
        var text = new StringBuilder();
        foreach (var run in store.ListRuns())
        {
            text.Append(run with { CommandLine = "" }).Append('\n');
            foreach (var batch in store.CommittedBatches(run.RunId).Order())
                text.Append("batch ").Append(batch).Append(' ').Append(Convert.ToHexString(store.LoadBatch(run.RunId, batch)!)).Append('\n');
            text.Append("forecast ").Append(store.LoadForecast(run.RunId) ?? "<none>").Append('\n');
        }
        return text.ToString();
    }

    private static string? StoredForecast(string target)
    {
        using var store = RunStores.Open(target, StoreAccess.ReadOnly);
        return store.LoadForecast(Assert.Single(store.ListRuns()).RunId);
    }

    /// <summary>Copies the only run of <paramref name="from"/> into <paramref name="to"/> with only the given batches, not completed.</summary>
    private static void Copy(string from, string to, int[] batches)
    {
        using var source = RunStores.Open(from, StoreAccess.ReadOnly);
        using var target = RunStores.Open(to);
        var run = Assert.Single(source.ListRuns());
        target.EnsureRun(run);
        foreach (var batch in batches)
            target.SaveBatch(run.RunId, batch, source.LoadBatch(run.RunId, batch));
    }
}

/// <summary>
/// A test that needs the PostgreSQL test server (the connection string in <c>PENINSULA_TEST_PG</c>, from
/// <c>.ci/postgres</c>): skipped when none is configured, except under <c>CI=true</c>, where it runs and fails, as the
/// storage tests' convention is.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TempSchema.Server is null && !TempSchema.InCi)
            Skip = $"no PostgreSQL server: set {TempSchema.Variable} (export {TempSchema.Variable}=\"$(.ci/postgres | tail -n 1)\")";
    }
}

/// <summary>A uniquely named schema on the test server, first on <see cref="Target"/>'s search path, dropped with its contents on dispose.</summary>
internal sealed class TempSchema : IDisposable
{
    public const string Variable = "PENINSULA_TEST_PG";

    private readonly string _server;
    private readonly string _name = $"peninsula_cli_{Guid.NewGuid():N}";

    public TempSchema()
    {
        _server = Server ?? throw new InvalidOperationException(
            $"{Variable} is not set but CI=true, so the PostgreSQL tests must run: start a server with `export {Variable}=\"$(.ci/postgres | tail -n 1)\"` before `dotnet test`.");
        Execute($"CREATE SCHEMA {_name}");
        Target = new NpgsqlConnectionStringBuilder(_server) { SearchPath = _name }.ConnectionString;
    }

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>What <c>--db</c> takes to store in this schema.</summary>
    public string Target { get; }

    public void Dispose() => Execute($"DROP SCHEMA IF EXISTS {_name} CASCADE");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
