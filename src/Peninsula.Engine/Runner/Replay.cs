using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Runner;

/// <summary>
/// A stretch of history to replay: the scenario (its start is the first month replayed), the state before it,
/// the package in force each month and the observed actions each month (DESIGN section 2, forced actions).
/// </summary>
/// <param name="Spec">The replay scenario; <see cref="SimulationSpec.Start"/> is the first month.</param>
/// <param name="Initial">State before the first month.</param>
/// <param name="PolicyByMonth">Package in force each month (covariates lagged by whoever builds this list).</param>
/// <param name="Observed">Observed actions each month; same length as <paramref name="PolicyByMonth"/>.</param>
public sealed record ReplayInput(
    SimulationSpec Spec,
    InitialState Initial,
    ImmutableArray<PolicyPackage> PolicyByMonth,
    ImmutableArray<ObservedMonth> Observed)
{
    /// <summary>Months replayed.</summary>
    public int Months => Observed.Length;

    /// <summary>Calendar month of offset t.</summary>
    public Month MonthAt(int t) => Spec.Start.Plus(t);
}

/// <summary>The reconstructed state of one run at the end of a month.</summary>
/// <param name="Month">Calendar month.</param>
/// <param name="Level">Ladder level that month.</param>
/// <param name="Phase">Negotiation phase at the month's end.</param>
/// <param name="Moratorium">Moratorium in force at the month's end.</param>
/// <param name="UnLayers">Council sanctions layers.</param>
/// <param name="UniLayers">Unilateral sanctions layers.</param>
/// <param name="Enforcement">Enforcement of council sanctions.</param>
/// <param name="Relief">Sanctions relief.</param>
/// <param name="Pressure">Sanctions pressure.</param>
/// <param name="Stress">Economic stress.</param>
/// <param name="TrustChallenger">Challenger's trust in the principal.</param>
/// <param name="TrustPrincipal">Principal's trust in the challenger.</param>
/// <param name="Attention">Principal's attention.</param>
/// <param name="Capability">Demonstrated capability.</param>
/// <param name="Pipeline">Displayed but untested systems.</param>
/// <param name="Recent">EWMA of months at level ≥ 3.</param>
/// <param name="AgreementMask">Agreements in force (bit per scenario agreement).</param>
public sealed record StateSnapshot(
    Month Month,
    int Level,
    Phase Phase,
    bool Moratorium,
    double UnLayers,
    double UniLayers,
    double Enforcement,
    double Relief,
    double Pressure,
    double Stress,
    double TrustChallenger,
    double TrustPrincipal,
    double Attention,
    double Capability,
    int Pipeline,
    double Recent,
    ulong AgreementMask)
{
    /// <summary>The state a forecast starting the month after this one begins from.</summary>
    public InitialState ToInitialState(SimulationSpec spec) => new(
        UnLayers, UniLayers, Enforcement, Relief, Stress, TrustChallenger, TrustPrincipal, Attention, Capability,
        Pipeline, Moratorium, Phase, Level, Recent,
        [.. spec.Agreements.Where((_, a) => a < 64 && (AgreementMask >> a & 1UL) != 0).Select(a => a.Id)]);
}

/// <summary>What a forced replay of one run records: features before each choice, probabilities and end states.</summary>
public sealed class ReplayTrace
{
    internal ReplayTrace(int months)
    {
        Months = months;
        Features = new double[months * FeatureFunction.FeatureCount];
        LadderP = new double[months * Ladder.Levels];
        States = new StateSnapshot[months];
    }

    /// <summary>Months replayed.</summary>
    public int Months { get; }

    /// <summary>Features of each month (row t: <see cref="FeatureFunction.FeatureCount"/> values, shared then rungs).</summary>
    public double[] Features { get; }

    /// <summary>The simulator's ladder probabilities each month under the coefficients used (row t: 7 values).</summary>
    public double[] LadderP { get; }

    /// <summary>State at the end of each month.</summary>
    public StateSnapshot[] States { get; }

    /// <summary>Features of month t.</summary>
    public ReadOnlySpan<double> FeaturesAt(int t) => Features.AsSpan(t * FeatureFunction.FeatureCount, FeatureFunction.FeatureCount);
}

