using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;

namespace Peninsula.Engine.Model;

/// <summary>
/// The challenger's monthly choices (ladder level, then stance) for four runs of one parameter draw at once, one run
/// per vector lane: the feature function, the continuation-ratio ladder, the inverse-CDF level draw and the stance
/// logit evaluated in registers, without the per-run feature buffers of the scalar path. Every lane performs the scalar
/// path's IEEE-754 operations in the same order (separate multiplies and adds, <see cref="DetMathVector"/> for the
/// exponentials), so the results are bit-identical to <see cref="FeatureFunction"/> + <see cref="ChoiceModels"/>; a
/// test compares both paths over many states.
/// </summary>
internal static class ChallengerLanes
{
    /// <summary>Runs per call.</summary>
    public const int Width = 4;

    private static readonly Vector256<double> SignBit = Vector256.Create(-0.0);

    /// <summary>
    /// Draws the level of runs <paramref name="r"/>…<paramref name="r"/>+3, which must share one parameter draw, into
    /// <see cref="SimState.Level"/> (and their ladder probabilities into <see cref="StepContext.LadderP"/> when kept), and
    /// leaves their stance utilities in <see cref="StepContext.Scratch"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step(StepContext ctx, int r, ReadOnlySpan<double> levelU)
    {
        var s = ctx.State;
        var spec = ctx.Spec;
        var policy = ctx.Policy;
        var month = ctx.Month;
        var c = ctx.C(r);
        var odds = ctx.OddsOf(r);
        var one = Vector256<double>.One;
        var zero = Vector256<double>.Zero;

        // Expected sanction cost of an act at levels 4, 5, 6 (FeatureFunction.SanctionExponents / SanctionCostsFromExp).
        var unLayers = Load(s.UnLayers, r);
        var uniLayers = Load(s.UniLayers, r);
        var enforcement = Load(s.Enforcement, r);
        var pressure = Load(s.Pressure, r);
        var keep = one - Load(s.Relief, r);
        var cost4 = SanctionExponent(c, odds, 4, unLayers, uniLayers, enforcement);
        var cost5 = SanctionExponent(c, odds, 5, unLayers, uniLayers, enforcement);
        var cost6 = SanctionExponent(c, odds, 6, unLayers, uniLayers, enforcement);
        var unused = zero;
        DetMathVector.Exp(ref cost4, ref cost5, ref cost6, ref unused);
        cost4 = MaxZero(keep * (one - cost4) - pressure);
        cost5 = MaxZero(keep * (one - cost5) - pressure);
        cost6 = MaxZero(keep * (one - cost6) - pressure);

        // Shared features (FeatureFunction.Compute) and their weighted sum (ChoiceModels.LadderIndices).
        var baseRate = Vector256.Create(c.BaseRateGe3);
        var stress = Load(s.Stress, r);
        var trust = Load(s.TrustChallenger, r);
        var f0 = Lanes(s.LastLevel[r] >= 3, s.LastLevel[r + 1] >= 3, s.LastLevel[r + 2] >= 3, s.LastLevel[r + 3] >= 3) - baseRate;
        var f1 = Load(s.Recent, r) - baseRate;
        var f2 = Vector256.Create(month.SeasonCos);
        var f3 = Vector256.Create(month.SeasonSin);
        var f4 = Vector256.Create(
            FeatureFunction.LogOnePlus(s.Pipeline[r]), FeatureFunction.LogOnePlus(s.Pipeline[r + 1]),
            FeatureFunction.LogOnePlus(s.Pipeline[r + 2]), FeatureFunction.LogOnePlus(s.Pipeline[r + 3])) - Vector256.Create(FeatureFunction.Ln2);
        var f5 = Vector256.Create(
            FeatureFunction.ExerciseIntensity(s, r, month, policy), FeatureFunction.ExerciseIntensity(s, r + 1, month, policy),
            FeatureFunction.ExerciseIntensity(s, r + 2, month, policy), FeatureFunction.ExerciseIntensity(s, r + 3, month, policy))
            - Vector256.Create(month.ExerciseCentre);
        var f6 = Vector256.Create(month.PrincipalTransition ? 1.0 : 0.0);
        var f7 = Vector256.Create(month.MediatorTransition ? 1.0 : 0.0);
        var f8 = stress - Vector256.Create(0.5);
        var f9 = trust;
        var phase = s.Phase;
        var talking0 = FeatureFunction.IsTalking(phase[r]);
        var talking1 = FeatureFunction.IsTalking(phase[r + 1]);
        var talking2 = FeatureFunction.IsTalking(phase[r + 2]);
        var talking3 = FeatureFunction.IsTalking(phase[r + 3]);
        var f10 = Lanes(talking0, talking1, talking2, talking3);
        var f11 = Vector256.Create(0.5) - Load(s.Attention, r);
        var common = Vector256.Create(c.LadderPersist) * f0 + Vector256.Create(c.LadderRecent) * f1 + Vector256.Create(c.LadderSeasonCos) * f2
            + Vector256.Create(c.LadderSeasonSin) * f3 + Vector256.Create(c.LadderPipeline) * f4 + Vector256.Create(c.LadderExercise) * f5
            + Vector256.Create(c.LadderTransitionPrincipal) * f6 + Vector256.Create(c.LadderTransitionMediator) * f7
            + Vector256.Create(c.LadderNeed) * f8 + Vector256.Create(c.LadderTrust) * f9 + Vector256.Create(c.LadderEngaged) * f10
            + Vector256.Create(c.LadderInattention) * f11;
        var upperCommon = Vector256.Create(c.LadderUpperScale) * common;

        // Rung-specific features: moratorium, agreement restraint, sanction cost, negotiation risk.
        var moratorium = Lanes(s.Moratorium[r], s.Moratorium[r + 1], s.Moratorium[r + 2], s.Moratorium[r + 3]);
        var conditional = policy.Message is { Conditional: true };
        var offerValue = (policy.ReliefOffer + policy.NormalizationOffer) / 200.0;
        var risk = Vector256.Create(
            Risk(conditional && s.MessageDelivered[r], offerValue, phase[r], talking0),
            Risk(conditional && s.MessageDelivered[r + 1], offerValue, phase[r + 1], talking1),
            Risk(conditional && s.MessageDelivered[r + 2], offerValue, phase[r + 2], talking2),
            Risk(conditional && s.MessageDelivered[r + 3], offerValue, phase[r + 3], talking3));
        // Scratch, not stackalloc: the method stays eligible for tiered, profiled compilation. One vector per level.
        var restraint = MemoryMarshal.Cast<double, Vector256<double>>(ctx.LaneRestraint.AsSpan());
        var restrained = Restraints(s, r, spec, policy, restraint);

        var eta1 = Eta(c, spec, policy, 1, common, upperCommon, moratorium, restrained, restraint, zero, risk);
        var eta2 = Eta(c, spec, policy, 2, common, upperCommon, moratorium, restrained, restraint, zero, risk);
        var eta3 = Eta(c, spec, policy, 3, common, upperCommon, moratorium, restrained, restraint, zero, risk);
        var eta4 = Eta(c, spec, policy, 4, common, upperCommon, moratorium, restrained, restraint, cost4, risk);
        var eta5 = Eta(c, spec, policy, 5, common, upperCommon, moratorium, restrained, restraint, cost5, risk);
        var eta6 = Eta(c, spec, policy, 6, common, upperCommon, moratorium, restrained, restraint, cost6, risk);
        DetMathVector.Logistic(ref eta1, ref eta2, ref eta3, ref eta4);
        var unused2 = zero;
        unused = zero;
        DetMathVector.Logistic(ref eta5, ref eta6, ref unused, ref unused2);

        // ChoiceModels.LadderFromContinuations, and ChoiceModels.DrawLevel: the highest k with u < P(level ≥ k), the
        // tail built by the same subtractions.
        var reach = one;
        var u = Load(levelU, r);
        var tail = one;
        var alive = Vector256<double>.AllBitsSet;
        var level = zero;
        var p0 = Rung(eta1, ref reach, ref tail, ref alive, ref level, u);
        var p1 = Rung(eta2, ref reach, ref tail, ref alive, ref level, u);
        var p2 = Rung(eta3, ref reach, ref tail, ref alive, ref level, u);
        var p3 = Rung(eta4, ref reach, ref tail, ref alive, ref level, u);
        var p4 = Rung(eta5, ref reach, ref tail, ref alive, ref level, u);
        var p5 = Rung(eta6, ref reach, ref tail, ref alive, ref level, u);
        if (ctx.KeepLadderProbabilities) KeepProbabilities(ctx.LadderP, r, p0, p1, p2, p3, p4, p5, reach);

        // Stance (ChoiceModels.StanceUtility), given the level just drawn.
        var offer = Lanes(s.MessageDelivered[r], s.MessageDelivered[r + 1], s.MessageDelivered[r + 2], s.MessageDelivered[r + 3]) + Load(ctx.AidDelivered, r);
        // ChallengerModule.MediatorEngagement: the month's government, or each run's drawn successor (NaN), or none.
        var mediatorScore = spec.Mediator is null ? zero
            : double.IsNaN(month.MediatorEngagement) ? Load(s.MediatorSuccessorEngagement, r) : Vector256.Create(month.MediatorEngagement);
        var mediator = mediatorScore * Vector256.Create(policy.MediatorCoordination);
        var escalated = Vector256.GreaterThanOrEqual(level, Vector256.Create(3.0));
        var engagedLast = Lanes(s.EngagedLast[r], s.EngagedLast[r + 1], s.EngagedLast[r + 2], s.EngagedLast[r + 3]);
        var utility = Vector256.Create(c.StanceIntercept) + Vector256.Create(c.StanceTrust) * trust + Vector256.Create(c.StanceNeed) * stress
            + Vector256.Create(c.StanceOffer) * offer + Vector256.Create(c.StanceMediator) * mediator
            + Vector256.ConditionalSelect(escalated, Vector256.Create(c.StanceEscalation), zero)
            + Vector256.ConditionalSelect(Vector256.Equals(engagedLast, one), Vector256.Create(c.StancePersist), zero);
        // The stance logistics and draws are taken for the whole block afterwards (ChallengerModule.Apply).
        utility.CopyTo(ctx.Scratch.AsSpan(r, Width));
        for (var lane = 0; lane < Width; lane++) s.Level[r + lane] = (int)level.GetElement(lane);
    }

