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
        // The end hazard is drawn only for runs under a moratorium: for the whole block at once when many are, else one by one.
        // Likewise the declaration, drawn only for runs in talks, engaged and below the covered levels.
        var under = 0;
        var candidates = 0;
        for (var r = 0; r < s.Runs; r++)
        {
            if (s.Moratorium[r]) under++;
            else if (FeatureFunction.IsTalking(s.Phase[r]) && s.Engaged[r] && s.Level[r] < from) candidates++;
        }
        var blockWide = 4 * under >= s.Runs;
        var endU = blockWide ? ctx.Uniforms(Decisions.MoratoriumEnd) : default;
        var declareBlockWide = 4 * candidates >= s.Runs;
        var declareU = declareBlockWide ? ctx.Uniforms(Decisions.MoratoriumDeclare) : default;
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var was = s.Moratorium[r];
            var now = was;
            if (was)
            {
                var stall = Math.Min(2.0, Math.Max(0, s.MonthsSinceProgress[r]) / 12.0);
                var hazard = DetMath.Logistic(c.MoratoriumEndIntercept + c.MoratoriumEndStall * stall - c.MoratoriumEndTrust * s.TrustChallenger[r]);
                ctx.LogitDecisions++;
                if (s.Level[r] >= from || (blockWide ? endU[r] : ctx.Uniform(r, Decisions.MoratoriumEnd)) < hazard) now = false;
            }
            else if (FeatureFunction.IsTalking(s.Phase[r]) && s.Engaged[r] && s.Level[r] < from)
            {
                now = (declareBlockWide ? declareU[r] : ctx.Uniform(r, Decisions.MoratoriumDeclare)) < c.MoratoriumDeclareProbability;
                ctx.LogitDecisions++;
            }
            if (ctx.Observed?.Moratorium is { } observed) now = observed;
            s.Moratorium[r] = now;
            if (was && !now) s.Events[r] |= MonthEvents.MoratoriumEnded;
            if (!was && now) s.Events[r] |= MonthEvents.MoratoriumDeclared;
        }
    }
}
