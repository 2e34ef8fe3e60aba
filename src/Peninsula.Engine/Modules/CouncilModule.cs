using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// The council takes up a resolution after an act at or above the trigger level; each veto player votes by
/// logit on severity and its relations with the principal. Passed: council layers. Vetoed: each sanctioner
/// adds unilateral layers instead.
/// </summary>
public sealed class CouncilModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "consequences of provocation (UN sanctions unless China/Russia veto); China, Russia as veto players";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var spec = ctx.Spec;
        var everyRun = ctx.Observed?.UnResolution == true || ctx.Observed?.Veto == true;
        var voters = everyRun ? s.Runs : s.RunsAtOrAbove(spec.UnTriggerLevel);
        var (observedVeto, observedResolution) = (ctx.Observed?.Veto, ctx.Observed?.UnResolution); // read once, not per run
        for (var r = 0; r < s.Runs; r++)
        {
            var level = s.Level[r];
            if (level < spec.UnTriggerLevel && !everyRun) continue;
            var c = ctx.C(r);
            var vetoed = false;
            var veto = ctx.OddsOf(r).Veto;
            var voteLevel = Math.Max(level, spec.UnTriggerLevel);
            for (var v = 0; v < spec.Roles.VetoPlayers.Length; v++)
            {
                // Every veto player draws, so the draws made do not depend on who voted first.
                // (Block-wide when at least a quarter of the block votes; the same values either way.)
                if (ctx.Draws(Decisions.VetoBase + v, voters)[r] < veto[v * Core.Ladder.Levels + voteLevel]) vetoed = true;
            }
            ctx.LogitDecisions += spec.Roles.VetoPlayers.Length;
            if (observedVeto is { } ov) vetoed = ov;
            else if (observedResolution is { } ou) vetoed = !ou;
            if (vetoed)
            {
                s.Events[r] |= MonthEvents.Veto;
                ctx.NewUniLayers[r] += c.SanctionsVetoUnilateral * ctx.SanctionerCount;
            }
            else
            {
                s.Events[r] |= MonthEvents.UnResolution;
                ctx.NewUnLayers[r] += FeatureFunction.UnLayersAdded(c, level);
            }
        }
    }
}
