using Peninsula.Engine.Model;

namespace Peninsula.Engine.Modules;

/// <summary>
/// Named agreements and their continuity across a transition: an act at or above an agreement's restraint
/// level ends it; an agreement the principal's package does not honour lapses with a monthly hazard.
/// </summary>
public sealed class AgreementModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "agreements (Agreed Framework, Six-Party statements, Singapore) with continuity across a transition";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var n = s.AgreementCount;
        if (n == 0) return;
        var agreements = ctx.Spec.Agreements;
        var mask = ctx.Observed?.AgreementMask;
        for (var r = 0; r < s.Runs; r++)
        {
            if (mask is { } m)
            {
                for (var a = 0; a < n; a++)
                {
                    var now = a < 64 && (m >> a & 1UL) != 0;
                    if (s.AgreementInForce[r * n + a] && !now) s.Events[r] |= MonthEvents.AgreementLapsed;
                    s.AgreementInForce[r * n + a] = now;
                }
                continue;
            }
            var c = ctx.C(r);
            for (var a = 0; a < n; a++)
            {
                var i = r * n + a;
                if (!s.AgreementInForce[i]) continue;
                var violated = s.Level[r] >= agreements[a].RestrainsFromLevel;
                var honoured = ctx.Honored[a] && !ctx.Month.PrincipalUsesSuccessor;
                // Draw every month so the key sequence does not depend on the branch taken.
                var lapse = ctx.Uniform(r, Decisions.AgreementLapseBase + a) < c.AgreementLapse;
                if (violated || (!honoured && lapse))
                {
                    s.AgreementInForce[i] = false;
                    s.Events[r] |= MonthEvents.AgreementLapsed;
                }
            }
        }
    }
}
