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
        var successor = ctx.Month.PrincipalUsesSuccessor;
        if (mask is { } m)
        {
            for (var r = 0; r < s.Runs; r++)
            {
                for (var a = 0; a < n; a++)
                {
                    var now = a < 64 && (m >> a & 1UL) != 0;
                    if (s.AgreementInForce[r * n + a] && !now) s.Events[r] |= MonthEvents.AgreementLapsed;
                    s.AgreementInForce[r * n + a] = now;
                }
            }
            return;
        }
        // One agreement at a time (runs and agreements are independent here): the lapse is drawn only where it decides
        // something (in force, not violated, not honoured), block-wide when a quarter of the block needs it.
        for (var a = 0; a < n; a++)
        {
            var from = agreements[a].RestrainsFromLevel;
            var honoured = ctx.Honored[a] && !successor;
            var drawn = 0;
            if (!honoured)
            {
                for (var r = 0; r < s.Runs; r++) drawn += s.AgreementInForce[r * n + a] && s.Level[r] < from ? 1 : 0;
            }
            var lapseU = ctx.Draws(Decisions.AgreementLapseBase + a, drawn);
            for (var r = 0; r < s.Runs; r++)
            {
                var i = r * n + a;
                if (!s.AgreementInForce[i]) continue;
                var violated = s.Level[r] >= from;
                if (violated || (!honoured && lapseU[r] < ctx.C(r).AgreementLapse))
                {
                    s.AgreementInForce[i] = false;
                    s.Events[r] |= MonthEvents.AgreementLapsed;
                }
            }
        }
    }
}
