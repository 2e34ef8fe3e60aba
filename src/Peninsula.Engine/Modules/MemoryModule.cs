using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>Carries this month's choices into next month's persistence features.</summary>
public sealed class MemoryModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "escalation ladder (persistence of activity)";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            s.Recent[r] = c.LadderRecentDecay * s.Recent[r] + (1.0 - c.LadderRecentDecay) * (s.Level[r] >= 3 ? 1.0 : 0.0);
            s.LastLevel[r] = s.Level[r];
            s.EngagedLast[r] = s.Engaged[r];
        }
    }
}
