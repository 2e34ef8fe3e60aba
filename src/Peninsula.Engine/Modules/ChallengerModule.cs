using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// The challenger's two choices each month: a ladder level (continuation-ratio quantal response on the
/// shared feature function) and then, given that level, a stance (engage or ignore).
/// </summary>
public sealed class ChallengerModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "escalation ladder; wait-and-see vs brinkmanship; DPRK goals";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        Span<double> shared = stackalloc double[FeatureFunction.SharedCount];
        Span<double> rung = stackalloc double[6 * FeatureFunction.RungCount];
        var month = ctx.Month;
        var policy = ctx.Policy;
        var levelU = ctx.Observed?.Level is null ? ctx.Uniforms(Decisions.Level) : default;
        var stanceU = ctx.Observed?.Engage is null ? ctx.Uniforms(Decisions.Stance) : default;
        const int stride = ChoiceModels.ContinuationStride;
        var go = ctx.LadderContinuation.AsSpan(0, s.Runs * stride);
        const int lanes = FeatureFunction.SanctionLanes;
        var sanctionExp = ctx.SanctionExp.AsSpan(0, s.Runs * lanes);
        // Passes over the block, so that the exponentials of all runs are taken together (they are independent, so
        // they overlap in the pipeline instead of each waiting on the last): sanction-cost exponents; features and
        // rung indices; ladder logistics; level draws and stance utilities; stance logistics; stance draws.
        for (var r = 0; r < s.Runs; r++)
        {
            FeatureFunction.SanctionExponents(s, r, ctx.Spec, ctx.C(r), ctx.OddsOf(r), sanctionExp.Slice(r * lanes, lanes));
        }
        DetMathVector.Exp(sanctionExp);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            FeatureFunction.Compute(s, r, month, ctx.Spec, policy, c, sanctionExp.Slice(r * lanes, lanes), shared, rung);
            if (ctx.Observed?.ExerciseIntensity is { } x) shared[5] = x - month.ExerciseCentre;
            if (ctx.FeatureCapture is { } capture)
            {
                shared.CopyTo(capture.AsSpan(r * FeatureFunction.FeatureCount, FeatureFunction.SharedCount));
                rung.CopyTo(capture.AsSpan(r * FeatureFunction.FeatureCount + FeatureFunction.SharedCount, 6 * FeatureFunction.RungCount));
            }
            ChoiceModels.LadderIndices(c, shared, rung, go.Slice(r * stride, stride));
        }
        ChoiceModels.Continuations(go);
        var engage = ctx.Scratch.AsSpan(0, s.Runs);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var p = ctx.LadderP.AsSpan(r * Ladder.Levels, Ladder.Levels);
            ChoiceModels.LadderFromContinuations(go.Slice(r * stride, stride), p);
            var level = ctx.Observed?.Level ?? ChoiceModels.DrawLevel(p, levelU[r]);
            s.Level[r] = level;

            var offer = (s.MessageDelivered[r] ? 1.0 : 0.0) + ctx.AidDelivered[r];
            var mediator = MediatorEngagement(ctx, r) * policy.MediatorCoordination;
            engage[r] = ChoiceModels.StanceUtility(c, s.TrustChallenger[r], s.Stress[r], offer, mediator, level, s.EngagedLast[r]);
        }
        DetMathVector.Logistic(engage);
        for (var r = 0; r < s.Runs; r++)
        {
            s.Engaged[r] = ctx.Observed?.Engage ?? stanceU[r] < engage[r];
        }
        ctx.LogitDecisions += 2L * s.Runs;
    }

    /// <summary>The mediator government's engagement score this month for run r (0 without a mediator).</summary>
    public static double MediatorEngagement(StepContext ctx, int r)
    {
        if (ctx.Spec.Mediator is null) return 0.0;
        var e = ctx.Month.MediatorEngagement;
        return double.IsNaN(e) ? ctx.State.MediatorSuccessorEngagement[r] : e;
    }
}
