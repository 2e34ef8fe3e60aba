using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

namespace Peninsula.Engine.Modules;

/// <summary>
/// The principal's reaction by logit: willingness to engage this month (set by the package, attention,
/// the memory of high-intensity acts and trust) and unilateral sanctions after an act at level ≥ 4 or,
/// under a pressure doctrine, as routine designations.
/// </summary>
public sealed class PrincipalModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "US doctrines; consequences of provocation (diplomacy less likely, unilateral sanctions)";

    /// <summary>
    /// Runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes (<see cref="RunLanes"/>): the provocation memory
    /// m ← δ·m + [level ≥ 5] and, outside a review, the willingness utility (<see cref="ChoiceModels.PrincipalUtility"/>,
    /// a successor government's engagement from its drawn orientation) into the scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Utilities(StepContext ctx, int r, int n, bool review, bool successor)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var act = Vector256.GreaterThanOrEqual(LoadInts(s.Level, r, n), Vector256.Create(5.0)) & Vector256<double>.One;
        var memory = All(c.PrincipalProvocationDecay) * Load(s.ProvocationMemory, r, n) + act;
        Store(s.ProvocationMemory, r, n, memory);
        if (review) return;
        var engagement = successor ? (Load(s.PrincipalSuccessorEngagement, r, n) - All(0.5)) * All(2.0) : All(ctx.Policy.Engagement);
        var utility = All(c.PrincipalIntercept) + engagement + All(c.PrincipalAttention) * Load(s.Attention, r, n)
            + All(c.PrincipalProvocation) * memory + All(c.PrincipalTrust) * Load(s.TrustPrincipal, r, n);
        Store(ctx.Scratch, r, n, utility);
    }

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var policy = ctx.Policy;
        var willingU = ctx.Month.InReview ? default : ctx.Uniforms(Decisions.PrincipalWilling);
        // Designations are drawn in most run-months; sanctions after an act at level ≥ 4 only in some (block-wide when many).
        var designationU = ctx.Observed?.UnilateralSanctions is null ? ctx.Uniforms(Decisions.PrincipalDesignation) : default;
        var review = ctx.Month.InReview;
        var successor = ctx.Month.PrincipalUsesSuccessor;
        var willingP = ctx.Scratch.AsSpan(0, s.Runs);
        // Utilities of the whole block first (vector lanes), then their logistics together (independent exponentials overlap).
        var r0 = 0;
        while (r0 < s.Runs)
        {
            if (FourOfOneDraw(s, r0))
            {
                Utilities(ctx, r0, Width, review, successor);
                r0 += Width;
            }
            else
            {
                Utilities(ctx, r0++, 1, review, successor);
            }
        }
        if (!review)
        {
            DetMathVector.Logistic(willingP);
            ctx.LogitDecisions += s.Runs;
        }
        var sanctionU = ctx.Draws(Decisions.PrincipalSanction, ctx.Observed?.UnilateralSanctions is null ? s.RunsAtOrAbove(4) : 0);
        // The month's observations read once, not per run (a nullable of a large struct is copied at every read).
        var (observedWilling, observedSanctions) = (ctx.Observed?.PrincipalWilling, ctx.Observed?.UnilateralSanctions);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var level = s.Level[r];
            var willing = !review && willingU[r] < willingP[r];
            s.PrincipalWilling[r] = observedWilling ?? willing;

            var odds = ctx.OddsOf(r);
            var sanctionP = level >= 4 ? odds.PrincipalSanction[level] : odds.Designation;
            var sanction = observedSanctions
                ?? (level >= 4 ? sanctionU[r] : designationU[r]) < sanctionP;
            ctx.LogitDecisions++;
            if (sanction)
            {
                ctx.NewUniLayers[r] += c.SanctionsUnilateralLayer;
                s.Events[r] |= MonthEvents.UnilateralSanctions;
            }
        }
    }
}
