using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class AttentionModuleTests
{
    [Theory]
    [InlineData(0, 0.3)]
    [InlineData(4, 0.3)]
    [InlineData(5, 0.65)] // 0.3 + 0.5·(1 − 0.3)
    [InlineData(6, 0.65)]
    public void Apply_ActAtLevel5OrMore_ClosesHalfTheGapToFullAttention(int level, double expected)
    {
        // Attention starts at its target (base 0.3, no boost), so only the jump can move it.
        var h = new ModuleHarness(TestSpecs.Transition2021);
        h.State.Level[0] = level;

        h.Apply(new AttentionModule());

        Assert.Equal(expected, h.State.Attention[0], 1e-15);
    }

    [Fact]
    public void Apply_PackageBoost_RelaxesTowardRaisedTarget()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, TestSpecs.TopDownSummitry); // boost 0.3: target 0.6

        h.Apply(new AttentionModule());
        Assert.Equal(0.8 * 0.3 + 0.2 * 0.6, h.State.Attention[0], 1e-15);

        for (var t = 0; t < 200; t++) h.Apply(new AttentionModule());
        Assert.Equal(0.6, h.State.Attention[0], 1e-12);
    }

    [Fact]
    public void Apply_RepeatedTopLevelActs_StaysWithinUnitInterval()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021.WithParameter("attention.jump", 1.0), TestSpecs.TopDownSummitry);
        h.State.Level[0] = 6;

        h.Apply(new AttentionModule());

        Assert.Equal(1.0, h.State.Attention[0]);
    }
}
