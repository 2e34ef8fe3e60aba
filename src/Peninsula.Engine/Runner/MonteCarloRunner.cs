using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Runner;

/// <summary>Options for a Monte Carlo run.</summary>
/// <param name="Threads">Worker threads (≥1). Results are identical for any value.</param>
/// <param name="Progress">Receives completed/total runs after each batch.</param>
/// <param name="BatchStore">Stores and retrieves batches (for resume); null keeps everything in memory.</param>
/// <param name="Cancellation">Stops between months; batches already handed to <paramref name="BatchStore"/> are kept.</param>
public sealed record RunOptions(int Threads = 1, IProgress<WorkProgress>? Progress = null, IBatchStore? BatchStore = null, CancellationToken Cancellation = default);

/// <summary>Where a run's batches are persisted, so a killed run resumes where it stopped.</summary>
public interface IBatchStore
{
    /// <summary>A previously committed batch, or null.</summary>
    BatchResult? TryLoad(int batchIndex);

    /// <summary>Commits a batch (idempotent; thread-safe).</summary>
    void Save(BatchResult batch);
}

/// <summary>
/// Runs the batches of a request in parallel, each batch independently keyed by its run indices, and merges
/// them in batch order. The outcome is a pure function of the request.
/// </summary>
public static class MonteCarloRunner
{
    /// <summary>Coefficients for every parameter draw of a request.</summary>
    public static Coefficients[] DrawCoefficients(SimulationRequest request)
    {
        var random = new RandomSource(request.Seed);
        var result = new Coefficients[request.ParameterDraws];
        for (var k = 0; k < result.Length; k++) result[k] = new Coefficients(request.Spec.Parameters.Draw(random, k, request.ParameterDraws));
        return result;
    }

    /// <summary>Runs every batch (loading stored ones) and merges the results.</summary>
    public static RunResult Run(SimulationRequest request, RunOptions options, IAgreementZone? zone = null)
    {
        var error = request.Validate();
        if (error is not null) throw new ArgumentException(error, nameof(request));
        zone ??= SplitTheDifferenceZone.Instance;
        var coefficients = DrawCoefficients(request);
        var months = MonthContext.Build(request.Spec, request.Spec.Policy(request.PolicyId)!, request.Months);
        var merger = new RunResult.Merger(request);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = options.Cancellation };
        try
        {
            RunBatches(request, options, zone, coefficients, months, merger, parallel);
        }
        catch (AggregateException e) when (e.InnerExceptions.Distinct().Count() == 1)
        {
            // One failure (a full disk, seen by one or more batches): surface its exception, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return merger.Result;
    }

    /// <summary>
    /// Workers take batches in index order from a shared counter and hand each to the merger as it finishes, so batches
    /// are merged (and released) while the run goes on instead of all being held to the end.
    /// </summary>
    private static void RunBatches(
        SimulationRequest request, RunOptions options, IAgreementZone zone, Coefficients[] coefficients, MonthContext[] months,
        RunResult.Merger merger, ParallelOptions parallel)
    {
        long done = 0;
        var next = -1;
        var count = request.BatchCount;
        var workers = Math.Min(parallel.MaxDegreeOfParallelism, count);
        Parallel.For(0, workers, parallel, _ =>
        {
            int b;
            while ((b = Interlocked.Increment(ref next)) < count)
            {
                options.Cancellation.ThrowIfCancellationRequested();
                var batch = options.BatchStore?.TryLoad(b);
                if (batch is null)
                {
                    batch = BatchSimulator.Run(request, coefficients, months, b, zone, cancellation: options.Cancellation);
                    options.BatchStore?.Save(batch);
                }
                merger.Add(batch);
                var total = Interlocked.Add(ref done, batch.RunCount);
                options.Progress?.Report(new WorkProgress(total, request.Runs, request.PolicyId));
            }
        });
    }
}
