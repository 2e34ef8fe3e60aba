using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// Sanctions layers (council and unilateral, never negative, never removed), enforcement (rises after a
/// resolution, relaxes toward a baseline that is lower while talks are under way), relief from an agreement
/// being implemented step by step, and the resulting pressure.
/// </summary>
public sealed class SanctionsModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "consequences of provocation (sanctions module, enforcement: China carries most trade); sanctions relief";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var steps = ctx.Spec.ImplementationSteps;
        var decay = ctx.Scratch.AsSpan(0, s.Runs);
        var lastDraw = -1;
        Model.Coefficients c = null!;
        double baselineTalking = 0, baselineIdle = 0;
        for (var r = 0; r < s.Runs; r++)
        {
            if (s.Draw[r] != lastDraw)
            {
                // Runs of one draw are contiguous: the baselines are the draw's, taken once per draw in the block.
                lastDraw = s.Draw[r];
                c = ctx.Coefficients[lastDraw];
                baselineTalking = EnforcementBaseline(ctx, c, talking: true);
                baselineIdle = EnforcementBaseline(ctx, c, talking: false);
            }
            s.UnLayers[r] += ctx.NewUnLayers[r];
            s.UniLayers[r] += ctx.NewUniLayers[r];
            var e = s.Enforcement[r];
            if ((s.Events[r] & MonthEvents.UnResolution) != 0) e += c.SanctionsEnforcementGain;
            var baseline = FeatureFunction.IsTalking(s.Phase[r]) ? baselineTalking : baselineIdle;
            e = baseline + (e - baseline) * c.SanctionsEnforcementDecay;
            s.Enforcement[r] = Math.Clamp(e, 0.0, 1.0);
            s.Relief[r] = s.Phase[r] == Phase.Implementation && steps > 0
                ? Math.Clamp(s.TermsRelief[r] / 100.0 * s.StepsDone[r] / steps, 0.0, 1.0)
                : 0.0;
            decay[r] = FeatureFunction.SanctionsExponent(c, s.UnLayers[r], s.UniLayers[r], s.Enforcement[r]);
        }
        // The block's exponentials together (independent, so they overlap in the pipeline); identical values.
        DetMathVector.Exp(decay);
        for (var r = 0; r < s.Runs; r++) s.Pressure[r] = (1.0 - s.Relief[r]) * (1.0 - decay[r]);
    }

    /// <summary>
    /// Enforcement baseline: trade not carried by veto players is enforced fully; the veto players' share S
    /// at the baseline rate, lower while talks are under way: (1 − S) + S·max(0, base − engaged·1[talks]).
    /// </summary>
    public static double EnforcementBaseline(StepContext ctx, Model.Coefficients c, bool talking)
    {
        var share = Math.Clamp(ctx.VetoTradeShare, 0.0, 1.0);
        var rate = Math.Max(0.0, c.SanctionsEnforcementBase - (talking ? c.SanctionsEnforcementEngaged : 0.0));
        return (1.0 - share) + share * rate;
    }
}
