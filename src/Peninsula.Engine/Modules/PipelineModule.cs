using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// Weapons-development pipeline and capability: new systems are displayed at a monthly rate; an act at
/// level ≥ 4 flight-tests a displayed system with some probability; tests close part of the capability gap.
/// </summary>
public sealed class PipelineModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "weapons-development pipeline (displayed-untested systems); capability";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var displayU = ctx.Observed?.PipelineDisplays is null ? ctx.Uniforms(Decisions.PipelineDisplay) : default;
        // At most the runs acting at level ≥ 4 test a system this month: their draws are made block-wide when they are many.
        var consumeU = ctx.Draws(Decisions.PipelineConsume, ctx.Observed?.PipelineTested is null ? s.RunsAtOrAbove(4) : 0);
        // The month's observations read once, not per run (a nullable of a large struct is copied at every read).
        var (observedDisplays, observedTested) = (ctx.Observed?.PipelineDisplays, ctx.Observed?.PipelineTested);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var displayed = observedDisplays ?? (displayU[r] < c.PipelineDisplayRate ? 1 : 0);
            if (displayed > 0)
            {
                s.Pipeline[r] += displayed;
                s.Events[r] |= MonthEvents.SystemDisplayed;
            }
            var level = s.Level[r];
            if (level >= 4)
            {
                // Drawn only where it decides something (a level ≥ 4 act with a system in the pipeline): a run's draw
                // is keyed by its coordinates, so skipping it elsewhere changes no other draw.
                if (s.Pipeline[r] > 0 && (observedTested ?? consumeU[r] < c.PipelineConsume))
                {
                    s.Pipeline[r]--;
                    s.Events[r] |= MonthEvents.SystemTested;
                }
                s.Capability[r] += c.CapabilityGain * (1.0 - s.Capability[r]);
                if (level >= Ladder.Top) s.Capability[r] += c.CapabilityNuclearGain * (1.0 - s.Capability[r]);
            }
        }
    }
}
