using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class CouncilModuleTests
{
    private const int Runs = 300;

    private static ModuleHarness Harness(double vetoIntercept, int level)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("veto.intercept", vetoIntercept), runs: Runs);
        h.ForAll(r => h.State.Level[r] = level);
        return h;
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Apply_VetoInterceptPlus12_EveryActVetoedAndUnilateralLayersGrowPerSanctioner(int level)
    {
        var h = Harness(12, level);

        h.Apply(new CouncilModule());

        for (var r = 0; r < Runs; r++)
        {
            Assert.Equal(MonthEvents.Veto, h.State.Events[r]);
            Assert.Equal(0.5 * 3, h.Context.NewUniLayers[r], 1e-15); // veto_unilateral × three sanctioners
            Assert.Equal(0.0, h.Context.NewUnLayers[r]);
        }
    }

    [Theory]
    [InlineData(5, 1.0)]
    [InlineData(6, 1.5)] // un_layer × nuclear multiplier
    public void Apply_VetoInterceptMinus12_ResolutionPassesAndCouncilLayersGrow(int level, double layers)
    {
        var h = Harness(-12, level);

        h.Apply(new CouncilModule());

        for (var r = 0; r < Runs; r++)
        {
            Assert.Equal(MonthEvents.UnResolution, h.State.Events[r]);
            Assert.Equal(layers, h.Context.NewUnLayers[r], 1e-15);
            Assert.Equal(0.0, h.Context.NewUniLayers[r]);
        }
    }

    [Theory]
    [InlineData(-12, 0)]
    [InlineData(-12, 4)]
    [InlineData(12, 3)]
    [InlineData(12, 4)]
    public void Apply_BelowTriggerLevel_NothingHappens(double vetoIntercept, int level)
    {
        var h = Harness(vetoIntercept, level);

        h.Apply(new CouncilModule());

        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.None, e));
        Assert.All(h.Context.NewUnLayers, x => Assert.Equal(0.0, x));
        Assert.All(h.Context.NewUniLayers, x => Assert.Equal(0.0, x));
    }

    [Fact]
    public void Apply_CentralValuesLevel5_VetoShareMatchesModel()
    {
        const int runs = 4000;
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: runs, seed: 3);
        h.ForAll(r => h.State.Level[r] = 5);
        var expected = 1 - ChoiceModels.PassProbability(h.C, h.Spec, 5);

        h.Apply(new CouncilModule());

        var vetoes = h.State.Events.Count(e => e == MonthEvents.Veto);
        var passes = h.State.Events.Count(e => e == MonthEvents.UnResolution);
        Assert.Equal(runs, vetoes + passes);
        var sd = Math.Sqrt(expected * (1 - expected) / runs);
        Assert.InRange((double)vetoes / runs, expected - 4.5 * sd, expected + 4.5 * sd);
    }

    [Fact]
    public void Apply_ObservedResolutionBelowTrigger_PassesAnyway()
    {
        var h = Harness(12, 2);
        h.Context.Observed = new ObservedMonth { UnResolution = true };

        h.Apply(new CouncilModule());

        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.UnResolution, e));
        Assert.All(h.Context.NewUnLayers, x => Assert.Equal(1.0, x));
    }
}
