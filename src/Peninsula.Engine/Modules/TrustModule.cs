using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Model;
using static Peninsula.Engine.Model.RunLanes;

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

    /// <summary>
    /// Runs r…r+n−1 (n = 4 of one draw, or 1) in vector lanes, per run:
    /// T_c ← clamp(ρ·T_c + [message]·m + a·aid + [talking]·k + [summit]·u − e·exercise − s·(new UN + unilateral layers), −1, 1);
    /// T_p ← clamp(ρ·T_p − v·max(0, level − 2) + [level ≤ 2 and in contact]·w, −1, 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(StepContext ctx, int r, int n)
    {
        var s = ctx.State;
        var c = ctx.C(r);
        var ev = s.Events;
        var phase = s.Phase;
        var dc = OrZero(HasEvent(ev, r, n, MonthEvents.MessageDelivered), c.TrustMessage)
            + All(c.TrustAid) * Load(ctx.AidDelivered, r, n)
            + OrZero(PhaseIn(phase, r, n, Phase.Talks, Phase.Implementation), c.TrustTalks)
            + OrZero(HasEvent(ev, r, n, MonthEvents.Summit), c.TrustSummit)
            - All(c.TrustExercise) * Load(ctx.Exercise, r, n)
            - All(c.TrustSanctions) * (Load(ctx.NewUnLayers, r, n) + Load(ctx.NewUniLayers, r, n));
        var retention = All(c.TrustRetention);
        Store(s.TrustChallenger, r, n, Clamp(retention * Load(s.TrustChallenger, r, n) + dc, -1.0, 1.0));

        // max(0, level − 2) is exact in doubles; restrained: level ≤ 2 in contact (phase neither none nor collapsed).
        var level = LoadInts(s.Level, r, n);
        var above = Vector256.Max(level - Vector256.Create(2.0), Vector256<double>.Zero);
        var restrained = Vector256.LessThanOrEqual(level, Vector256.Create(2.0)) & PhaseIn(phase, r, n, Phase.Contact, Phase.Implementation);
        var dp = All(-c.TrustProvocation) * above + OrZero(restrained, c.TrustRestraint);
        Store(s.TrustPrincipal, r, n, Clamp(retention * Load(s.TrustPrincipal, r, n) + dp, -1.0, 1.0));
    }
}