/// <summary>
/// Replays history through the engine's own step: the modules run in their fixed order, with the observed
/// actions forced, so latent states (trust, stress, attention, sanctions pressure, pipeline) are reconstructed
/// by exactly the equations the simulator uses, and the challenger's features are captured from the module
/// that uses them.
/// </summary>
public static class Replay
{
    /// <summary>Forced replay of one run under <paramref name="coefficients"/>.</summary>
    public static ReplayTrace Run(ReplayInput input, Coefficients coefficients, IAgreementZone zone, ulong seed = 1)
    {
        var months = input.Months;
        var trace = new ReplayTrace(months);
        var state = new SimState(1, input.Spec.Agreements.Length);
        var random = new RandomSource(seed);
        Coefficients[] cs = [coefficients];
        Simulator.Initialize(state, input.Spec, input.Initial, cs, random);
        var ctx = new StepContext(state, input.Spec, input.PolicyByMonth[0], cs, random, zone);
        var contexts = new Dictionary<PolicyPackage, MonthContext[]>(ReferenceEqualityComparer.Instance);
        var capture = new double[FeatureFunction.FeatureCount];
        ctx.FeatureCapture = capture;
        for (var t = 0; t < months; t++)
        {
            var policy = input.PolicyByMonth[t];
            if (!ReferenceEquals(policy, ctx.Policy)) ctx.UsePolicy(policy);
            ctx.Month = ContextsFor(contexts, input, policy)[t];
            ctx.Observed = input.Observed[t];
            Simulator.Step(ctx);
            capture.CopyTo(trace.Features, t * FeatureFunction.FeatureCount);
            Array.Copy(ctx.LadderP, 0, trace.LadderP, t * Ladder.Levels, Ladder.Levels);
            trace.States[t] = Snapshot(state, 0, ctx.Month.Month);
        }
        return trace;
    }

    /// <summary>
    /// Simulates the replayed stretch with every observed action forced except the ladder level, which each run
    /// draws from the model (a posterior-predictive check). Returns levels[run · months + t].
    /// Run i uses coefficients[i mod coefficients.Length].
    /// </summary>
    public static int[] SimulateLevels(ReplayInput input, Coefficients[] coefficients, int runs, IAgreementZone zone, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var months = input.Months;
        var levels = new int[runs * months];
        var state = new SimState(runs, input.Spec.Agreements.Length);
        for (var i = 0; i < runs; i++)
        {
            state.RunIndex[i] = i;
            state.Draw[i] = i % coefficients.Length;
        }
        var random = new RandomSource(seed);
        Simulator.Initialize(state, input.Spec, input.Initial, coefficients, random);
        var ctx = new StepContext(state, input.Spec, input.PolicyByMonth[0], coefficients, random, zone);
        var contexts = new Dictionary<PolicyPackage, MonthContext[]>(ReferenceEqualityComparer.Instance);
        for (var t = 0; t < months; t++)
        {
            var policy = input.PolicyByMonth[t];
            if (!ReferenceEquals(policy, ctx.Policy)) ctx.UsePolicy(policy);
            ctx.Month = ContextsFor(contexts, input, policy)[t];
            ctx.Observed = input.Observed[t] with { Level = null };
            Simulator.Step(ctx);
            for (var i = 0; i < runs; i++) levels[i * months + t] = state.Level[i];
        }
        return levels;
    }

    private static MonthContext[] ContextsFor(Dictionary<PolicyPackage, MonthContext[]> cache, ReplayInput input, PolicyPackage policy)
    {
        if (!cache.TryGetValue(policy, out var months))
        {
            months = MonthContext.Build(input.Spec, policy, input.Months);
            cache[policy] = months;
        }
        return months;
    }

    /// <summary>The state of run <paramref name="r"/> now.</summary>
    public static StateSnapshot Snapshot(SimState s, int r, Month month)
    {
        var mask = 0UL;
        for (var a = 0; a < Math.Min(s.AgreementCount, 64); a++)
        {
            if (s.AgreementInForce[r * s.AgreementCount + a]) mask |= 1UL << a;
        }
        return new StateSnapshot(
            month, s.Level[r], s.Phase[r], s.Moratorium[r], s.UnLayers[r], s.UniLayers[r], s.Enforcement[r], s.Relief[r],
            s.Pressure[r], s.Stress[r], s.TrustChallenger[r], s.TrustPrincipal[r], s.Attention[r], s.Capability[r],
            s.Pipeline[r], s.Recent[r], mask);
    }
}
