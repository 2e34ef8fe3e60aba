using Peninsula.Engine.Model;

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
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var target = c.EconomyBase + c.EconomyPressure * s.Pressure[r]
                + (ctx.BorderClosed[r] ? c.EconomyBorder : 0.0)
                + ((s.Events[r] & MonthEvents.Disaster) != 0 ? c.EconomyDisaster : 0.0)
                - c.EconomyAid * ctx.AidDelivered[r];
            target = Math.Clamp(target, 0.0, 1.0);
            s.Stress[r] = c.EconomyRetention * s.Stress[r] + (1.0 - c.EconomyRetention) * target;
        }
    }
}