    /// <summary>Negotiation-risk feature of a run on rungs at or above the hold threshold (FeatureFunction.Compute).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Risk(bool conditional, double offerValue, Phase phase, bool talking)
    {
        if (!conditional) return 0.0;
        var prospect = phase == Phase.Implementation ? 1.0 : talking ? 1.0 : phase == Phase.Contact ? 0.5 : 0.25;
        return offerValue * prospect;
    }

    /// <summary>
    /// <see cref="FeatureFunction.AgreementRestraints"/> of the four runs, one vector per level (index = level): for each
    /// agreement in force in some lane, its strength (0 in the other lanes) raises the levels it restrains; a framework
    /// under way (strength &gt; 0) raises the levels from the hold threshold. The maxima of the same strengths, so the same
    /// values per lane; false (and all zero) when nothing restrains any of the four.
    /// </summary>
    private static bool Restraints(SimState s, int r, Spec.SimulationSpec spec, Spec.PolicyPackage policy, Span<Vector256<double>> byLevel)
    {
        byLevel.Clear();
        var restrained = false;
        var n = s.AgreementCount;
        var inForce = s.AgreementInForce;
        for (var a = 0; a < n; a++)
        {
            bool l0 = inForce[r * n + a], l1 = inForce[(r + 1) * n + a], l2 = inForce[(r + 2) * n + a], l3 = inForce[(r + 3) * n + a];
            if (!(l0 | l1 | l2 | l3)) continue;
            restrained = true;
            var strength = RunLanes.Mask(l0, l1, l2, l3) & Vector256.Create(spec.Agreements[a].Strength);
            for (var j = Math.Max(1, spec.Agreements[a].RestrainsFromLevel); j <= Ladder.Top; j++) byLevel[j] = Vector256.Max(byLevel[j], strength);
        }
        var framework = Load(s.FrameworkStrength, r);
        var under = Vector256.GreaterThan(framework, Vector256<double>.Zero);
        if (under != Vector256<double>.Zero)
        {
            restrained = true;
            var strength = under & framework;
            for (var j = Math.Max(1, policy.HoldThreshold); j <= Ladder.Top; j++) byLevel[j] = Vector256.Max(byLevel[j], strength);
        }
        return restrained;
    }

