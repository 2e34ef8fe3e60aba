using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Modules;

/// <summary>
/// The negotiation phase machine: none → contact → talks → summit → framework → implementation, or
/// collapsed. Both sides must be willing in a month for a phase to advance. A provocation at or above the
/// hold threshold after a conditional message has been delivered puts diplomacy on hold. Frameworks need a
/// zone of agreement (asked of <see cref="IAgreementZone"/>); implementation proceeds in reciprocal steps,
/// with defection possible at each.
/// </summary>
public sealed class NegotiationModule : IMechanism
{
    /// <inheritdoc />
    public string Serves => "signals (conditional message, channels); working-level talks vs summits; arms control vs complete denuclearization; step-by-step process";

    /// <inheritdoc />
    public void Apply(StepContext ctx)
    {
        var s = ctx.State;
        var policy = ctx.Policy;
        var message = ctx.Month.MessageActive ? policy.Message : null;
        // The draws most runs of a phase take this month, block-wide when at least a quarter of the block may take them.
        var counts = ctx.Observed?.Phase is null ? PhaseCounts.Of(s, message is not null) : default;
        var (approaching, contact, talking, implementing, undelivered) =
            (counts.Approaching, counts.Contact, counts.Talking, counts.Implementing, counts.Undelivered);
        // Summits are drawn from contact (top-down) and from talks (bottom-up); frameworks from talks and summits.
        var draws = new PhaseDraws(
            ctx.Draws(Decisions.Contact, approaching), ctx.Draws(Decisions.Talks, approaching), ctx.Draws(Decisions.NoZoneCollapse, talking),
            ctx.Draws(Decisions.Summit, contact + talking), ctx.Draws(Decisions.Framework, talking),
            ctx.Draws(Decisions.DefectChallenger, implementing), ctx.Draws(Decisions.DefectPrincipal, implementing));
        var delivery = ctx.Draws(Decisions.MessageDelivery, undelivered);
        var observedPhase = ctx.Observed?.Phase; // read once, not per run
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            if (message is not null && !s.MessageDelivered[r]) DeliverMessage(ctx, r, message, delivery[r]);
            var before = s.Phase[r];
            var after = observedPhase ?? Advance(ctx, r, c, policy, draws);
            if (after != before)
            {
                Enter(s, r, after, c, policy);
            }
            else
            {
                s.PhaseMonths[r]++;
                s.MonthsSinceProgress[r]++;
            }
        }
    }

    /// <summary>Tries to deliver the package's message (being sent this month) to run r, which has not received it yet.</summary>
    private static void DeliverMessage(StepContext ctx, int r, MessageLever msg, double u)
    {
        var s = ctx.State;
        var miss = 1.0;
        foreach (var ch in msg.Channels)
        {
            var eff = ch.Effectiveness;
            if (ch.ViaMediator) eff *= ChallengerModule.MediatorEngagement(ctx, r) * (0.5 + 0.5 * ctx.Policy.MediatorCoordination);
            miss *= 1.0 - eff;
        }
        if (u < 1.0 - miss)
        {
            s.MessageDelivered[r] = true;
            s.Events[r] |= MonthEvents.MessageDelivered;
        }
    }

    /// <summary>How many runs of the block may take each of the phase machine's draws this month.</summary>
    internal readonly record struct PhaseCounts(int Approaching, int Contact, int Talking, int Implementing, int Undelivered)
    {
        /// <summary>
        /// Counts the block's runs: approaching (no contact or contact, both sides willing), in contact with both willing,
        /// in talks or at a summit, implementing, and without the message (when one is being sent). Thirty-two runs at a
        /// time in byte lanes (phases and flags are bytes), the rest one by one.
        /// </summary>
        public static PhaseCounts Of(SimState s, bool sending)
        {
            var n = s.Runs;
            var phase = MemoryMarshal.Cast<Phase, byte>(s.Phase.AsSpan(0, n));
            var willing = MemoryMarshal.Cast<bool, byte>(s.PrincipalWilling.AsSpan(0, n));
            var engaged = MemoryMarshal.Cast<bool, byte>(s.Engaged.AsSpan(0, n));
            var delivered = MemoryMarshal.Cast<bool, byte>(s.MessageDelivered.AsSpan(0, n));
            int approaching = 0, contact = 0, talking = 0, implementing = 0, undelivered = 0;
            var r = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var one = Vector256<byte>.One;
                for (; r + 32 <= n; r += 32)
                {
                    var p = Vector256.Create<byte>(phase.Slice(r, 32));
                    var both = Vector256.Equals(Vector256.Create<byte>(willing.Slice(r, 32)) & Vector256.Create<byte>(engaged.Slice(r, 32)), one);
                    approaching += Count(Vector256.LessThanOrEqual(p, one) & both);
                    contact += Count(Vector256.Equals(p, one) & both);
                    talking += Count(Vector256.LessThanOrEqual(p - Vector256.Create((byte)Phase.Talks), one)); // talks or summit
                    implementing += Count(Vector256.Equals(p, Vector256.Create((byte)Phase.Implementation)));
                    if (sending) undelivered += Count(Vector256.Equals(Vector256.Create<byte>(delivered.Slice(r, 32)), Vector256<byte>.Zero));
                }
            }
            for (; r < n; r++)
            {
                var p = (Phase)phase[r];
                var both = willing[r] != 0 && engaged[r] != 0;
                approaching += p is Phase.None or Phase.Contact && both ? 1 : 0;
                contact += p == Phase.Contact && both ? 1 : 0;
                talking += p is Phase.Talks or Phase.Summit ? 1 : 0;
                implementing += p == Phase.Implementation ? 1 : 0;
                undelivered += sending && delivered[r] == 0 ? 1 : 0;
            }
            return new PhaseCounts(approaching, contact, talking, implementing, undelivered);
        }

        private static int Count(Vector256<byte> mask) => BitOperations.PopCount(mask.ExtractMostSignificantBits());
    }

    /// <summary>Draws of the phase machine's most frequent decisions (see <see cref="StepContext.Draws"/>).</summary>
    private readonly ref struct PhaseDraws(
        StepContext.DecisionDraws contact, StepContext.DecisionDraws talks, StepContext.DecisionDraws noZoneCollapse,
        StepContext.DecisionDraws summit, StepContext.DecisionDraws framework, StepContext.DecisionDraws defectChallenger,
        StepContext.DecisionDraws defectPrincipal)
    {
        public readonly StepContext.DecisionDraws Contact = contact;
        public readonly StepContext.DecisionDraws Talks = talks;
        public readonly StepContext.DecisionDraws NoZoneCollapse = noZoneCollapse;
        public readonly StepContext.DecisionDraws Summit = summit;
        public readonly StepContext.DecisionDraws Framework = framework;
        public readonly StepContext.DecisionDraws DefectChallenger = defectChallenger;
        public readonly StepContext.DecisionDraws DefectPrincipal = defectPrincipal;
    }

    private static Phase Advance(StepContext ctx, int r, Coefficients c, PolicyPackage policy, in PhaseDraws draws)
    {
        var s = ctx.State;
        var phase = s.Phase[r];
        var level = s.Level[r];
        var both = s.PrincipalWilling[r] && s.Engaged[r];
        var provocation = level >= policy.HoldThreshold;

        if (phase == Phase.Collapsed)
        {
            if (--s.CooldownLeft[r] > 0) return phase;
            return Phase.None;
        }
        if (phase == Phase.Implementation)
        {
            var defectC = provocation || draws.DefectChallenger[r] < DetMath.Logistic(c.NegotiationDefectChallenger - c.NegotiationDefectTrust * s.TrustChallenger[r]);
            var defectP = draws.DefectPrincipal[r] < DetMath.Logistic(c.NegotiationDefectPrincipal - c.NegotiationDefectTrust * s.TrustPrincipal[r]);
            ctx.LogitDecisions += provocation ? 1 : 2;
            if (defectC || defectP)
            {
                s.Events[r] |= MonthEvents.Defection;
                return Phase.Collapsed;
            }
            var stepMonths = Math.Max(1, (int)Math.Round(c.NegotiationStepMonths));
            if (s.StepsDone[r] < ctx.Spec.ImplementationSteps && (s.PhaseMonths[r] + 1) % stepMonths == 0)
            {
                s.StepsDone[r]++;
                s.MonthsSinceProgress[r] = -1; // reset to 0 by the month's increment
            }
            return phase;
        }
        if (provocation && s.MessageDelivered[r] && policy.Message is { Conditional: true } && phase != Phase.None)
        {
            s.HoldLeft[r] = policy.HoldMonths;
            s.Events[r] |= MonthEvents.Hold;
            return phase is Phase.Talks or Phase.Summit or Phase.Framework ? Phase.Contact : phase;
        }
        if (s.HoldLeft[r] > 0)
        {
            s.HoldLeft[r]--;
            return phase;
        }

        switch (phase)
        {
            case Phase.None:
                if (!both) return phase;
                var pContact = s.MessageDelivered[r] ? 1.0 : c.NegotiationContactBase;
                return draws.Contact[r] < pContact ? Phase.Contact : phase;

            case Phase.Contact:
                if (!both) return phase;
                if (policy.Format == TalksFormat.TopDown &&
                    draws.Summit[r] < c.NegotiationSummitTopDown * s.Attention[r])
                {
                    return Phase.Summit;
                }
                ctx.LogitDecisions++;
                return draws.Talks[r] < DetMath.Logistic(c.NegotiationTalks + c.NegotiationTalksTrust * s.TrustChallenger[r])
                    ? Phase.Talks : phase;

            case Phase.Talks:
            case Phase.Summit:
            {
                var zone = ctx.Zone.TryFind(Query(s, r, c, policy), out var terms);
                if (!zone)
                {
                    return draws.NoZoneCollapse[r] < c.NegotiationNoZoneCollapse ? Phase.Collapsed : phase;
                }
                if (!both) return phase;
                if (draws.Framework[r] < c.NegotiationFramework)
                {
                    s.TermsScope[r] = terms.Scope;
                    s.TermsRelief[r] = terms.Relief;
                    return Phase.Framework;
                }
                if (phase == Phase.Talks && policy.Format == TalksFormat.BottomUp &&
                    s.PhaseMonths[r] >= c.NegotiationGroundworkMonths &&
                    draws.Summit[r] < c.NegotiationSummitBottomUp)
                {
                    return Phase.Summit;
                }
                return phase;
            }

            case Phase.Framework:
                return both ? Phase.Implementation : phase;

            default:
                return phase;
        }
    }

    private static void Enter(SimState s, int r, Phase next, Coefficients c, PolicyPackage policy)
    {
        var previous = s.Phase[r];
        s.Phase[r] = next;
        s.PhaseMonths[r] = 0;
        if (next > previous && next != Phase.Collapsed) s.MonthsSinceProgress[r] = 0;
        else s.MonthsSinceProgress[r]++;
        switch (next)
        {
            case Phase.Talks:
                s.Events[r] |= MonthEvents.Talks;
                break;
            case Phase.Summit:
                s.Events[r] |= MonthEvents.Summit;
                break;
            case Phase.Framework:
                s.Events[r] |= MonthEvents.Framework;
                s.FrameworkStrength[r] = s.TermsScope[r] / 100.0 * (policy.Format == TalksFormat.TopDown ? c.NegotiationTopDownStrength : 1.0);
                break;
            case Phase.Implementation:
                s.StepsDone[r] = 0;
                break;
            case Phase.Collapsed:
                s.Events[r] |= MonthEvents.Collapse;
                s.CooldownLeft[r] = Math.Max(1, (int)Math.Round(c.NegotiationRestartMonths));
                s.FrameworkStrength[r] = 0;
                s.StepsDone[r] = 0;
                s.HoldLeft[r] = 0;
                break;
            case Phase.None:
                break;
        }
    }

    /// <summary>Both sides' current reservation points (DESIGN section 5).</summary>
    public static ZoneQuery Query(SimState s, int r, Coefficients c, PolicyPackage policy)
    {
        var max = c.ZoneBase + c.ZoneNeed * s.Stress[r] + c.ZoneTrust * s.TrustChallenger[r]
            + c.ZoneRelief * policy.ReliefOffer + c.ZoneCapability * s.Capability[r];
        return new ZoneQuery(Math.Clamp(max, 0, 100), policy.Demand, policy.ReliefOffer, policy.NormalizationOffer);
    }
}
