using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class NegotiationModuleTests
{
    /// <summary>Contact → talks is certain when both sides are willing (logit 12 at zero trust).</summary>
    private static SimulationSpec TalksCertain => TestSpecs.Transition2021
        .WithParameter("negotiation.talks", 12)
        .WithParameter("negotiation.talks_trust", 0);

    /// <summary>Both sides willing, the level set, the phase held by hand; month 1 (the message is being sent).</summary>
    private static ModuleHarness Harness(SimulationSpec spec, Phase phase, string policy = TestSpecs.PrincipledDiplomacy, int runs = 1, bool messageDelivered = true)
    {
        var h = new ModuleHarness(spec, policy, runs, month: 1);
        h.ForAll(r =>
        {
            h.State.Phase[r] = phase;
            h.State.MessageDelivered[r] = messageDelivered;
            h.State.PrincipalWilling[r] = true;
            h.State.Engaged[r] = true;
            h.State.Level[r] = 0;
        });
        return h;
    }

    private static void Step(ModuleHarness h, int level = 0, int month = 1)
    {
        h.SetMonth(month);
        h.ForAll(r => h.State.Level[r] = level);
        h.Apply(new NegotiationModule());
    }

    [Theory]
    [InlineData(Phase.Talks)]
    [InlineData(Phase.Summit)]
    [InlineData(Phase.Framework)]
    public void Apply_ProvocationAtHoldThresholdAfterDeliveredConditionalMessage_PutsDiplomacyOnHold(Phase phase)
    {
        var h = Harness(TalksCertain.WithParameter("negotiation.no_zone_collapse", 0), phase);

        Step(h, level: 5);

        Assert.Equal(Phase.Contact, h.State.Phase[0]);
        Assert.Equal(6, h.State.HoldLeft[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.Hold));
    }

    [Fact]
    public void Apply_OnHold_NoAdvanceForHoldMonthsThenTalksResume()
    {
        var h = Harness(TalksCertain, Phase.Talks);
        Step(h, level: 5);

        for (var month = 1; month <= 6; month++)
        {
            Step(h);
            Assert.Equal(Phase.Contact, h.State.Phase[0]);
            Assert.Equal(6 - month, h.State.HoldLeft[0]);
        }

        Step(h);
        Assert.Equal(Phase.Talks, h.State.Phase[0]);
    }

    [Fact]
    public void Apply_ProvocationInContact_HoldsWithoutChangingPhase()
    {
        var h = Harness(TalksCertain, Phase.Contact);

        Step(h, level: 6);
        Assert.Equal(Phase.Contact, h.State.Phase[0]);
        Assert.Equal(6, h.State.HoldLeft[0]);

        Step(h);
        Assert.Equal(Phase.Contact, h.State.Phase[0]); // a certain move to talks is held back
    }

    [Fact]
    public void Apply_ProvocationBelowHoldThreshold_NoHold()
    {
        var h = Harness(TalksCertain.WithParameter("negotiation.no_zone_collapse", 0), Phase.Talks);

        Step(h, level: 4);

        Assert.Equal(Phase.Talks, h.State.Phase[0]);
        Assert.Equal(0, h.State.HoldLeft[0]);
        Assert.False(h.State.Events[0].HasFlag(MonthEvents.Hold));
    }

    [Fact]
    public void Apply_ProvocationBeforeMessageDelivered_NoHold()
    {
        var spec = TalksCertain.WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with { Message = p.Message! with { Channels = [] } });
        var h = Harness(spec, Phase.Contact, messageDelivered: false);

        Step(h, level: 5);

        Assert.False(h.State.MessageDelivered[0]);
        Assert.Equal(0, h.State.HoldLeft[0]);
        Assert.Equal(Phase.Talks, h.State.Phase[0]);
    }

    [Theory]
    [InlineData(TestSpecs.TopDownSummitry)]    // unconditional message
    [InlineData(TestSpecs.StrategicPatience)] // no message
    public void Apply_NoConditionalMessage_ProvocationDoesNotHold(string policy)
    {
        var h = Harness(TalksCertain.WithParameter("negotiation.summit_top_down", 0), Phase.Contact, policy);

        Step(h, level: 6);

        Assert.Equal(0, h.State.HoldLeft[0]);
        Assert.Equal(Phase.Talks, h.State.Phase[0]);
    }

    [Fact]
    public void Apply_NoZone_CollapsesSometimesAndNeverReachesFramework()
    {
        const int runs = 400;
        var spec = TestSpecs.Transition2021
            .WithParameter("negotiation.framework", 1.0)
            .WithParameter("negotiation.no_zone_collapse", 0.3)
            .WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with { Demand = 100 });
        var h = Harness(spec, Phase.Talks, runs: runs);
        Assert.True(NegotiationModule.Query(h.State, 0, h.C, h.Policy).ChallengerMaxScope < h.Policy.Demand, "no zone of agreement");

        Step(h);
        var collapsed = h.State.Phase.Count(p => p == Phase.Collapsed);
        var sd = Math.Sqrt(0.3 * 0.7 / runs);
        Assert.InRange((double)collapsed / runs, 0.3 - 4.5 * sd, 0.3 + 4.5 * sd);
        Assert.All(h.State.Phase, p => Assert.True(p is Phase.Talks or Phase.Collapsed, p.ToString()));

        for (var month = 2; month < 36; month++)
        {
            Step(h, month: month);
            Assert.All(h.State.Phase, p => Assert.True(p is not (Phase.Framework or Phase.Implementation), p.ToString()));
            Assert.All(h.State.Events, e => Assert.False(e.HasFlag(MonthEvents.Framework)));
        }
    }

    [Fact]
    public void Apply_GenerousZoneBothWilling_FrameworkThenImplementationWithReliefByStep()
    {
        var spec = TestSpecs.Transition2021
            .WithParameter("zone.base", 100)
            .WithParameter("negotiation.framework", 1.0)
            .WithParameter("negotiation.step_months", 1)
            .WithParameter("negotiation.defect_challenger", -12)
            .WithParameter("negotiation.defect_principal", -12);
        var h = Harness(spec, Phase.Talks);
        h.State.TrustChallenger[0] = 0;
        h.State.TrustPrincipal[0] = 0;
        var sanctions = new SanctionsModule();

        Step(h);
        Assert.Equal(Phase.Framework, h.State.Phase[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.Framework));
        Assert.Equal(70, h.State.TermsScope[0], 1e-12);  // halfway between the challenger's 100 and the demand of 40
        Assert.Equal(35, h.State.TermsRelief[0], 1e-12); // relief offer 50 × scope share 0.7
        Assert.Equal(0.7, h.State.FrameworkStrength[0], 1e-12);

        Step(h);
        Assert.Equal(Phase.Implementation, h.State.Phase[0]);
        Assert.Equal(0, h.State.StepsDone[0]);

        for (var step = 1; step <= 6; step++)
        {
            Step(h);
            h.Apply(sanctions);
            var done = Math.Min(step, 4);
            Assert.Equal(Phase.Implementation, h.State.Phase[0]);
            Assert.Equal(done, h.State.StepsDone[0]);
            Assert.Equal(0.35 * done / 4, h.State.Relief[0], 1e-15);
        }
    }

    [Fact]
    public void Apply_GenerousZoneButChallengerUnwilling_NoFramework()
    {
        var spec = TestSpecs.Transition2021.WithParameter("zone.base", 100).WithParameter("negotiation.framework", 1.0);
        var h = Harness(spec, Phase.Talks);
        h.State.Engaged[0] = false;

        Step(h);

        Assert.Equal(Phase.Talks, h.State.Phase[0]);
    }

    [Fact]
    public void Apply_Collapse_SetsCooldownThenReturnsToNoneAfterRestartMonths()
    {
        var spec = TestSpecs.Transition2021.WithParameter("negotiation.no_zone_collapse", 1.0).WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with { Demand = 100 });
        var h = Harness(spec, Phase.Talks);

        Step(h);
        Assert.Equal(Phase.Collapsed, h.State.Phase[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.Collapse));
        Assert.Equal(12, h.State.CooldownLeft[0]); // restart_months

        for (var month = 1; month < 12; month++)
        {
            Step(h);
            Assert.Equal(Phase.Collapsed, h.State.Phase[0]);
        }
        Step(h);
        Assert.Equal(Phase.None, h.State.Phase[0]);
    }

    [Fact]
    public void Apply_ProvocationDuringImplementation_ChallengerDefectsAndTalksCollapse()
    {
        var spec = TestSpecs.Transition2021.WithParameter("negotiation.defect_challenger", -12).WithParameter("negotiation.defect_principal", -12);
        var h = Harness(spec, Phase.Implementation);
        h.State.StepsDone[0] = 2;
        h.State.FrameworkStrength[0] = 0.7;

        Step(h, level: 5);

        Assert.Equal(Phase.Collapsed, h.State.Phase[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.Defection));
        Assert.Equal(0, h.State.StepsDone[0]);
        Assert.Equal(0.0, h.State.FrameworkStrength[0]);
    }

    [Fact]
    public void Apply_MessageThroughCertainChannel_DeliveredOnceWhenActive()
    {
        var spec = TestSpecs.Transition2021.WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with
        {
            Message = p.Message! with { Channels = [new Channel("certain", 1.0, ViaMediator: false)] },
        });
        var h = Harness(spec, Phase.None, messageDelivered: false);
        h.State.PrincipalWilling[0] = false;

        Step(h, month: 0); // the message starts in month 1
        Assert.False(h.State.MessageDelivered[0]);

        Step(h, month: 1);
        Assert.True(h.State.MessageDelivered[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.MessageDelivered));

        Step(h, month: 2);
        Assert.False(h.State.Events[0].HasFlag(MonthEvents.MessageDelivered));
    }

    [Fact]
    public void Apply_DeliveredMessageBothWilling_ContactCertain()
    {
        var h = Harness(TestSpecs.Transition2021, Phase.None, runs: 50);

        Step(h);

        Assert.All(h.State.Phase, p => Assert.Equal(Phase.Contact, p));
    }

    [Fact]
    public void Apply_ObservedPhase_OverridesMachine()
    {
        var h = Harness(TestSpecs.Transition2021, Phase.None);
        h.Context.Observed = new ObservedMonth { Phase = Phase.Summit };

        Step(h);

        Assert.Equal(Phase.Summit, h.State.Phase[0]);
        Assert.True(h.State.Events[0].HasFlag(MonthEvents.Summit));
    }

    [Fact]
    public void Query_ReservationPoints_FromStateAndPackage()
    {
        var h = Harness(TestSpecs.Transition2021, Phase.Talks);

        var q = NegotiationModule.Query(h.State, 0, h.C, h.Policy);

        // 20 + 30·0.75 + 20·(−0.3) + 0.2·50 − 20·0.7 = 32.5
        Assert.Equal(32.5, q.ChallengerMaxScope, 1e-12);
        Assert.Equal(40, q.PrincipalMinScope);
        Assert.Equal(50, q.ReliefOffered);
        Assert.Equal(40, q.NormalizationOffered);
    }
}