    /// <summary>The sanctions exponent −(enforcement·UN + w·unilateral)/scale after an act at <paramref name="level"/> (FeatureFunction.SanctionExponents).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SanctionExponent(
        Coefficients c, SanctionOdds odds, int level,
        Vector256<double> unLayers, Vector256<double> uniLayers, Vector256<double> enforcement)
    {
        // FeatureFunction.ActAdditions of this draw and level, tabled with its sanction odds.
        var un = unLayers + Vector256.Create(odds.ActUn[level]);
        var uni = uniLayers + Vector256.Create(odds.ActUni[level]);
        var enforced = MinOne(enforcement + Vector256.Create(odds.ActEnforcement[level]));
        var sum = enforced * un + Vector256.Create(c.SanctionsUnilateralWeight) * uni;
        return (sum ^ SignBit) / Vector256.Create(c.SanctionsScale);
    }

    /// <summary>Rung j's linear index (ChoiceModels.LadderIndices), its rung-specific features given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Eta(
        Coefficients c, Spec.SimulationSpec spec, Spec.PolicyPackage policy, int j, Vector256<double> common, Vector256<double> upperCommon,
        Vector256<double> moratorium, bool restrained, ReadOnlySpan<Vector256<double>> restraint, Vector256<double> cost, Vector256<double> risk)
    {
        var zero = Vector256<double>.Zero;
        return Vector256.Create(c.LadderAlpha[j]) + (j >= ChoiceModels.UpperRung ? upperCommon : common)
            + Vector256.Create(c.LadderMoratorium) * (j >= spec.MoratoriumFromLevel ? moratorium : zero)
            + Vector256.Create(c.LadderAgreement) * (restrained ? restraint[j] : zero)
            + Vector256.Create(c.LadderSanctionCost) * cost
            + Vector256.Create(c.LadderNegotiationRisk) * (j >= policy.HoldThreshold ? risk : zero);
    }

    /// <summary>
    /// One rung of the ladder: returns P(stop here) = reach·(1 − go) and advances reach, and the level draw's running
    /// tail, alive mask and level count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Rung(
        Vector256<double> go, ref Vector256<double> reach, ref Vector256<double> tail, ref Vector256<double> alive,
        ref Vector256<double> level, Vector256<double> u)
    {
        var stop = reach * (Vector256<double>.One - go);
        reach *= go;
        tail -= stop;
        alive &= Vector256.LessThan(u, tail);
        level += alive & Vector256<double>.One;
        return stop;
    }

    /// <summary>Writes the four runs' ladder probabilities P(level = 0…6) into <see cref="StepContext.LadderP"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void KeepProbabilities(
        double[] ladderP, int r, Vector256<double> p0, Vector256<double> p1, Vector256<double> p2, Vector256<double> p3,
        Vector256<double> p4, Vector256<double> p5, Vector256<double> p6)
    {
        for (var lane = 0; lane < Width; lane++)
        {
            var target = ladderP.AsSpan((r + lane) * Ladder.Levels, Ladder.Levels);
            target[0] = p0.GetElement(lane);
            target[1] = p1.GetElement(lane);
            target[2] = p2.GetElement(lane);
            target[3] = p3.GetElement(lane);
            target[4] = p4.GetElement(lane);
            target[5] = p5.GetElement(lane);
            target[6] = p6.GetElement(lane);
        }
    }

    /// <summary>Math.Min(1.0, x) per lane (NaN stays NaN).</summary>
    private static Vector256<double> MinOne(Vector256<double> x)
    {
        var take = Vector256.LessThan(x, Vector256<double>.One) | ~Vector256.Equals(x, x);
        return Vector256.ConditionalSelect(take, x, Vector256<double>.One);
    }

    /// <summary>Math.Max(0.0, x) per lane (−0 becomes +0, NaN stays NaN).</summary>
    private static Vector256<double> MaxZero(Vector256<double> x)
    {
        var take = Vector256.GreaterThan(x, Vector256<double>.Zero) | ~Vector256.Equals(x, x);
        return Vector256.ConditionalSelect(take, x, Vector256<double>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ReadOnlySpan<double> values, int r) => Vector256.Create(values.Slice(r, Width));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Lanes(bool a, bool b, bool c, bool d) =>
        Vector256.Create(a ? 1.0 : 0.0, b ? 1.0 : 0.0, c ? 1.0 : 0.0, d ? 1.0 : 0.0);
}
