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
        var odds = SanctionOdds.OfAll(coefficients, request.Spec, request.Spec.Policy(request.PolicyId)!);
        for (var start = 0; start < n; start += block)
        {
            result.LogitDecisions += RunBlock(request, coefficients, odds, months, first + start, Math.Min(block, n - start), start, result,
                zone, observer, observed, cancellation);
        }
        return result;
    }

    /// <summary>Runs per block simulated together inside a batch (their state fits in a core's L2 cache).</summary>
    public const int CacheBlock = 256;

    private static long RunBlock(
        SimulationRequest request, Coefficients[] coefficients, SanctionOdds[] odds, MonthContext[] months, int firstRun, int count, int offset,
        BatchResult result, IAgreementZone zone, Action<StepContext>? observer, IReadOnlyList<ObservedMonth?>? observed,
        CancellationToken cancellation)
    {
        var state = NewState(request, firstRun, count);
        var spec = request.Spec;
        var policy = spec.Policy(request.PolicyId)!;
        var random = new RandomSource(request.Seed);
        Simulator.Initialize(state, spec, spec.Initial, coefficients, random);
        // An observer sees each month's ladder probabilities; a plain run reads only the levels drawn.
        var ctx = new StepContext(state, spec, policy, coefficients, random, zone, odds) { KeepLadderProbabilities = observer is not null };
        var seen = new ushort[count];
        for (var t = 0; t < request.Months; t++)
        {
            cancellation.ThrowIfCancellationRequested();
            ctx.Month = months[t];
            ctx.Observed = observed is not null && t < observed.Count ? observed[t] : null;
            Simulator.Step(ctx);
            Record(state, result, t, offset, seen);
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

    private static void Record(SimState s, BatchResult b, int t, int offset, Span<ushort> seen)
    {
        var months = b.Months;
        var ladder = b.Ladder.AsSpan(t * Ladder.Levels, Ladder.Levels);
        var phases = b.Phase.AsSpan(t * Phases.Count, Phases.Count);
        var drawLadder = b.DrawLadder.AsSpan();
        var histograms = b.Histograms.AsSpan();
        var firstMonth = b.FirstMonth.AsSpan();
        var pressureBins = histograms.Slice((0 * months + t) * BatchResult.Bins, BatchResult.Bins);
        var stressBins = histograms.Slice((1 * months + t) * BatchResult.Bins, BatchResult.Bins);
        var trustBins = histograms.Slice((2 * months + t) * BatchResult.Bins, BatchResult.Bins);
        // Sums in run order, as before (the same additions in the same order, so the same values).
        var pressureSum = b.Sums[0 * months + t];
        var stressSum = b.Sums[1 * months + t];
        var trustSum = b.Sums[2 * months + t];
        var engaged = 0;
        for (var r = 0; r < s.Runs; r++)
        {
            var level = s.Level[r];
            ladder[level]++;
            drawLadder[((s.Draw[r] - b.DrawLo) * months + t) * Ladder.Levels + level]++;
            if (s.Engaged[r]) engaged++;
            var phase = s.Phase[r];
            phases[(int)phase]++;
            var pressure = s.Pressure[r];
            var stress = s.Stress[r];
            var trust = s.TrustChallenger[r];
            pressureBins[BatchResult.Bin(0, pressure)]++;
            stressBins[BatchResult.Bin(1, stress)]++;
            trustBins[BatchResult.Bin(2, trust)]++;
            pressureSum += pressure;
            stressSum += stress;
            trustSum += trust;

            // First months: only events this run has not had before are written (bit e of seen = event e happened).
            var happened = Events(level, phase, s.Events[r]);
            var fresh = happened & ~seen[r];
            if (fresh == 0) continue;
            seen[r] |= (ushort)fresh;
            for (var e = 0; e < Outcomes.EventCount; e++)
            {
                if ((fresh >> e & 1) != 0) firstMonth[e * b.RunCount + offset + r] = (short)t;
            }
        }
        b.Engage[t] += engaged;
        b.Sums[0 * months + t] = pressureSum;
        b.Sums[1 * months + t] = stressSum;
        b.Sums[2 * months + t] = trustSum;
    }

    /// <summary>The tracked events (bit <see cref="Outcomes.Event"/>) that hold for a run at the end of a month.</summary>
    private static int Events(int level, Phase phase, MonthEvents ev)
    {
        var talks = phase is Phase.Talks or Phase.Summit or Phase.Framework or Phase.Implementation;
        var bits = 0;
        if (level >= 3) bits |= 1 << (int)Outcomes.Event.LevelGe3;
        if (level >= 4) bits |= 1 << (int)Outcomes.Event.LevelGe4;
        if (level >= 5) bits |= 1 << (int)Outcomes.Event.LevelGe5;
        if (level >= 6) bits |= 1 << (int)Outcomes.Event.Level6;
        if (talks) bits |= 1 << (int)Outcomes.Event.Talks;
        if ((ev & MonthEvents.Summit) != 0) bits |= 1 << (int)Outcomes.Event.Summit;
        if ((ev & MonthEvents.Framework) != 0 || phase is Phase.Framework or Phase.Implementation) bits |= 1 << (int)Outcomes.Event.Framework;
        if ((ev & MonthEvents.Collapse) != 0) bits |= 1 << (int)Outcomes.Event.Collapse;
        if ((ev & MonthEvents.UnResolution) != 0) bits |= 1 << (int)Outcomes.Event.UnResolution;
        if ((ev & MonthEvents.Veto) != 0) bits |= 1 << (int)Outcomes.Event.Veto;
        return bits;
    }
}
