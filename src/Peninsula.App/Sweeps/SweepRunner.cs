using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.App;

/// <summary>A simulated (or stored) sweep cell: its run id, forecast and, per headline outcome, whether it happened in each run.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="RunId">The stored run's id (a hash of the cell's scenario text, package, seed, sizes, parameters and code version).</param>
/// <param name="Request">What was simulated.</param>
/// <param name="Status">Whether the cell was computed, completed from committed batches, or found complete in the store.</param>
/// <param name="Forecast">The cell's forecast document (identical however it was obtained).</param>
/// <param name="Headline">Per headline outcome, its probability with both intervals (as the forecast computes them, for any window).</param>
/// <param name="Hits">Per headline outcome, 1 for each run in which it happened within its window, else 0.</param>
public sealed record SweepCellRun(SweepCell Cell, string RunId, SimulationRequest Request, SweepCellStatus Status, ForecastDocument Forecast,
    ImmutableArray<OutcomeForecast> Headline, ImmutableArray<byte[]> Hits);

/// <summary>How a cell's results were obtained.</summary>
public enum SweepCellStatus
{
    /// <summary>Simulated from scratch.</summary>
    Computed,

    /// <summary>Some batches were committed by an interrupted sweep; only the others were simulated.</summary>
    Resumed,

    /// <summary>The run was complete in the store: nothing was simulated, its batches were read back.</summary>
    Skipped,
}

/// <summary>
/// Runs the cells of a <see cref="SweepPlan"/> one after another on common random numbers (the same seed, runs and
/// parameter draws in every cell, so run i of every cell shares every random key and draw k the same parameter
/// vector), each stored as its own run of kind "sweep". A cell complete in the store is not simulated again (its
/// batches are read back), and an interrupted cell completes from its committed batches, so a killed sweep resumes
/// and a re-run gives identical results.
/// </summary>
public static class SweepRunner
{
    /// <summary>The manifest kind of sweep cells.</summary>
    public const string Kind = "sweep";

    /// <summary>Runs (or reads back) every cell.</summary>
    /// <param name="plan">The cells.</param>
    /// <param name="options">Runs, seed, horizon, threads, parameter draws (<see cref="SimulationOptions.Draws"/>) and storage; batches are always resumed.</param>
    /// <param name="headline">The outcomes whose per-run hits are kept.</param>
    /// <param name="commandLine">Stored in each cell's manifest.</param>
    /// <param name="progressFor">Progress sink per cell (called just before the cell runs), or null.</param>
    /// <param name="cancellation">Stops between batches; committed batches are kept.</param>
    public static ImmutableArray<SweepCellRun> Run(SweepPlan plan, SimulationOptions options, IReadOnlyList<(Outcomes.Event Event, int Window)> headline,
        string commandLine, Func<SweepCell, IProgress<WorkProgress>?>? progressFor, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(headline);
        // Every request is checked before the first cell runs (e.g. --months past a schedule's end).
        var requests = plan.Cells.Select(c => Simulator.Request(c.Session, c.Policy, options)).ToList();
        using var store = Simulator.OpenStore(options);
        var threads = options.Threads ?? Environment.ProcessorCount;
        var output = ImmutableArray.CreateBuilder<SweepCellRun>(plan.Cells.Length);
        foreach (var cell in plan.Cells)
        {
            cancellation.ThrowIfCancellationRequested();
            var request = requests[cell.Index];
            var runId = Simulator.RunId(cell.Session, request);
            var status = SweepCellStatus.Computed;
            if (store is not null)
            {
                if (store.FindRun(runId) is null)
                {
                    store.EnsureRun(Simulator.Manifest(cell.Session, cell.Policy, request, runId, Kind, commandLine));
                }
                else if (store.LoadForecast(runId) is not null)
                {
                    status = SweepCellStatus.Skipped;
                }
                else if (store.CommittedBatches(runId).Count > 0)
                {
                    status = SweepCellStatus.Resumed;
                }
            }
            var result = Simulator.RunStored(request, store, runId, resume: true, options, threads, progressFor?.Invoke(cell), ZoneOf(cell, plan.Session), cancellation);
            var forecast = ForecastBuilder.Build(result, cell.Session.Provenance);
            if (status != SweepCellStatus.Skipped) store?.CompleteRun(runId, ForecastJson.Write(forecast));
            output.Add(new SweepCellRun(cell, runId, request, status, forecast,
                [.. headline.Select(h => ForecastBuilder.Outcome(result, h.Event, h.Window))], Hits(result, headline)));
        }
        return output.MoveToImmutable();
    }

    /// <summary>
    /// The agreement zone a cell asks. Levers never change the zone, so a cell whose zone and issue space are the
    /// scenario's shares the scenario's zone and its cache of answers (answers are pure functions of the query, so
    /// sharing changes nothing but speed).
    /// </summary>
    private static IAgreementZone ZoneOf(SweepCell cell, ScenarioSession scenario) =>
        Equals(cell.Session.Spec.Zone, scenario.Spec.Zone) && cell.Session.Variant == scenario.Variant ? scenario.Zone : cell.Session.Zone;

    private static ImmutableArray<byte[]> Hits(RunResult result, IReadOnlyList<(Outcomes.Event Event, int Window)> headline)
    {
        var runs = result.Request.Runs;
        var hits = ImmutableArray.CreateBuilder<byte[]>(headline.Count);
        foreach (var (ev, window) in headline)
        {
            var h = new byte[runs];
            for (var i = 0; i < runs; i++) h[i] = result.Happened(ev, i, window) ? (byte)1 : (byte)0;
            hits.Add(h);
        }
        return hits.MoveToImmutable();
    }
}
