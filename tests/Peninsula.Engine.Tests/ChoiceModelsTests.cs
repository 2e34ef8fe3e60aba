using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class ChoiceModelsTests
{
    private static readonly int ParameterCount = ParameterCatalog.All.Length;

    /// <summary>A parameter vector uniform within every catalog range.</summary>
    private static readonly Gen<double[]> GenVector = Gen.Double[0.0, 1.0].Array[ParameterCount].Select(u =>
    {
        var v = new double[u.Length];
        for (var i = 0; i < v.Length; i++) v[i] = ParameterCatalog.All[i].Min + u[i] * (ParameterCatalog.All[i].Max - ParameterCatalog.All[i].Min);
        return v;
    });

    /// <summary>Shared features over (beyond) their natural ranges.</summary>
    private static readonly Gen<double[]> GenShared = Gen.Double[-2.0, 3.0].Array[FeatureFunction.SharedCount];

    /// <summary>Rung features: strengths, costs and deal values are 0–1.</summary>
    private static readonly Gen<double[]> GenRung = Gen.Double[0.0, 1.0].Array[6 * FeatureFunction.RungCount];

    private static double[] Probabilities(Coefficients c, double[] shared, double[] rung)
    {
        var p = new double[Ladder.Levels];
        ChoiceModels.LadderProbabilities(c, shared, rung, p);
        return p;
    }

    [Fact]
    public void LadderProbabilities_RandomCoefficientsAndFeatures_SumToOneAndEachInUnitInterval()
    {
        Gen.Select(GenVector, GenShared, GenRung).Sample((v, shared, rung) =>
        {
            var p = Probabilities(new Coefficients(v), shared, rung);

            Assert.All(p, x => Assert.InRange(x, 0.0, 1.0));
            Assert.Equal(1.0, p.Sum(), 1e-12);
        }, iter: 5_000);
    }

    [Fact]
    public void LadderProbabilities_ExtremeIntercepts_StillSumToOne()
    {
        var shared = new double[FeatureFunction.SharedCount];
        var rung = new double[6 * FeatureFunction.RungCount];
        foreach (var alpha in new[] { -700.0, -40.0, 40.0, 700.0 })
        {
            var v = TestSpecs.Transition2021.Parameters.Means();
            for (var j = 1; j <= 6; j++) v[ParameterCatalog.IndexOf("ladder.alpha." + j)] = alpha;

            var p = Probabilities(new Coefficients(v), shared, rung);

            Assert.All(p, x => Assert.InRange(x, 0.0, 1.0));
            Assert.Equal(1.0, p.Sum(), 1e-12);
            Assert.Equal(alpha < 0 ? 0 : Ladder.Top, Array.IndexOf(p, p.Max()));
        }
    }

    [Fact]
    public void LadderProbabilities_ContinuationRatio_MatchesHandComputedRungs()
    {
        // With every slope multiplied by zero features, P(level = k) = Π_{j<=k} σ(α_j) · (1 − σ(α_{k+1})).
        var c = TestSpecs.Transition2021.CentralCoefficients();
        var p = Probabilities(c, new double[FeatureFunction.SharedCount], new double[6 * FeatureFunction.RungCount]);
        double[] alpha = [double.NaN, -0.66, 1.91, 0.69, -0.11, -0.39, -0.27];
        static double S(double x) => 1.0 / (1.0 + Math.Exp(-x));

        var reach = 1.0;
        for (var k = 0; k < Ladder.Top; k++)
        {
            Assert.Equal(reach * (1 - S(alpha[k + 1])), p[k], 1e-14);
            reach *= S(alpha[k + 1]);
        }
        Assert.Equal(reach, p[Ladder.Top], 1e-14);
    }

    [Fact]
    public void DrawLevel_RaisingARungIntercept_NeverLowersTheLevelDrawn()
    {
        // DrawLevel forms the tails P(level >= k) by subtraction, exact to about 1e-16 absolute, so the property is
        // checked for uniforms above that rounding level (a uniform below 1e-12 has probability 1e-12).
        Gen.Select(GenVector, GenShared, GenRung, Gen.Int[1, 6], Gen.Double[1e-3, 5.0], Gen.Double[1e-12, 1.0]).Sample((v, shared, rung, j, delta, u) =>
        {
            var raised = (double[])v.Clone();
            var index = ParameterCatalog.IndexOf("ladder.alpha." + j);
            raised[index] += delta;

            var before = ChoiceModels.DrawLevel(Probabilities(new Coefficients(v), shared, rung), u);
            var after = ChoiceModels.DrawLevel(Probabilities(new Coefficients(raised), shared, rung), u);

            Assert.True(after >= before, $"rung {j} raised by {delta}: level {before} -> {after} at u = {u}");
        }, iter: 5_000);
    }

    [Theory]
    [InlineData(0.05, 2)]
    [InlineData(0.2499, 2)]
    [InlineData(0.25, 1)]
    [InlineData(0.4999, 1)]
    [InlineData(0.5, 0)]
    [InlineData(0.99, 0)]
    public void DrawLevel_KnownDistribution_HighestLevelWhoseTailExceedsU(double u, int expected)
    {
        double[] p = [0.5, 0.25, 0.25, 0, 0, 0, 0];

        Assert.Equal(expected, ChoiceModels.DrawLevel(p, u));
    }

    [Fact]
    public void DrawLevel_UniformGrid_FrequenciesEqualProbabilities()
    {
        double[] p = [0.4, 0.2, 0.1, 0.15, 0.1, 0.04, 0.01];
        const int n = 100_000;
        var counts = new int[Ladder.Levels];

        for (var i = 0; i < n; i++) counts[ChoiceModels.DrawLevel(p, (i + 0.5) / n)]++;

        for (var k = 0; k < Ladder.Levels; k++) Assert.Equal(p[k], (double)counts[k] / n, 1e-4);
    }

    [Fact]
    public void PassProbability_TwoVetoPlayers_ProductOfNotVetoing()
    {
        var spec = TestSpecs.Transition2021;
        var c = spec.CentralCoefficients();
        static double S(double x) => 1.0 / (1.0 + Math.Exp(-x));
        // logit P(veto) = −1.5 − 1·(level − 5) − 2·relations; relations −0.4 and −0.6.
        var chn = S(-1.5 - 2.0 * -0.4);
        var rus = S(-1.5 - 2.0 * -0.6);

        Assert.Equal(chn, ChoiceModels.VetoProbability(c, spec, 0, 5), 1e-14);
        Assert.Equal(rus, ChoiceModels.VetoProbability(c, spec, 1, 5), 1e-14);
        Assert.Equal((1 - chn) * (1 - rus), ChoiceModels.PassProbability(c, spec, 5), 1e-14);
        Assert.True(ChoiceModels.PassProbability(c, spec, 6) > ChoiceModels.PassProbability(c, spec, 5), "vetoing a response to a more severe act is costlier");
    }

    [Fact]
    public void PrincipalSanctionProbability_BelowLevel4_Zero()
    {
        var spec = TestSpecs.Transition2021;
        var c = spec.CentralCoefficients();
        var policy = spec.PolicyOf(TestSpecs.StrategicPatience);

        for (var level = 0; level < 4; level++) Assert.Equal(0.0, ChoiceModels.PrincipalSanctionProbability(c, policy, level));
        Assert.Equal(1.0 / (1.0 + Math.Exp(-(-0.5 + 2.0 * 0.5))), ChoiceModels.PrincipalSanctionProbability(c, policy, 4), 1e-14);
    }
}
