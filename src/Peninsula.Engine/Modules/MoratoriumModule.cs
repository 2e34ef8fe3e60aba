using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

namespace Peninsula.Engine.Modules;

/// <summary>
/// An explicit testing moratorium: broken by any act it covers; otherwise ends with a logit hazard that
/// rises with stalled negotiations and distrust; may be declared while talks are under way.
/// </summary>
public sealed class MoratoriumModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "moratorium (2018 declaration, verbal end Dec 2019) with a hazard of ending";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var from = ctx.Spec.MoratoriumFromLevel;
        // The end hazard is drawn only for runs under a moratorium, the declaration only for runs that may declare one.
        var under = 0;
        var candidates = 0;
        for (var r = 0; r < s.Runs; r++)
        {
            var held = s.Moratorium[r];
            under += held ? 1 : 0;
            candidates += !held & MayDeclare(s, r, from) ? 1 : 0;
        }
        var endU = ctx.Draws(Decisions.MoratoriumEnd, under);
        var declareU = ctx.Draws(Decisions.MoratoriumDeclare, candidates);
        // The end hazards of the runs under a moratorium, their logistics taken for the block together (0 for the others).
        var hazards = ctx.Scratch.AsSpan(0, s.Runs);
        if (under > 0)
        {
            var r = 0;
            while (r < s.Runs)
            {
                if (FourOfOneDraw(s, r))
                {
                    Hazards(ctx, r, Width);
                    r += Width;
                }
                else
                {
                    Hazards(ctx, r++, 1);
                }
            }
            DetMathVector.Logistic(hazards);
        }
        var observedMoratorium = ctx.Observed?.Moratorium; // read once, not per run
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var was = s.Moratorium[r];
            var now = was;
            if (was)
            {
                ctx.LogitDecisions++;
                if (s.Level[r] >= from || endU[r] < hazards[r]) now = false;
            }
            else if (MayDeclare(s, r, from))
            {
                now = declareU[r] < c.MoratoriumDeclareProbability;
                ctx.LogitDecisions++;
            }
            if (observedMoratorium is { } observed) now = observed;
            s.Moratorium[r] = now;
            if (was && !now) s.Events[r] |= MonthEvents.MoratoriumEnded;
            if (!was && now) s.Events[r] |= MonthEvents.MoratoriumDeclared;
        }
    }

    /// <summary>
    /// The end hazard's logit of runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes (<see cref="RunLanes"/>) into the
    /// scratch: a + b·min(2, max(0, months without progress)/12) − c·trust under a moratorium, 0 otherwise.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Hazards(StepContext ctx, int r, int n)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        // max(0, months) is exact as a double; the division and the min are the scalar ones (never NaN here).
        var stall = Vector256.Min(All(2.0), Vector256.Max(LoadInts(s.MonthsSinceProgress, r, n), Vector256<double>.Zero) / All(12.0));
        var logit = All(c.MoratoriumEndIntercept) + All(c.MoratoriumEndStall) * stall - All(c.MoratoriumEndTrust) * Load(s.TrustChallenger, r, n);
        Store(ctx.Scratch, r, n, Vector256.ConditionalSelect(IsSet(s.Moratorium, r, n), logit, Vector256<double>.Zero));
    }

    /// <summary>A run without a moratorium may declare one: in talks, engaged, and this month below the covered levels.</summary>
    private static bool MayDeclare(SimState s, int r, int from) => FeatureFunction.IsTalking(s.Phase[r]) && s.Engaged[r] && s.Level[r] < from;
}
