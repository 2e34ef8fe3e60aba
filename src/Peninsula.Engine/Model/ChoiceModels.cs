using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>
/// The agents' quantal-response choice rules (λ = 1: P(a) ∝ exp U(a)). Pure functions shared by the
/// simulator and the likelihood.
/// </summary>
public static class ChoiceModels
{
    /// <summary>First rung whose shared effects are scaled by <c>ladder.upper_scale</c>.</summary>
    public const int UpperRung = 4;

    /// <summary>
    /// Ladder probabilities under the continuation-ratio logit: at rung j the challenger, having reached
    /// level j−1, escalates further with probability σ(αⱼ + wⱼ·β·x + γ·zⱼ), with wⱼ = 1 at rungs 1–3 and
    /// <c>ladder.upper_scale</c> at rungs 4–6 (shared effects may be weaker on the upper rungs, where they would
    /// otherwise compound rung after rung). Writes P(level = k), k = 0…6.
    /// </summary>
    public static void LadderProbabilities(Coefficients c, ReadOnlySpan<double> shared, ReadOnlySpan<double> rung, Span<double> p)
    {
        Span<double> go = stackalloc double[ContinuationStride];
        LadderIndices(c, shared, rung, go);
        Continuations(go);
        LadderFromContinuations(go, p);
    }

    /// <summary>Slots per run of the continuation buffers: the six rungs and two unused lanes (four-lane vectors).</summary>
    public const int ContinuationStride = 8;

    /// <summary>
    /// The six rungs' linear indices αⱼ + wⱼ·β·x + γ·zⱼ of <see cref="LadderProbabilities"/> into
    /// <paramref name="eta"/>[0…5] (slots 6 and 7 set to 0).
    /// </summary>
    public static void LadderIndices(Coefficients c, ReadOnlySpan<double> shared, ReadOnlySpan<double> rung, Span<double> eta)
    {
        var common = c.LadderPersist * shared[0] + c.LadderRecent * shared[1] + c.LadderSeasonCos * shared[2]
            + c.LadderSeasonSin * shared[3] + c.LadderPipeline * shared[4] + c.LadderExercise * shared[5]
            + c.LadderTransitionPrincipal * shared[6] + c.LadderTransitionMediator * shared[7]
            + c.LadderNeed * shared[8] + c.LadderTrust * shared[9] + c.LadderEngaged * shared[10]
            + c.LadderInattention * shared[11];
        for (var j = 1; j <= Ladder.Top; j++)
        {
            var o = (j - 1) * FeatureFunction.RungCount;
            eta[j - 1] = c.LadderAlpha[j] + (j >= UpperRung ? c.LadderUpperScale * common : common) + c.LadderMoratorium * rung[o] + c.LadderAgreement * rung[o + 1]
                + c.LadderSanctionCost * rung[o + 2] + c.LadderNegotiationRisk * rung[o + 3];
        }
        eta[6] = eta[7] = 0.0;
    }

    /// <summary>
    /// Replaces each index by its logistic (the continuation probability), four lanes at a time, bit-identical to
    /// the scalar logistic. Over many runs' indices at once the independent exponentials overlap in the pipeline.
    /// The length must be a multiple of 4.
    /// </summary>
    public static void Continuations(Span<double> values)
    {
        for (var i = 0; i + 4 <= values.Length; i += 4)
        {
            DetMathVector.Logistic(Vector256.Create<double>(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        }
    }

    /// <summary>P(level = k), k = 0…6, from the six rungs' continuation probabilities <paramref name="go"/>[0…5].</summary>
    public static void LadderFromContinuations(ReadOnlySpan<double> go, Span<double> p)
    {
        var reach = 1.0;
        for (var j = 1; j <= Ladder.Top; j++)
        {
            p[j - 1] = reach * (1.0 - go[j - 1]);
            reach *= go[j - 1];
        }
        p[Ladder.Top] = reach;
    }

    /// <summary>
    /// Inverse-CDF draw of a level from <paramref name="p"/> with uniform <paramref name="u"/>: the highest k with
    /// u &lt; P(level ≥ k). Monotone: raising the upper tail never lowers the level drawn with the same u.
    /// </summary>
    public static int DrawLevel(ReadOnlySpan<double> p, double u)
    {
        var tail = 1.0;
        var level = 0;
        for (var k = 1; k < p.Length; k++)
        {
            tail -= p[k - 1];
            if (u < tail) level = k; else break;
        }
        return level;
    }

    /// <summary>Utility of engaging (vs ignoring, utility 0) for the challenger this month.</summary>
    public static double StanceUtility(Coefficients c, double trust, double stress, double offer, double mediatorSupport, int level, bool engagedLast) =>
        c.StanceIntercept + c.StanceTrust * trust + c.StanceNeed * stress + c.StanceOffer * offer
        + c.StanceMediator * mediatorSupport + (level >= 3 ? c.StanceEscalation : 0.0) + (engagedLast ? c.StancePersist : 0.0);

    /// <summary>
    /// Utility of being willing to engage (vs not) for the principal this month; <paramref name="engagement"/>
    /// is the engagement lever in force (the package's, or a drawn successor government's).
    /// </summary>
    public static double PrincipalUtility(Coefficients c, double engagement, double attention, double provocationMemory, double trust) =>
        c.PrincipalIntercept + engagement + c.PrincipalAttention * attention
        + c.PrincipalProvocation * provocationMemory + c.PrincipalTrust * trust;

    /// <summary>P(the principal adds unilateral sanctions | an act at <paramref name="level"/> ≥ 4).</summary>
    public static double PrincipalSanctionProbability(Coefficients c, PolicyPackage policy, int level) =>
        level < 4 ? 0.0 : DetMath.Logistic(c.PrincipalSanctionIntercept + c.PrincipalSanctionLevel * (level - 4) + c.PrincipalSanctionPressure * policy.Pressure);

    /// <summary>P(new unilateral designations in a month without a level ≥ 4 act).</summary>
    public static double DesignationProbability(Coefficients c, PolicyPackage policy) =>
        DetMath.Logistic(c.PrincipalDesignationIntercept + c.PrincipalSanctionPressure * policy.Pressure);

    /// <summary>P(veto player <paramref name="v"/> blocks a resolution on an act at <paramref name="level"/>).</summary>
    public static double VetoProbability(Coefficients c, SimulationSpec spec, int v, int level) =>
        DetMath.Logistic(c.VetoIntercept + c.VetoSeverity * (level - spec.UnTriggerLevel) + c.VetoRelations * spec.Roles.VetoPlayers[v].RelationsWithPrincipal);

    /// <summary>P(no veto player blocks) — veto players decide independently.</summary>
    public static double PassProbability(Coefficients c, SimulationSpec spec, int level)
    {
        var pass = 1.0;
        for (var v = 0; v < spec.Roles.VetoPlayers.Length; v++) pass *= 1.0 - VetoProbability(c, spec, v, level);
        return pass;
    }
}