/// <summary>The phase machine's counts of runs that may take each draw (byte lanes) equal a plain count.</summary>
public sealed class NegotiationPhaseCountsTests
{
    [Fact]
    public void PhaseCounts_ByteLanes_EqualTheRunByRunCount()
    {
        var g = new Random(11);
        foreach (var runs in new[] { 1, 31, 32, 33, 64, 100, 256 })
        {
            for (var rep = 0; rep < 20; rep++)
            {
                var s = new SimState(runs, 0);
                for (var r = 0; r < runs; r++)
                {
                    s.Phase[r] = (Phase)g.Next(7);
                    s.PrincipalWilling[r] = g.Next(2) == 1;
                    s.Engaged[r] = g.Next(2) == 1;
                    s.MessageDelivered[r] = g.Next(2) == 1;
                }
                foreach (var sending in new[] { false, true })
                {
                    var expected = new NegotiationModule.PhaseCounts(
                        Enumerable.Range(0, runs).Count(r => s.Phase[r] is Phase.None or Phase.Contact && s.PrincipalWilling[r] && s.Engaged[r]),
                        Enumerable.Range(0, runs).Count(r => s.Phase[r] == Phase.Contact && s.PrincipalWilling[r] && s.Engaged[r]),
                        Enumerable.Range(0, runs).Count(r => s.Phase[r] is Phase.Talks or Phase.Summit),
                        Enumerable.Range(0, runs).Count(r => s.Phase[r] == Phase.Implementation),
                        sending ? Enumerable.Range(0, runs).Count(r => !s.MessageDelivered[r]) : 0);
                    Assert.Equal(expected, NegotiationModule.PhaseCounts.Of(s, sending));
                }
            }
        }
    }
}
