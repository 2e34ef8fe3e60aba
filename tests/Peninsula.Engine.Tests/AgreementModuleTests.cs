using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class AgreementModuleTests
{
    private const int Runs = 100;

    private static ModuleHarness Harness(string policy, double lapse = 0.1)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("agreement.lapse", lapse), policy, Runs);
        Assert.All(h.State.AgreementInForce, Assert.True); // singapore is in force at the start
        return h;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Apply_ActAtRestraintLevel_EndsAgreementEvenIfHonoured(int level)
    {
        var h = Harness(TestSpecs.PrincipledDiplomacy, lapse: 0);
        h.ForAll(r => h.State.Level[r] = level);

        h.Apply(new AgreementModule());

        Assert.All(h.State.AgreementInForce, Assert.False);
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.AgreementLapsed, e));
    }

    [Fact]
    public void Apply_ActBelowRestraintLevel_AgreementStays()
    {
        var h = Harness(TestSpecs.PrincipledDiplomacy, lapse: 0);
        h.ForAll(r => h.State.Level[r] = 4);

        h.Apply(new AgreementModule());

        Assert.All(h.State.AgreementInForce, Assert.True);
    }

    [Fact]
    public void Apply_HonouredAgreementCertainLapseHazard_NeverLapses()
    {
        var h = Harness(TestSpecs.PrincipledDiplomacy, lapse: 1.0);

        for (var t = 0; t < 48; t++)
        {
            h.SetMonth(t);
            h.Apply(new AgreementModule());
        }

        Assert.All(h.State.AgreementInForce, Assert.True);
    }

    [Fact]
    public void Apply_UnhonouredAgreementCertainLapseHazard_LapsesAtOnce()
    {
        var h = Harness(TestSpecs.StrategicPatience, lapse: 1.0);

        h.Apply(new AgreementModule());

        Assert.All(h.State.AgreementInForce, Assert.False);
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.AgreementLapsed, e));
    }

    [Fact]
    public void Apply_HonouredButPrincipalSuccessorGoverns_LapsesByHazard()
    {
        var h = Harness(TestSpecs.PrincipledDiplomacy, lapse: 1.0);
        h.Context.Month = h.Context.Month with { PrincipalUsesSuccessor = true };

        h.Apply(new AgreementModule());

        Assert.All(h.State.AgreementInForce, Assert.False);
    }

    [Fact]
    public void Apply_UnhonouredAgreementDefaultHazard_LapsesAtAboutThatRate()
    {
        const int runs = 4000;
        var h = new ModuleHarness(TestSpecs.Transition2021, TestSpecs.StrategicPatience, runs, seed: 9);

        h.Apply(new AgreementModule());

        var lapsed = h.State.AgreementInForce.Count(x => !x);
        var sd = Math.Sqrt(0.1 * 0.9 / runs);
        Assert.InRange((double)lapsed / runs, 0.1 - 4.5 * sd, 0.1 + 4.5 * sd);
    }
}
