using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Peninsula.Cli.Tests;

/// <summary>
/// Crash safety (issue 6): <c>peninsula run --db x.sqlite</c> killed with SIGKILL at random points twenty times never
/// corrupts the database or loses a batch it reported committed, and <c>--resume</c> then completes the run with the
/// same forecast as an uninterrupted run. Both entry points: the managed CLI and peninsula-native, which ./peninsula
/// runs for <c>run</c> (built through the launcher first, in the launcher tests' collection so no two builds overlap).
/// </summary>
[Collection("launcher")]
public sealed class CrashSafetyTests
{
    // The native entry point simulates faster than the kills land: it gets more batches, so that ten kills fit in.
    private static string[] Args(bool native) =>
        ["run", CliRunner.Scenario("transition-2021.yaml"), "--runs", native ? "96000" : "24000", "--months", "48", "--draws", "24", "--seed", "11", "--threads", "2"];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_KilledTwentyTimes_KeepsEveryCommittedBatch_AndResumesToTheUninterruptedResult(bool native)
    {
        var entry = native ? NativeEntry() : null;
        string[] runArgs = Args(native);
        var dir = Directory.CreateTempSubdirectory("peninsula-crash-").FullName;
        try
        {
            var reference = Path.Combine(dir, "reference.json");
            var plain = Cli(entry, [.. runArgs, "--no-db", "--out", reference]);
            Assert.True(plain.Code == 0, plain.Errors);

            var db = Path.Combine(dir, "killed.sqlite");
            var resumed = Path.Combine(dir, "resumed.json");
            var random = new Random(20261129);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            var kills = 0;
            for (var attempt = 0; attempt < 20; attempt++)
            {
                // Kill after a random number of reported commits (0: during start-up or the first batch).
                var after = random.Next(0, 4);
                var finished = RunAndKill(entry, [.. runArgs, "--db", db, "--resume", "--log-batches", "--out", resumed], after, reported);
                if (finished) break;
                kills++;
                using var connection = new SqliteConnection($"Data Source={db}");
                connection.Open();
                using (var check = connection.CreateCommand())
                {
                    check.CommandText = "PRAGMA integrity_check";
                    Assert.Equal("ok", (string?)check.ExecuteScalar());
                }
                var stored = StoredBatches(connection);
                foreach (var batch in reported) Assert.True(stored.Contains(batch), $"batch reported committed but missing after kill {kills}: {batch}");
                connection.Close();
                SqliteConnection.ClearAllPools();
            }
            Assert.True(kills >= 10, $"only {kills} kills landed before the run finished; the test did not exercise recovery");

            var final = Cli(entry, [.. runArgs, "--db", db, "--resume", "--out", resumed]);
            Assert.True(final.Code == 0, final.Errors);
            Assert.Equal(File.ReadAllText(reference), File.ReadAllText(resumed));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static HashSet<string> StoredBatches(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT run_id, batch_index FROM batches";
        using var reader = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) set.Add($"{reader.GetString(0)[..12]} batch {reader.GetInt32(1)}");
        return set;
    }

    /// <summary>Starts the CLI, SIGKILLs it after <paramref name="after"/> more commit lines; true when it finished first.</summary>
    private static bool RunAndKill(string? entry, string[] args, int after, HashSet<string> reported)
    {
        using var p = Process.Start(StartInfo(entry, args))!;
        var seen = 0;
        var lines = new List<string>();
        string? line;
        var killed = false;
        if (after == 0)
        {
            Thread.Sleep(150);
            Kill(p);
            killed = true;
        }
        while ((line = p.StandardError.ReadLine()) is not null)
        {
            if (!line.StartsWith("committed ", StringComparison.Ordinal)) { lines.Add(line); continue; }
            reported.Add(line["committed ".Length..]);
            if (!killed && ++seen >= after)
            {
                Kill(p);
                killed = true;
            }
        }
        p.WaitForExit();
        if (p.ExitCode == 0) return true; // finished before the kill landed
        Assert.True(killed, $"the run failed on its own (exit {p.ExitCode}): {string.Join('\n', lines)}");
        return false;
    }

    private static void Kill(Process p)
    {
        try { p.Kill(); } // SIGKILL on Linux
        catch (InvalidOperationException) { } // already exited
    }

    /// <summary>.build/native/peninsula-native, built (or found up to date) through ./peninsula, as a user's first run would.</summary>
    private static string NativeEntry()
    {
        var root = CliRunner.RepoRoot();
        var (code, _, errors) = NativeRunTests.Launch(root, "run", "--runs", "10", "--months", "1", "--no-db");
        Assert.True(code == 0, errors);
        var native = Path.Combine(root, ".build", "native", "peninsula-native");
        Assert.True(File.Exists(native), "./peninsula did not build the native entry point (is clang installed?)");
        return native;
    }

    /// <summary>The managed CLI of this test build (<paramref name="entry"/> null) or the native binary.</summary>
    private static ProcessStartInfo StartInfo(string? entry, string[] args)
    {
        var psi = new ProcessStartInfo(entry ?? "dotnet") { RedirectStandardError = true, RedirectStandardOutput = false, UseShellExecute = false };
        if (entry is null) psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peninsula.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["PENINSULA_HOME"] = CliRunner.RepoRoot();
        return psi;
    }

    private static (int Code, string Errors) Cli(string? entry, string[] args)
    {
        var psi = StartInfo(entry, args);
        psi.RedirectStandardOutput = true;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = output.Result;
        return (p.ExitCode, errors);
    }
}
