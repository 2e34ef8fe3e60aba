using Peninsula.Core;
using Peninsula.Engine.Model;

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
            if (s.Moratorium[r]) under++;
            else if (MayDeclare(s, r, from)) candidates++;
        }
        var endU = ctx.Draws(Decisions.MoratoriumEnd, under);
        var declareU = ctx.Draws(Decisions.MoratoriumDeclare, candidates);
        // The end hazards of the runs under a moratorium, their logistics taken for the block together (0 for the others).
        var hazards = ctx.Scratch.AsSpan(0, s.Runs);
        if (under > 0)
        {
            for (var r = 0; r < s.Runs; r++)
            {
                var c = ctx.C(r);
                var stall = Math.Min(2.0, Math.Max(0, s.MonthsSinceProgress[r]) / 12.0);
                hazards[r] = s.Moratorium[r] ? c.MoratoriumEndIntercept + c.MoratoriumEndStall * stall - c.MoratoriumEndTrust * s.TrustChallenger[r] : 0.0;
            }
            DetMathVector.Logistic(hazards);
        }
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
            if (ctx.Observed?.Moratorium is { } observed) now = observed;
            s.Moratorium[r] = now;
            if (was && !now) s.Events[r] |= MonthEvents.MoratoriumEnded;
            if (!was && now) s.Events[r] |= MonthEvents.MoratoriumDeclared;
        }
    }

    /// <summary>A run without a moratorium may declare one: in talks, engaged, and this month below the covered levels.</summary>
    private static bool MayDeclare(SimState s, int r, int from) => FeatureFunction.IsTalking(s.Phase[r]) && s.Engaged[r] && s.Level[r] < from;
}
