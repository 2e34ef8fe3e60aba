using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class PipelineModuleTests
{
    /// <summary>Every level ≥ 4 act flies a displayed system when there is one; nothing new is displayed.</summary>
    private static ModuleHarness Harness(int level, int pipeline, int runs = 20)
    {
        var spec = TestSpecs.Transition2021.WithParameter("pipeline.consume", 1.0).WithParameter("pipeline.display_rate", 0.0);
        var h = new ModuleHarness(spec, runs: runs);
        h.ForAll(r =>
        {
            h.State.Level[r] = level;
            h.State.Pipeline[r] = pipeline;
        });
        return h;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Apply_BelowLevel4_PipelineAndCapabilityUnchanged(int level)
    {
        var h = Harness(level, pipeline: 2);

        h.Apply(new PipelineModule());

        Assert.All(h.State.Pipeline, p => Assert.Equal(2, p));
        Assert.All(h.State.Capability, c => Assert.Equal(0.7, c));
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.None, e));
    }

    [Theory]
    [InlineData(4, 0.709)]            // 0.7 + 0.03·0.3
    [InlineData(5, 0.709)]
    [InlineData(6, 0.709 + 0.1 * 0.291)] // and the nuclear gain on the remaining gap
    public void Apply_Level4OrMore_ConsumesADisplayedSystemAndRaisesCapability(int level, double capability)
    {
        var h = Harness(level, pipeline: 2);

        h.Apply(new PipelineModule());

        Assert.All(h.State.Pipeline, p => Assert.Equal(1, p));
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.SystemTested, e));
        Assert.All(h.State.Capability, c => Assert.Equal(capability, c, 1e-15));
    }

    [Fact]
    public void Apply_Level4WithEmptyPipeline_NeverNegativeButCapabilityStillRises()
    {
        var h = Harness(5, pipeline: 0);

        h.Apply(new PipelineModule());

        Assert.All(h.State.Pipeline, p => Assert.Equal(0, p));
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.None, e));
        Assert.All(h.State.Capability, c => Assert.Equal(0.709, c, 1e-15));
    }

    [Fact]
    public void Apply_ObservedDisplays_AddedToPipeline()
    {
        var h = Harness(0, pipeline: 2);
        h.Context.Observed = new ObservedMonth { PipelineDisplays = 2 };

        h.Apply(new PipelineModule());

        Assert.All(h.State.Pipeline, p => Assert.Equal(4, p));
        Assert.All(h.State.Events, e => Assert.Equal(MonthEvents.SystemDisplayed, e));
    }

    [Fact]
    public void Apply_DisplayRate_DisplaysAtThatRate()
    {
        const int runs = 4000;
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("pipeline.display_rate", 0.25), runs: runs, seed: 5);

        h.Apply(new PipelineModule());

        var displayed = h.State.Pipeline.Count(p => p == 3);
        var sd = Math.Sqrt(0.25 * 0.75 / runs);
        Assert.InRange((double)displayed / runs, 0.25 - 4.5 * sd, 0.25 + 4.5 * sd);
    }
}
