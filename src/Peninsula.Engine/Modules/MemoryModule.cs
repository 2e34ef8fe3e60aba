using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

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
        var r = 0;
        while (r < s.Runs)
        {
            if (FourOfOneDraw(s, r))
            {
                Update(ctx, r, Width);
                r += Width;
            }
            else
            {
                Update(ctx, r++, 1);
            }
        }
        s.Level.AsSpan(0, s.Runs).CopyTo(s.LastLevel);
        s.Engaged.AsSpan(0, s.Runs).CopyTo(s.EngagedLast);
    }

    /// <summary>Recent activity of runs r…r+n−1 (n = 4 of one draw, or 1): R ← δ·R + (1 − δ)·[level ≥ 3].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(StepContext ctx, int r, int n)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var active = Vector256.GreaterThanOrEqual(LoadInts(s.Level, r, n), Vector256.Create(3.0)) & Vector256<double>.One;
        Store(s.Recent, r, n, All(c.LadderRecentDecay) * Load(s.Recent, r, n) + All(1.0 - c.LadderRecentDecay) * active);
    }
}
