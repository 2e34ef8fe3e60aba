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
        var month = ctx.Month;
        // A uniform is never below 0: with no chance of a disaster this month the draws would decide nothing.
        var draw = obs?.Disaster is null && month.DisasterProbability > 0;
        var disasterU = draw ? ctx.Uniforms(Decisions.Disaster) : default;
        var blocked = 1.0 - ctx.Spec.Exogenous.AidBlockedWhenClosed;
        // The month's observations read once, not per run (a nullable of a large struct is copied at every read).
        var (observedBorder, observedDisaster, observedAid) = (obs?.BorderClosed, obs?.Disaster, obs?.AidDelivered);
        for (var r = 0; r < s.Runs; r++)
        {
            ctx.BorderClosed[r] = observedBorder ?? month.Offset < s.BorderClosedMonths[r];
            var disaster = observedDisaster ?? (draw && disasterU[r] < month.DisasterProbability);
            s.Events[r] = disaster ? MonthEvents.Disaster : MonthEvents.None;
            var aid = observedAid ?? month.AidLevel * (ctx.BorderClosed[r] ? blocked : 1.0);
            ctx.AidDelivered[r] = aid;
            ctx.NewUnLayers[r] = 0;
            ctx.NewUniLayers[r] = 0;
        }
    }
}
