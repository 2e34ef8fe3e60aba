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
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            s.UnLayers[r] += ctx.NewUnLayers[r];
            s.UniLayers[r] += ctx.NewUniLayers[r];
            var e = s.Enforcement[r];
            if ((s.Events[r] & MonthEvents.UnResolution) != 0) e += c.SanctionsEnforcementGain;
            var baseline = Math.Max(0.0, c.SanctionsEnforcementBase - (FeatureFunction.IsTalking(s.Phase[r]) ? c.SanctionsEnforcementEngaged : 0.0));
            e = baseline + (e - baseline) * c.SanctionsEnforcementDecay;
            s.Enforcement[r] = Math.Clamp(e, 0.0, 1.0);
            s.Relief[r] = s.Phase[r] == Phase.Implementation && steps > 0
                ? Math.Clamp(s.TermsRelief[r] / 100.0 * s.StepsDone[r] / steps, 0.0, 1.0)
                : 0.0;
            s.Pressure[r] = FeatureFunction.SanctionsPressure(c, s.UnLayers[r], s.UniLayers[r], s.Enforcement[r], s.Relief[r]);
        }
    }
}
