using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class ChallengerModuleTests
{
    [Fact]
    public void Apply_FixedStateAtMonth0_EmpiricalLevelFrequenciesMatchModelProbabilities()
    {
        const int runs = 20_000;
        var spec = TestSpecs.Transition2021;
        var request = TestSpecs.Request(spec, runs: runs, months: 1, seed: 11, draws: 1, batchSize: runs);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(request.PolicyId), 1);
        double[]? p = null;

        var batch = BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, ctx =>
        {
            p = ctx.LadderP.AsSpan(0, Ladder.Levels).ToArray();
            for (var r = 1; r < ctx.State.Runs; r++)
                Assert.Equal(p, ctx.LadderP.AsSpan(r * Ladder.Levels, Ladder.Levels).ToArray()); // every run starts from the same state
        });

        Assert.NotNull(p);
        Assert.Equal(1.0, p.Sum(), 1e-12);
        Assert.Equal(Expected(spec, request.PolicyId), p);
        var chiSquare = 0.0;
        for (var k = 0; k < Ladder.Levels; k++)
        {
            var expected = runs * p[k];
            var sd = Math.Sqrt(expected * (1 - p[k]));
            Assert.InRange(batch.Ladder[k], expected - 4.5 * sd - 1, expected + 4.5 * sd + 1);
            if (expected > 0) chiSquare += (batch.Ladder[k] - expected) * (batch.Ladder[k] - expected) / expected;
        }
        Assert.True(chiSquare < 24.1, $"chi-square {chiSquare:F2} on 6 degrees of freedom (p < 0.0005)"); // χ²₆ 99.95% point ≈ 24.1
    }

    /// <summary>The model's probabilities for the initial state, computed independently of the step loop.</summary>
    private static double[] Expected(Spec.SimulationSpec spec, string policyId)
    {
        var h = new ModuleHarness(spec, policyId);
        var shared = new double[FeatureFunction.SharedCount];
        var rung = new double[6 * FeatureFunction.RungCount];
        FeatureFunction.Compute(h.State, 0, h.Context.Month, spec, h.Policy, h.C, shared, rung);
        var p = new double[Ladder.Levels];
        ChoiceModels.LadderProbabilities(h.C, shared, rung, p);
        return p;
    }

    [Fact]
    public void Apply_ObservedLevelAndStance_UsedInsteadOfDraws()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 50);
        h.Context.Observed = new ObservedMonth { Level = 4, Engage = true };

        h.Apply(new ChallengerModule());

        Assert.All(h.State.Level, level => Assert.Equal(4, level));
        Assert.All(h.State.Engaged, Assert.True);
    }

    [Fact]
    public void Apply_StanceUtility_HighTrustEngagesMoreOften()
    {
        var low = new ModuleHarness(TestSpecs.Transition2021, runs: 2000);
        var high = new ModuleHarness(TestSpecs.Transition2021, runs: 2000);
        low.ForAll(r => low.State.TrustChallenger[r] = -0.8);
        high.ForAll(r => high.State.TrustChallenger[r] = 0.8);

        low.Apply(new ChallengerModule());
        high.Apply(new ChallengerModule());

        // logit P(engage) differs by stance.trust·1.6 = 3.2 at the same uniforms, so every low-trust engager engages too.
        for (var r = 0; r < 2000; r++) Assert.True(!low.State.Engaged[r] || high.State.Engaged[r] || low.State.Level[r] < 3 != high.State.Level[r] < 3);
        Assert.True(high.State.Engaged.Count(e => e) > 3 * low.State.Engaged.Count(e => e) + 50);
    }
}
