using Peninsula.Core;

namespace Peninsula.Engine.Runner;

/// <summary>The merged aggregates of every batch of a run.</summary>
#pragma warning disable CA1051
public sealed class RunResult
{
    private RunResult(SimulationRequest request)
    {
        Request = request;
        var m = request.Months;
        Ladder = new long[m * Core.Ladder.Levels];
        Engage = new long[m];
        Phase = new long[m * Phases.Count];
        Histograms = new long[BatchResult.Quantities * m * BatchResult.Bins];
        Sums = new double[BatchResult.Quantities * m];
        FirstMonth = new short[Outcomes.EventCount * request.Runs];
        DrawLadder = new long[request.ParameterDraws * m * Core.Ladder.Levels];
    }

    public SimulationRequest Request { get; }
    public readonly long[] Ladder;
    public readonly long[] Engage;
    public readonly long[] Phase;
    public readonly long[] Histograms;
    public readonly double[] Sums;
    /// <summary>[event·Runs + i] first month offset of the event in run i, or −1.</summary>
    public readonly short[] FirstMonth;
    /// <summary>[(k·months + t)·7 + level].</summary>
    public readonly long[] DrawLadder;

    /// <summary>Merges batches in batch-index order (floating sums are therefore reproducible).</summary>
    public static RunResult Merge(SimulationRequest request, IReadOnlyList<BatchResult> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        var merger = new Merger(request);
        foreach (var b in batches.OrderBy(b => b.BatchIndex)) merger.Add(b);
        return merger.Result;
    }

    /// <summary>
    /// Merges batches as they finish, in batch-index order whatever order they arrive in: a batch is added once every
    /// batch before it has been, so a run holds only the few batches that finished early rather than all of them, and
    /// the result equals <see cref="Merge"/>'s. Thread-safe.
    /// </summary>
    public sealed class Merger(SimulationRequest request)
    {
        private readonly RunResult _result = new(request);
        private readonly Dictionary<int, BatchResult> _early = [];
        private int _next;

        /// <summary>Adds a batch (each index once).</summary>
        public void Add(BatchResult batch)
        {
            ArgumentNullException.ThrowIfNull(batch);
            lock (_early)
            {
                if (batch.BatchIndex < _next || !_early.TryAdd(batch.BatchIndex, batch))
                    throw new InvalidOperationException($"batch {batch.BatchIndex} was merged twice");
                while (_early.Remove(_next, out var b))
                {
                    _result.Add(b);
                    _next++;
                }
            }
        }

        /// <summary>The merged result (every batch must have been added).</summary>
        public RunResult Result
        {
            get
            {
                lock (_early)
                {
                    if (_early.Count > 0 || _next != _result.Request.BatchCount)
                        throw new InvalidOperationException($"{_next} of {_result.Request.BatchCount} batches merged");
                    return _result;
                }
            }
        }
    }

    private void Add(BatchResult b)
    {
        var months = Request.Months;
        if (b.Months != months) throw new InvalidDataException($"batch {b.BatchIndex} has {b.Months} months, expected {months}");
        Add(Ladder, b.Ladder);
        Add(Engage, b.Engage);
        Add(Phase, b.Phase);
        Add(Histograms, b.Histograms);
        for (var i = 0; i < Sums.Length; i++) Sums[i] += b.Sums[i];
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            Array.Copy(b.FirstMonth, e * b.RunCount, FirstMonth, e * Request.Runs + b.FirstRun, b.RunCount);
        }
        var offset = b.DrawLo * months * Core.Ladder.Levels;
        for (var i = 0; i < b.DrawLadder.Length; i++) DrawLadder[offset + i] += b.DrawLadder[i];
    }

    /// <summary>
    /// Runs whose first occurrence of each event fell in each month, by parameter draw: [(event·draws + k)·months + t]
    /// (runs without the event are not counted). One pass over <see cref="FirstMonth"/>, draw by draw, taken when first
    /// asked for after the merge; the outcome probabilities and cumulative curves are sums of it.
    /// </summary>
    public long[] FirstMonthCounts => LazyInitializer.EnsureInitialized(ref _firstMonthCounts, CountFirstMonths);

    private long[]? _firstMonthCounts;

    private long[] CountFirstMonths()
    {
        var req = Request;
        var months = req.Months;
        var draws = req.ParameterDraws;
        var counts = new long[Outcomes.EventCount * draws * months];
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            var first = FirstMonth.AsSpan(e * req.Runs, req.Runs);
            for (var k = 0; k < draws; k++)
            {
                var byMonth = counts.AsSpan((e * draws + k) * months, months);
                foreach (var t in first[req.FirstRunOf(k)..req.FirstRunOf(k + 1)])
                {
                    if ((uint)t < (uint)months) byMonth[t]++;
                }
            }
        }
        return counts;
    }

    /// <summary>Whether event <paramref name="ev"/> happened in run i within the first <paramref name="window"/> months.</summary>
    public bool Happened(Outcomes.Event ev, int run, int window)
    {
        var m = FirstMonth[(int)ev * Request.Runs + run];
        return m >= 0 && m < window;
    }

    private static void Add(long[] target, int[] source)
    {
        for (var i = 0; i < source.Length; i++) target[i] += source[i];
    }
}
#pragma warning restore CA1051
