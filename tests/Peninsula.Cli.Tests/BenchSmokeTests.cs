using System.Text.Json;

namespace Peninsula.Cli.Tests;

/// <summary>
/// <c>peninsula bench --quick</c> runs end to end (the engine on one and more threads, a whole <c>run</c> process, the
/// fit, the bargaining models, SQLite writes, the C loop where a compiler exists) and reports every figure. No speed is
/// asserted, only that each figure was measured; the allocation count is a count of bytes, and must be zero.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public void BenchQuick_ReportsEveryFigure_AndTheHotLoopAllocatesNothing()
    {
        var output = CliRunner.TempFile(".json");
        try
        {
            var r = CliRunner.Run("bench", "--quick", "--out", output);
            Assert.True(r.ExitCode == 0, r.Errors + r.Output);
            using var doc = JsonDocument.Parse(File.ReadAllText(output));
            var root = doc.RootElement;
            Assert.True(root.GetProperty("agent_months_per_second_per_core").GetDouble() > 0);
            Assert.True(root.GetProperty("run_months_per_second_per_core").GetDouble() > 0);
            Assert.InRange(root.GetProperty("logit_decisions_per_run_month").GetDouble(), 2.0, 20.0);
            Assert.Equal(0.0, root.GetProperty("allocated_bytes_per_simulated_month").GetDouble());
            var scaling = root.GetProperty("scaling").EnumerateArray().ToList();
            Assert.Equal(Environment.ProcessorCount, scaling.Count);
            Assert.All(scaling, s => Assert.True(s.GetProperty("seconds").GetDouble() > 0));
            // The speed-up is a median of rounds, between its quartiles; one thread against itself is exactly 1.
            foreach (var name in new[] { "scaling", "c_loop_scaling" })
            {
                var points = root.GetProperty(name).EnumerateArray().ToList();
                if (name == "c_loop_scaling" && root.GetProperty("c_loop_agent_months_per_second").ValueKind == JsonValueKind.Null) continue;
                Assert.Equal(Environment.ProcessorCount, points.Count);
                Assert.Equal(1.0, points[0].GetProperty("speedup").GetDouble());
                Assert.All(points, s => Assert.InRange(s.GetProperty("speedup").GetDouble(), s.GetProperty("speedup_q1").GetDouble(), s.GetProperty("speedup_q3").GetDouble()));
                Assert.All(points, s => Assert.Equal(1, s.GetProperty("rounds").GetInt32()));
            }
            // In-process runs also report how busy they kept the cores (a smoke run is too short for the value to mean much).
            Assert.All(scaling, s => Assert.True(s.GetProperty("cores_busy").GetDouble() >= 0));
            var run = Assert.Single(root.GetProperty("end_to_end").EnumerateArray());
            Assert.Equal(10_000, run.GetProperty("runs").GetInt32());
            Assert.Equal(0, run.GetProperty("exit_code").GetInt32());
            Assert.Equal(run.GetProperty("seconds").GetDouble(), run.GetProperty("samples").EnumerateArray().Min(x => x.GetDouble()));
            Assert.True(root.GetProperty("fit_seconds").GetDouble() > 0);
            Assert.NotEmpty(root.GetProperty("bargaining_smp_milliseconds").EnumerateObject());
            Assert.True(root.GetProperty("sqlite_batches_per_second").GetDouble() > 0);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
