using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Runner;

/// <summary>Simulates one batch of runs month by month and aggregates it.</summary>
public static class BatchSimulator
{
    /// <summary>
    /// Runs batch <paramref name="batchIndex"/> of <paramref name="request"/>.
    /// <paramref name="observer"/>, when given, is called after every month's step (traces, tests).
    /// </summary>
    public static BatchResult Run(
        SimulationRequest request, Coefficients[] coefficients, MonthContext[] months, int batchIndex,
        IAgreementZone zone, Action<StepContext>? observer = null, IReadOnlyList<ObservedMonth?>? observed = null,
        CancellationToken cancellation = default)
    {
        var first = batchIndex * request.BatchSize;
        var n = Math.Min(request.BatchSize, request.Runs - first);
        var drawLo = request.DrawOf(first);
        var result = new BatchResult(batchIndex, first, n, request.Months, drawLo, request.DrawOf(first + n - 1) - drawLo + 1);
        Array.Fill(result.FirstMonth, (short)-1);
        // Without an observer (which sees the whole batch each month) the batch is simulated in blocks small enough for
        // their state to stay in the core's cache. Every run's draws are keyed by its own coordinates, and each month's
        // sums receive their runs in run order either way, so the result is identical to one block.
        var block = observer is null ? CacheBlock : n;
        for (var start = 0; start < n; start += block)
        {
            result.LogitDecisions += RunBlock(request, coefficients, months, first + start, Math.Min(block, n - start), start, result,
                zone, observer, observed, cancellation);
        }
        return result;
    }

    /// <summary>Runs per block simulated together inside a batch (their state fits in a core's L2 cache).</summary>
    public const int CacheBlock = 256;

    private static long RunBlock(
        SimulationRequest request, Coefficients[] coefficients, MonthContext[] months, int firstRun, int count, int offset,
        BatchResult result, IAgreementZone zone, Action<StepContext>? observer, IReadOnlyList<ObservedMonth?>? observed,
        CancellationToken cancellation)
    {
        var state = NewState(request, firstRun, count);
        var spec = request.Spec;
        var policy = spec.Policy(request.PolicyId)!;
        var random = new RandomSource(request.Seed);
        Simulator.Initialize(state, spec, spec.Initial, coefficients, random);
        var ctx = new StepContext(state, spec, policy, coefficients, random, zone);
        for (var t = 0; t < request.Months; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            ctx.Month = months[t];
            ctx.Observed = observed is not null && t < observed.Count ? observed[t] : null;
            Simulator.Step(ctx);
            Record(state, result, t, offset);
            observer?.Invoke(ctx);
        }
        return ctx.LogitDecisions;
    }

    /// <summary>Allocates the state of a batch and assigns run indices and parameter draws.</summary>
    public static SimState NewState(SimulationRequest request, int firstRun, int count)
    {
        var state = new SimState(count, request.Spec.Agreements.Length);
        for (var j = 0; j < count; j++)
        {
            state.RunIndex[j] = firstRun + j;
            state.Draw[j] = request.DrawOf(firstRun + j);
        }
        return state;
    }

    private static void Record(SimState s, BatchResult b, int t, int offset)
    {
        var months = b.Months;
        for (var r = 0; r < s.Runs; r++)
        {
            var level = s.Level[r];
            b.Ladder[t * Ladder.Levels + level]++;
            b.DrawLadder[((s.Draw[r] - b.DrawLo) * months + t) * Ladder.Levels + level]++;
            if (s.Engaged[r]) b.Engage[t]++;
            var phase = s.Phase[r];
            b.Phase[t * Phases.Count + (int)phase]++;
            Accumulate(b, 0, t, s.Pressure[r]);
            Accumulate(b, 1, t, s.Stress[r]);
            Accumulate(b, 2, t, s.TrustChallenger[r]);

            var ev = s.Events[r];
            Mark(b, Outcomes.Event.LevelGe3, offset + r, t, level >= 3);
            Mark(b, Outcomes.Event.LevelGe4, offset + r, t, level >= 4);
            Mark(b, Outcomes.Event.LevelGe5, offset + r, t, level >= 5);
            Mark(b, Outcomes.Event.Level6, offset + r, t, level >= 6);
            Mark(b, Outcomes.Event.Talks, offset + r, t, phase is Phase.Talks or Phase.Summit or Phase.Framework or Phase.Implementation);
            Mark(b, Outcomes.Event.Summit, offset + r, t, (ev & MonthEvents.Summit) != 0);
            Mark(b, Outcomes.Event.Framework, offset + r, t, (ev & MonthEvents.Framework) != 0 || phase is Phase.Framework or Phase.Implementation);
            Mark(b, Outcomes.Event.Collapse, offset + r, t, (ev & MonthEvents.Collapse) != 0);
            Mark(b, Outcomes.Event.UnResolution, offset + r, t, (ev & MonthEvents.UnResolution) != 0);
            Mark(b, Outcomes.Event.Veto, offset + r, t, (ev & MonthEvents.Veto) != 0);
        }
    }

    private static void Accumulate(BatchResult b, int q, int t, double value)
    {
        b.Histograms[(q * b.Months + t) * BatchResult.Bins + BatchResult.Bin(q, value)]++;
        b.Sums[q * b.Months + t] += value;
    }

    private static void Mark(BatchResult b, Outcomes.Event ev, int r, int t, bool happened)
    {
        var i = (int)ev * b.RunCount + r;  // r: the run's index within the batch
        if (happened && b.FirstMonth[i] < 0) b.FirstMonth[i] = (short)t;
    }
}
