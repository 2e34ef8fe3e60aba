using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// Trust both ways, each decaying toward zero. The challenger's trust rises with a delivered message, aid,
/// talks and summits, and falls with exercises and new sanctions; the principal's falls with each level
/// above 2 and rises with restrained months while in contact.
/// </summary>
public sealed class TrustModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "signals (aid as goodwill; message); joint exercises as the most-cited grievance";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var ev = s.Events[r];
            var phase = s.Phase[r];
            var dc = ((ev & MonthEvents.MessageDelivered) != 0 ? c.TrustMessage : 0.0)
                + c.TrustAid * ctx.AidDelivered[r]
                + (FeatureFunction.IsTalking(phase) ? c.TrustTalks : 0.0)
                + ((ev & MonthEvents.Summit) != 0 ? c.TrustSummit : 0.0)
                - c.TrustExercise * ctx.Exercise[r]
                - c.TrustSanctions * (ctx.NewUnLayers[r] + ctx.NewUniLayers[r]);
            s.TrustChallenger[r] = Math.Clamp(c.TrustRetention * s.TrustChallenger[r] + dc, -1.0, 1.0);

            var level = s.Level[r];
            var inContact = phase is not (Phase.None or Phase.Collapsed);
            var dp = -c.TrustProvocation * Math.Max(0, level - 2) + (level <= 2 && inContact ? c.TrustRestraint : 0.0);
            s.TrustPrincipal[r] = Math.Clamp(c.TrustRetention * s.TrustPrincipal[r] + dp, -1.0, 1.0);
        }
    }
}
