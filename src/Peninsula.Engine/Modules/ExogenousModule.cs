using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>Border closure and natural disasters, drawn from their stated distributions (or observed).</summary>
public sealed class ExogenousModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "DPRK goals (economic need: COVID-19 border closure, disasters)";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var obs = ctx.Observed;
        var disasterU = obs?.Disaster is null ? ctx.Uniforms(Decisions.Disaster) : default;
        for (var r = 0; r < s.Runs; r++)
        {
            ctx.BorderClosed[r] = obs?.BorderClosed ?? ctx.T < s.BorderClosedMonths[r];
            var disaster = obs?.Disaster ?? disasterU[r] < ctx.Month.DisasterProbability;
            s.Events[r] = disaster ? MonthEvents.Disaster : MonthEvents.None;
            var aid = obs?.AidDelivered ?? ctx.Month.AidLevel * (ctx.BorderClosed[r] ? 1.0 - ctx.Spec.Exogenous.AidBlockedWhenClosed : 1.0);
            ctx.AidDelivered[r] = aid;
            ctx.NewUnLayers[r] = 0;
            ctx.NewUniLayers[r] = 0;
        }
    }
}
