using Peninsula.Engine.Model;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>The block-wide uniforms the hot modules read must be the per-run draws, month by month.</summary>
public sealed class StepContextUniformsTests
{
    [Fact]
    public void Uniforms_EveryRunAndMonth_EqualThePerRunDraw()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 37);
        h.ForAll(r =>
        {
            h.State.RunIndex[r] = 1000 + 3 * r;
            h.State.Draw[r] = r % 5;
        });
        foreach (var t in new[] { 0, 1, 7, 1, 0 })
        {
            h.SetMonth(t);
            foreach (var d in new[] { Decisions.Level, Decisions.Stance, Decisions.Disaster, Decisions.PipelineConsume })
            {
                var block = h.Context.Uniforms(d).ToArray();
                Assert.Equal(h.Runs, block.Length);
                for (var r = 0; r < h.Runs; r++) Assert.Equal(h.Context.Uniform(r, d), block[r]);
            }
        }
    }

    [Fact]
    public void Uniforms_NewMonth_GivesNewDrawsForTheSameDecision()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 16);
        h.SetMonth(2);
        var first = h.Context.Uniforms(Decisions.Level).ToArray();
        h.SetMonth(3);
        var second = h.Context.Uniforms(Decisions.Level).ToArray();
        Assert.NotEqual(first, second);
        h.SetMonth(2);
        Assert.Equal(first, h.Context.Uniforms(Decisions.Level).ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(37)]
    public void Draws_FewOrManyRunsNeedingThem_EqualThePerRunDraw(int needed)
    {
        // 37 runs: fewer than 10 needing a draw are served one at a time, more from the block-wide buffer.
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 37);
        h.ForAll(r => h.State.RunIndex[r] = 500 + r);
        h.SetMonth(4);
        var draws = h.Context.Draws(Decisions.MoratoriumDeclare, needed);
        for (var r = 0; r < h.Runs; r++) Assert.Equal(h.Context.Uniform(r, Decisions.MoratoriumDeclare), draws[r]);
    }
}
