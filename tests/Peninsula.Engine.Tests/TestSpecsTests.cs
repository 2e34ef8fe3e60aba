using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>Guards the fixture itself, so a catalog change shows up here rather than as noise everywhere.</summary>
public class TestSpecsTests
{
    [Fact]
    public void Parameters_EveryCatalogEntryInCatalogOrderWithCatalogBounds()
    {
        var specs = TestSpecs.Transition2021.Parameters.Specs;

        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), specs.Select(s => s.Name));
        Assert.Equal(ParameterCatalog.All.Select(p => (p.Min, p.Max)), specs.Select(s => (s.Lower, s.Upper)));
        Assert.All(specs, s => Assert.InRange(s.Mean, s.Lower, s.Upper));
        // Every parameter is uncertain except the centring constant (absorbed by the intercepts) and the upper-rung
        // weight (profiled by the fit, held at proportionality under the priors).
        Assert.All(specs, s => Assert.True(s.Sd > 0 || s.Name is "ladder.base_rate" or "ladder.upper_scale", s.Name));
    }

    [Fact]
    public void WithParameter_ReplacesOnlyThatCentralValue()
    {
        var spec = TestSpecs.Transition2021.WithParameter("veto.intercept", 12);

        var before = TestSpecs.Transition2021.Parameters.Means();
        var after = spec.Parameters.Means();
        var index = spec.Parameters.IndexOf("veto.intercept");
        for (var i = 0; i < before.Length; i++) Assert.Equal(i == index ? 12 : before[i], after[i]);
        Assert.Equal(12, spec.CentralCoefficients().VetoIntercept);
        Assert.Throws<ArgumentException>(() => TestSpecs.Transition2021.WithParameter("no.such", 1));
    }

    [Fact]
    public void Request_EveryPolicy_Valid()
    {
        Assert.All(TestSpecs.PolicyIds, id => Assert.Null(TestSpecs.Request(policy: id).Validate()));
    }

    [Fact]
    public void WithPolicy_ChangesOnlyThatPackage()
    {
        var spec = TestSpecs.Transition2021.WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with { Demand = 100 });

        Assert.Equal(100, spec.PolicyOf(TestSpecs.PrincipledDiplomacy).Demand);
        Assert.Equal(40, TestSpecs.Transition2021.PolicyOf(TestSpecs.PrincipledDiplomacy).Demand);
        Assert.Same(TestSpecs.Transition2021.PolicyOf(TestSpecs.TopDownSummitry), spec.PolicyOf(TestSpecs.TopDownSummitry));
    }
}
