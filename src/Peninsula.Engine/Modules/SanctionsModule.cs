using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

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
        var decay = ctx.Scratch.AsSpan(0, s.Runs);
        var lastDraw = -1;
        double baselineTalking = 0, baselineIdle = 0;
        var r = 0;
        while (r < s.Runs)
        {
            if (s.Draw[r] != lastDraw)
            {
                // Runs of one draw are contiguous: the baselines are the draw's, taken once per draw in the block.
                lastDraw = s.Draw[r];
                var c = ctx.Coefficients[lastDraw];
                baselineTalking = EnforcementBaseline(ctx, c, talking: true);
                baselineIdle = EnforcementBaseline(ctx, c, talking: false);
            }
            if (FourOfOneDraw(s, r))
            {
                Update(ctx, r, Width, baselineTalking, baselineIdle);
                r += Width;
            }
            else
            {
                Update(ctx, r++, 1, baselineTalking, baselineIdle);
            }
        }
        // The block's exponentials together (independent, so they overlap in the pipeline); identical values.
        DetMathVector.Exp(decay);
        for (r = 0; r < s.Runs; r++) s.Pressure[r] = (1.0 - s.Relief[r]) * (1.0 - decay[r]);
    }

    /// <summary>
    /// Runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes (<see cref="RunLanes"/>): layers add the month's new ones;
    /// enforcement gains with a resolution and relaxes toward the draw's baseline (lower in talks), clamped to [0, 1];
    /// relief follows the implementation steps done; the pressure exponent −(enforcement·UN + w·unilateral)/scale goes
    /// to the scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(StepContext ctx, int r, int n, double baselineTalking, double baselineIdle)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var steps = ctx.Spec.ImplementationSteps;
        var un = Load(s.UnLayers, r, n) + Load(ctx.NewUnLayers, r, n);
        var uni = Load(s.UniLayers, r, n) + Load(ctx.NewUniLayers, r, n);
        Store(s.UnLayers, r, n, un);
        Store(s.UniLayers, r, n, uni);
        var e = Load(s.Enforcement, r, n);
        e = Vector256.ConditionalSelect(HasEvent(s.Events, r, n, MonthEvents.UnResolution), e + All(c.SanctionsEnforcementGain), e);
        var baseline = Vector256.ConditionalSelect(PhaseIn(s.Phase, r, n, Phase.Talks, Phase.Implementation), All(baselineTalking), All(baselineIdle));
        e = Clamp(baseline + (e - baseline) * All(c.SanctionsEnforcementDecay), 0.0, 1.0);
        Store(s.Enforcement, r, n, e);
        var relief = Vector256<double>.Zero;
        if (steps > 0)
        {
            var implementing = PhaseIn(s.Phase, r, n, Phase.Implementation, Phase.Implementation);
            var share = Clamp(Load(s.TermsRelief, r, n) / All(100.0) * LoadInts(s.StepsDone, r, n) / All(steps), 0.0, 1.0);
            relief = Vector256.ConditionalSelect(implementing, share, Vector256<double>.Zero);
        }
        Store(s.Relief, r, n, relief);
        var sum = e * un + All(c.SanctionsUnilateralWeight) * uni;
        Store(ctx.Scratch, r, n, (sum ^ Vector256.Create(-0.0)) / All(c.SanctionsScale)); // −sum: the sign flipped, as the scalar minus
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
