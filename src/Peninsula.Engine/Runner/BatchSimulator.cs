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
        var spec = request.Spec;
        var policy = spec.Policy(request.PolicyId)!;
        var random = new RandomSource(request.Seed);
        SimState state;
        StepContext ctx;
        ushort[] seen;
        if (observer is null && observed is null && Workspace.Take(spec, policy, coefficients, random, zone, count) is { } reused)
        {
            // The worker's last block of this shape: its arrays are re-initialised instead of allocated again.
            (state, ctx, seen) = (reused.State, reused.Context, reused.Seen);
            AssignRuns(state, request, firstRun);
            Array.Clear(seen);
            Simulator.Initialize(state, spec, spec.Initial, coefficients, random);
            ctx.BeginBlock(odds);
        }
        else
        {
            state = NewState(request, firstRun, count);
            Simulator.Initialize(state, spec, spec.Initial, coefficients, random);
            // An observer sees each month's ladder probabilities; a plain run reads only the levels drawn.
            ctx = new StepContext(state, spec, policy, coefficients, random, zone, odds) { KeepLadderProbabilities = observer is not null };
            seen = new ushort[count];
            if (observer is null && observed is null) Workspace.Keep(new Workspace(state, ctx, seen));
        }
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
        AssignRuns(state, request, firstRun);
        return state;
    }

    private static void AssignRuns(SimState state, SimulationRequest request, int firstRun)
    {
        for (var j = 0; j < state.Runs; j++)
        {
            state.RunIndex[j] = firstRun + j;
            state.Draw[j] = request.DrawOf(firstRun + j);
        }
    }

    /// <summary>
    /// Whether a worker thread reuses its last blocks' state and step context for the next block of the same request and
    /// size (default) instead of allocating them for every block. Results are identical either way (every state array is
    /// re-initialised, every per-month scratch is written before it is read); tests compare both.
    /// </summary>
    internal static bool ReuseBlocks { get; set; } = true;

    /// <summary>A worker's block arrays, kept for its next block of the same shape (a batch's last block is often shorter).</summary>
    private sealed record Workspace(SimState State, StepContext Context, ushort[] Seen)
    {
        private const int Slots = 2;

        [ThreadStatic]
        private static Workspace?[]? t_slots;

        public static Workspace? Take(Spec.SimulationSpec spec, Spec.PolicyPackage policy, Coefficients[] coefficients, RandomSource random, IAgreementZone zone, int count)
        {
            if (!ReuseBlocks || t_slots is not { } slots) return null;
            foreach (var w in slots)
            {
                var c = w?.Context;
                if (c is not null && w!.State.Runs == count && ReferenceEquals(c.Spec, spec) && ReferenceEquals(c.Policy, policy)
                    && ReferenceEquals(c.Coefficients, coefficients) && ReferenceEquals(c.Zone, zone) && c.Random.Seed == random.Seed)
                    return w;
            }
            return null;
        }

        public static void Keep(Workspace workspace)
        {
            if (!ReuseBlocks) return;
            var slots = t_slots ??= new Workspace?[Slots];
            // Newest first; the oldest shape is dropped (and with it the last reference to another request's arrays).
            for (var i = Slots - 1; i > 0; i--) slots[i] = slots[i - 1];
            slots[0] = workspace;
        }
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
            engaged += s.Engaged[r] ? 1 : 0;
            var phase = s.Phase[r];
            phases[(int)phase]++;
            var pressure = s.Pressure[r];
            var stress = s.Stress[r];
            var trust = s.TrustChallenger[r];
            pressureBins[BatchResult.BinOfUnit(pressure)]++;
            stressBins[BatchResult.BinOfUnit(stress)]++;
            trustBins[BatchResult.BinOfUnit((trust + 1.0) * 0.5)]++;
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
