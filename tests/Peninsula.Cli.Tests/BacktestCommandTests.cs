using System.Text.Json;

namespace Peninsula.Cli.Tests;

/// <summary>backtest and history end to end on small sizes.</summary>
public sealed class BacktestCommandTests
{
    [Fact]
    public void Backtest_OneOrigin_WritesScoresForEveryTargetAndBaseline()
    {
        var json = CliRunner.TempFile(".json");
        var md = CliRunner.TempFile(".md");
        try
        {
            var r = CliRunner.Run("backtest", "--origins", "2016-12", "--horizon", "24", "--runs", "300", "--draws", "10", "--bootstrap", "0", "--out", json, "--markdown", md);
            Assert.True(r.ExitCode == 0, r.Errors);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var root = doc.RootElement;
            var origin = root.GetProperty("origins")[0];
            Assert.Equal("2016-12", origin.GetProperty("origin").GetString());
            Assert.Equal("transition-2017", origin.GetProperty("scenario").GetString());
            Assert.Equal(24, origin.GetProperty("observed").GetArrayLength());
            // 2017: ICBM launches in July and November, a nuclear test in September (DESIGN section 3 labels).
            Assert.Contains(origin.GetProperty("observed").EnumerateArray(), l => l.GetInt32() == 6);
            var targets = root.GetProperty("binary").EnumerateArray().Select(b => b.GetProperty("target").GetString()).Distinct().ToList();
            Assert.Equal(["≥3", "≥4", "≥5", "6"], targets);
            foreach (var row in root.GetProperty("binary").EnumerateArray())
            {
                var brier = row.GetProperty("model").GetProperty("brier").GetDouble();
                Assert.InRange(brier, 0.0, 1.0);
                Assert.Equal(6, row.GetProperty("skill").GetArrayLength());
            }
            var markdown = File.ReadAllText(md);
            Assert.Contains("## Transitions", markdown, StringComparison.Ordinal);
            // Signed cells: a value that rounds to zero is "0.00", never "-+0.00" (two-section formats did that).
            Assert.DoesNotContain("-+", markdown, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(json);
            File.Delete(md);
        }
    }

    [Fact]
    public void Backtest_OriginWithoutAScenario_OneLineError()
    {
        var r = CliRunner.Run("backtest", "--origins", "2015-06", "--runs", "100", "--draws", "10", "--bootstrap", "0");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no scenario in scenarios/ starts at 2015-07", r.Errors, StringComparison.Ordinal);
        Assert.Single(r.Errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void History_ImportsTheRecordIntoTheEventBase_OnceThenNoOp()
    {
        var db = CliRunner.TempFile(".sqlite");
        try
        {
            var first = CliRunner.Run("history", "--import-db", db);
            Assert.True(first.ExitCode == 0, first.Errors);
            Assert.Contains("imported: 372 months", first.Output, StringComparison.Ordinal);
            var second = CliRunner.Run("history", "--import-db", db);
            Assert.Contains("already imported", second.Output, StringComparison.Ordinal);
            using var events = new Peninsula.Storage.SqliteEventBase(db);
            var labels = events.MonthlyLabels(Peninsula.Core.Month.Of(2017, 1), Peninsula.Core.Month.Of(2017, 12));
            Assert.Equal(12, labels.Count);
            Assert.Equal(6, labels.Max(l => l.Level)); // September 2017
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        }
    }

    [Fact]
    public void History_WritesEveryReplayedMonthAsCsv()
    {
        var csv = CliRunner.TempFile(".csv");
        try
        {
            var r = CliRunner.Run("history", "--until", "2018-06", "--csv", csv);
            Assert.True(r.ExitCode == 0, r.Errors);
            var lines = File.ReadAllLines(csv);
            Assert.Equal(1 + 342, lines.Length); // header + 1990-01..2018-06
            Assert.StartsWith("month,level,package", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("2018-06,", lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
