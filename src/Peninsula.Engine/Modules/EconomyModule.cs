using System.Runtime.CompilerServices;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

namespace Peninsula.Engine.Modules;

/// <summary>
/// Economic stress relaxes toward a target set by sanctions pressure, a closed border, disasters and aid:
/// s ← ρ·s + (1 − ρ)·clamp(b + p·Π + c·closed + d·disaster − a·aid, 0, 1).
/// </summary>
public sealed class EconomyModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "DPRK goals (economic need: COVID-19, disasters, sanctions)";

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
    }

    /// <summary>Runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes (<see cref="RunLanes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(StepContext ctx, int r, int n)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var target = All(c.EconomyBase) + All(c.EconomyPressure) * Load(s.Pressure, r, n)
            + OrZero(IsSet(ctx.BorderClosed, r, n), c.EconomyBorder)
            + OrZero(HasEvent(s.Events, r, n, MonthEvents.Disaster), c.EconomyDisaster)
            - All(c.EconomyAid) * Load(ctx.AidDelivered, r, n);
        target = Clamp(target, 0.0, 1.0);
        Store(s.Stress, r, n, All(c.EconomyRetention) * Load(s.Stress, r, n) + All(1.0 - c.EconomyRetention) * target);
    }
}
