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
        var r = new RunResult(request);
        var months = request.Months;
        foreach (var b in batches.OrderBy(b => b.BatchIndex))
        {
            if (b.Months != months) throw new InvalidDataException($"batch {b.BatchIndex} has {b.Months} months, expected {months}");
            Add(r.Ladder, b.Ladder);
            Add(r.Engage, b.Engage);
            Add(r.Phase, b.Phase);
            Add(r.Histograms, b.Histograms);
            for (var i = 0; i < r.Sums.Length; i++) r.Sums[i] += b.Sums[i];
            for (var e = 0; e < Outcomes.EventCount; e++)
            {
                Array.Copy(b.FirstMonth, e * b.RunCount, r.FirstMonth, e * request.Runs + b.FirstRun, b.RunCount);
            }
            var offset = b.DrawLo * months * Core.Ladder.Levels;
            for (var i = 0; i < b.DrawLadder.Length; i++) r.DrawLadder[offset + i] += b.DrawLadder[i];
        }
        return r;
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
