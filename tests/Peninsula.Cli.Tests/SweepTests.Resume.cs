using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>A sweep stopped in the middle of a cell completes from its committed batches.</summary>
public sealed partial class SweepTests
{
    [Fact]
    public void Sweep_StoppedAfterABatch_ResumesThatCellAndMatchesAnUninterruptedSweep()
    {
        string[] grid = ["--grid", $"policy={Principled},{Patience}", "--runs", "1100", "--posterior-draws", "11"];
        var reference = Path.Combine(_dir, "reference");
        Ok(Sweep([.. grid, "--db", Path.Combine(_dir, "reference.db"), "--out", reference]));

        // Stop the sweep once the first batch of the first cell is done, as a kill would (one thread: batch 1 never
        // starts). Batches are committed by a background writer, which still commits the one already queued.
        var session = ScenarioSession.Open(CliRunner.Scenario("transition-2021.yaml"), CliApp.CodeVersion, null);
        using (var plan = SweepPlan.Build(session, LeverGrid.Parse([$"policy={Principled},{Patience}"]), null, CliApp.CodeVersion))
        {
            using var stop = new CancellationTokenSource();
            var options = new SimulationOptions(1100, 1, Months: 12, Threads: 1, Draws: 11, Db: Db, Resume: true) ;
            Assert.ThrowsAny<OperationCanceledException>(() =>
                SweepRunner.Run(plan, options, HeadlineOutcomes.For(12), "test: interrupted sweep", _ => new CancelOnReport(stop), stop.Token));
        }
        using (var store = RunStores.Open(Db))
        {
            var run = Assert.Single(store.ListRuns());
            Assert.Single(store.CommittedBatches(run.RunId));
            Assert.Null(store.LoadForecast(run.RunId));
        }

        var resumed = Path.Combine(_dir, "resumed");
        var r = Ok(Sweep([.. grid, "--db", Db, "--out", resumed]));
        Assert.Contains("1 cell(s) simulated, 1 resumed from committed batches, 0 skipped", Stored(r.Output), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference, "sweep.json")), File.ReadAllBytes(Path.Combine(resumed, "sweep.json")));
    }

    /// <summary>Cancels as soon as the first batch reports (synchronously, on the simulating thread).</summary>
    private sealed class CancelOnReport(CancellationTokenSource stop) : IProgress<Peninsula.Core.WorkProgress>
    {
        public void Report(Peninsula.Core.WorkProgress value) => stop.Cancel();
    }
}
