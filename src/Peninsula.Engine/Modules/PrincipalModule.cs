using Peninsula.Core;
using Peninsula.Engine.Model;

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
        // Utilities of the whole block first, then their logistics together (independent exponentials overlap).
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            s.ProvocationMemory[r] = c.PrincipalProvocationDecay * s.ProvocationMemory[r] + (s.Level[r] >= 5 ? 1.0 : 0.0);
            if (review) continue;
            // A successor government's willingness follows its drawn orientation instead of the package.
            var engagement = successor ? (s.PrincipalSuccessorEngagement[r] - 0.5) * 2.0 : policy.Engagement;
            willingP[r] = ChoiceModels.PrincipalUtility(c, engagement, s.Attention[r], s.ProvocationMemory[r], s.TrustPrincipal[r]);
        }
        if (!review)
        {
            DetMathVector.Logistic(willingP);
            ctx.LogitDecisions += s.Runs;
        }
        var sanctionU = ctx.Draws(Decisions.PrincipalSanction, ctx.Observed?.UnilateralSanctions is null ? s.RunsAtOrAbove(4) : 0);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var level = s.Level[r];
            var willing = !review && willingU[r] < willingP[r];
            s.PrincipalWilling[r] = ctx.Observed?.PrincipalWilling ?? willing;

            var odds = ctx.OddsOf(r);
            var sanctionP = level >= 4 ? odds.PrincipalSanction[level] : odds.Designation;
            var sanction = ctx.Observed?.UnilateralSanctions
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
