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
        var levelU = ctx.Observed?.Level is null ? ctx.Uniforms(Decisions.Level) : default;
        var stanceU = ctx.Observed?.Engage is null ? ctx.Uniforms(Decisions.Stance) : default;
        if (ctx.Observed is not null || ctx.FeatureCapture is not null)
        {
            ApplyRuns(ctx, 0, s.Runs, levelU);
        }
        else
        {
            // Four runs of one parameter draw at a time in vector lanes (bit-identical to the per-run path, which takes
            // the few runs left over: a group straddling two draws, the block's last runs).
            var from = 0;
            var r = 0;
            while (r + ChallengerLanes.Width <= s.Runs)
            {
                if (s.Draw[r] == s.Draw[r + ChallengerLanes.Width - 1])
                {
                    if (from < r) ApplyRuns(ctx, from, r, levelU);
                    ChallengerLanes.Step(ctx, r, levelU);
                    r += ChallengerLanes.Width;
                    from = r;
                }
                else
                {
                    r++;
                }
            }
            if (from < s.Runs) ApplyRuns(ctx, from, s.Runs, levelU);
        }
        // Stance: the utilities both paths left in the scratch, their logistics for the whole block together, the draws.
        var engage = ctx.Scratch.AsSpan(0, s.Runs);
        DetMathVector.Logistic(engage);
        // The month's observations read once, not per run (a nullable of a large struct is copied at every read).
        var observedEngage = ctx.Observed?.Engage;
        for (var r = 0; r < s.Runs; r++)
        {
            s.Engaged[r] = observedEngage ?? stanceU[r] < engage[r];
        }
        ctx.LogitDecisions += 2L * s.Runs;
    }

    /// <summary>
    /// The per-run path for runs <paramref name="from"/>…<paramref name="to"/>−1 (also every run when actions are observed
    /// or features captured): passes over the runs so that the exponentials of all of them are taken together. Leaves the
    /// stance utilities in the scratch, like the vector path.
    /// </summary>
    private static void ApplyRuns(StepContext ctx, int from, int to, ReadOnlySpan<double> levelU)
    {
        var s = ctx.State;
        Span<double> shared = stackalloc double[FeatureFunction.SharedCount];
        Span<double> rung = stackalloc double[6 * FeatureFunction.RungCount];
        var month = ctx.Month;
        var policy = ctx.Policy;
        const int stride = ChoiceModels.ContinuationStride;
        const int lanes = FeatureFunction.SanctionLanes;
        var count = to - from;
        var go = ctx.LadderContinuation.AsSpan(from * stride, count * stride);
        var sanctionExp = ctx.SanctionExp.AsSpan(from * lanes, count * lanes);
        // Passes: sanction-cost exponents; features and rung indices; ladder logistics; level draws and stance utilities.
        for (var r = from; r < to; r++)
        {
            FeatureFunction.SanctionExponents(s, r, ctx.Spec, ctx.C(r), ctx.OddsOf(r), sanctionExp.Slice((r - from) * lanes, lanes));
        }
        DetMathVector.Exp(sanctionExp);
        for (var r = from; r < to; r++)
        {
            var c = ctx.C(r);
            FeatureFunction.Compute(s, r, month, ctx.Spec, policy, c, sanctionExp.Slice((r - from) * lanes, lanes), shared, rung);
            if (ctx.Observed?.ExerciseIntensity is { } x) shared[5] = x - month.ExerciseCentre;
            if (ctx.FeatureCapture is { } capture)
            {
                shared.CopyTo(capture.AsSpan(r * FeatureFunction.FeatureCount, FeatureFunction.SharedCount));
                rung.CopyTo(capture.AsSpan(r * FeatureFunction.FeatureCount + FeatureFunction.SharedCount, 6 * FeatureFunction.RungCount));
            }
            ChoiceModels.LadderIndices(c, shared, rung, go.Slice((r - from) * stride, stride));
        }
        ChoiceModels.Continuations(go);
        var engage = ctx.Scratch.AsSpan(from, count);
        for (var r = from; r < to; r++)
        {
            var c = ctx.C(r);
            var p = ctx.LadderP.AsSpan(r * Ladder.Levels, Ladder.Levels);
            ChoiceModels.LadderFromContinuations(go.Slice((r - from) * stride, stride), p);
            var level = ctx.Observed?.Level ?? ChoiceModels.DrawLevel(p, levelU[r]);
            s.Level[r] = level;

            var offer = (s.MessageDelivered[r] ? 1.0 : 0.0) + ctx.AidDelivered[r];
            var mediator = MediatorEngagement(ctx, r) * policy.MediatorCoordination;
            engage[r - from] = ChoiceModels.StanceUtility(c, s.TrustChallenger[r], s.Stress[r], offer, mediator, level, s.EngagedLast[r]);
        }
    }

    /// <summary>The mediator government's engagement score this month for run r (0 without a mediator).</summary>
    public static double MediatorEngagement(StepContext ctx, int r)
    {
        if (ctx.Spec.Mediator is null) return 0.0;
        var e = ctx.Month.MediatorEngagement;
        return double.IsNaN(e) ? ctx.State.MediatorSuccessorEngagement[r] : e;
    }
}
