using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class MoratoriumModuleTests
{
    private const int Runs = 200;

    /// <summary>Moratorium in force, neutral trust, no stall; the hazard of ending is at its lowest (σ(−12) ≈ 6e-6).</summary>
    private static ModuleHarness InForce(int level, double endIntercept = -12)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("moratorium.end_intercept", endIntercept), runs: Runs);
        h.ForAll(r =>
        {
            h.State.Moratorium[r] = true;
            h.State.Level[r] = level;
            h.State.TrustChallenger[r] = 0;
            h.State.MonthsSinceProgress[r] = 0;
        });
        return h;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Apply_CoveredAct_EndsMoratorium(int level)
    {
        var h = InForce(level);

        h.Apply(new MoratoriumModule());

        Assert.All(h.State.Moratorium, Assert.False);
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.MoratoriumEnded, e));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Apply_UncoveredActNegligibleHazard_MoratoriumHolds(int level)
    {
        var h = InForce(level);

        h.Apply(new MoratoriumModule());

        Assert.All(h.State.Moratorium, Assert.True);
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.None, e));
    }

    [Fact]
    public void Apply_CertainHazard_EndsWithoutAnAct()
    {
        var h = InForce(0, endIntercept: 12);

        h.Apply(new MoratoriumModule());

        Assert.All(h.State.Moratorium, Assert.False);
    }

    [Fact]
    public void Apply_TalkingEngagedRestrainedAndCertainDeclaration_Declares()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("moratorium.declare_intercept", 12), runs: Runs);
        h.ForAll(r =>
        {
            h.State.Phase[r] = r % 2 == 0 ? Phase.Talks : Phase.Contact;
            h.State.Engaged[r] = true;
            h.State.Level[r] = 3;
        });

        h.Apply(new MoratoriumModule());

        for (var r = 0; r < Runs; r++)
        {
            Assert.Equal(r % 2 == 0, h.State.Moratorium[r]); // only while talking
            Assert.Equal(r % 2 == 0 ? MonthEvents.MoratoriumDeclared : MonthEvents.None, h.State.Events[r]);
        }
    }

    [Fact]
    public void Apply_ObservedMoratorium_OverridesDraw()
    {
        var h = InForce(0);
        h.Context.Observed = new ObservedMonth { Moratorium = false };

        h.Apply(new MoratoriumModule());

        Assert.All(h.State.Moratorium, Assert.False);
    }
}
