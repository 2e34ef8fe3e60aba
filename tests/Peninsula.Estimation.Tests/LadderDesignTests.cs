using System.Collections.Immutable;
using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Estimation.Tests.Support;

namespace Peninsula.Estimation.Tests;

/// <summary>
/// "What is fitted is exactly what is simulated": the design's binary likelihood of each month equals the
/// engine's own ladder probability of the observed level, once the standardised coefficients are mapped to the
/// engine's parameters for that month's era and coverage.
/// </summary>
public sealed class LadderDesignTests
{
    private static readonly Gen<(int Seed, int Months, int Eras, bool Mixed)> SampleGen =
        Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[8, 60], Gen.Int[1, 4], Gen.Int[0, 3])
            .Select((seed, months, eras, mixed) => (seed, months, eras, mixed != 0));

    [Fact]
    public void RowCount_IsSumOfMinLevelPlusOneAndSix()
    {
        SampleGen.Sample(c =>
        {
            var sample = Samples.Random(c.Seed, c.Months, c.Eras, c.Mixed);
            var design = LadderDesign.Build(sample, new LadderPriors());
            var expected = sample.Levels.Sum(l => Math.Min(l + 1, 6));
            Assert.Equal(expected, design.Problem.Rows);
            Assert.Equal(expected, design.RowMonth.Length);
            // Rows are grouped by month, oldest first.
            for (var r = 1; r < design.RowMonth.Length; r++) Assert.True(design.RowMonth[r] >= design.RowMonth[r - 1]);
        }, iter: 100, seed: "0000000030Y2");
    }

    [Fact]
    public void DesignLikelihood_EqualsEngineLadderProbability_ForEveryEraAndCoverage()
    {
        // Upper-rung weight of the shared slopes: 1 (proportional) in a third of the cases, else anywhere in [0, 1.5].
        var gen = Gen.Select(SampleGen, Gen.Double[-0.8, 0.8].Array[64], Gen.OneOf(Gen.Const(1.0), Gen.Double[0, 1.5], Gen.Double[0, 1.5]));
        gen.Sample((c, raw, w) =>
        {
            var sample = Samples.Random(c.Seed, c.Months, c.Eras, c.Mixed);
            var design = LadderDesign.Build(sample, new LadderPriors(), upperScale: w);
            Assert.Equal(w, design.UpperScale);
            Assert.Empty(design.Excluded.Where(e => !e.StartsWith("coverage", StringComparison.Ordinal)));
            var theta = raw.Take(design.Coefficients.Length).ToArray();
            var checkedMonths = 0;
            for (var era = 0; era < c.Eras; era++)
            {
                foreach (var partial in new[] { false, true })
                {
                    var coefficients = Samples.EngineCoefficients(design, theta, era, partial);
                    for (var t = 0; t < sample.Count; t++)
                    {
                        if (sample.Era[t] != era || sample.PartialCoverage[t] != partial) continue;
                        var designLl = Samples.DesignMonthLogLikelihood(design, sample, theta, t);
                        var engineLl = Samples.EngineLogProbability(coefficients, sample, t, sample.Levels[t]);
                        Assert.True(Math.Abs(designLl - engineLl) < 1e-9, $"month {t} (era {era}, partial {partial}, level {sample.Levels[t]}): design {designLl} vs engine {engineLl}");
                        checkedMonths++;
                    }
                }
            }
            Assert.Equal(sample.Count, checkedMonths);
        }, iter: 100, seed: "0000000030Y3");
    }

    [Fact]
    public void ProblemLogLikelihood_OfOneEraAndCoverage_EqualsSumOfEngineLogProbabilities_AtTheFittedMode()
    {
        // Uses the problem's own outcomes (not ones reconstructed by the test): a sub-sample of one era and one
        // coverage state, built with the full design as layout, so the same coefficients and standardisation apply.
        var sample = Samples.Random(seed: 77, months: 90, eras: 3);
        var design = LadderDesign.Build(sample, new LadderPriors(), upperScale: 0.6);
        var fit = design.Problem.Fit();
        Assert.True(fit.GradientNorm < 1e-6);
        for (var era = 0; era < 3; era++)
        {
            foreach (var partial in new[] { false, true })
            {
                var idx = Enumerable.Range(0, sample.Count).Where(t => sample.Era[t] == era && sample.PartialCoverage[t] == partial).ToArray();
                if (idx.Length == 0) continue;
                var sub = LadderDesign.Build(sample.Select(idx), new LadderPriors(), design);
                Assert.Equal(0.6, sub.UpperScale);
                var coefficients = Samples.EngineCoefficients(design, fit.Theta, era, partial);
                var engine = idx.Sum(t => Samples.EngineLogProbability(coefficients, sample, t, sample.Levels[t]));
                Assert.Equal(engine, sub.Problem.LogLikelihood(fit.Theta), 1e-9);
            }
        }
    }

    [Fact]
    public void EngineMap_OfAnotherEra_DoesNotReproduceThisEra()
    {
        // The check above must be able to fail: mapping with the wrong era changes the likelihood.
        var sample = Samples.Random(seed: 5, months: 40, eras: 2);
        var design = LadderDesign.Build(sample, new LadderPriors());
        var theta = design.Coefficients.Select(c => c.Kind == CoefficientKind.Era ? (c.Index == 0 ? -0.7 : 0.6) : 0.1).ToArray();
        var wrong = Samples.EngineCoefficients(design, theta, 1, false);
        var t = Enumerable.Range(0, sample.Count).First(t => sample.Era[t] == 0 && !sample.PartialCoverage[t]);
        var designLl = Samples.DesignMonthLogLikelihood(design, sample, theta, t);
        Assert.True(Math.Abs(designLl - Samples.EngineLogProbability(wrong, sample, t, sample.Levels[t])) > 1e-3);
    }

    [Fact]
    public void Standardization_IsSampleMeanAndSd_ForShared_AndRootMeanSquare_ForRungFeatures()
    {
        var sample = Samples.Random(seed: 3, months: 50, eras: 1);
        var std = Standardization.Of(sample);
        var n = sample.Count;
        for (var k = 0; k < Samples.S; k++)
        {
            var xs = Enumerable.Range(0, n).Select(t => sample.Feature(t, k)).ToArray();
            var mean = xs.Average();
            var sd = Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (n - 1));
            Assert.Equal(mean, std.Mean[k], 1e-12);
            Assert.Equal(sd, std.Scale[k], 1e-12);
        }
        for (var l = 0; l < Samples.R; l++)
        {
            // Root mean square over every month and rung; 0 (excluded) when the feature is zero on every rung a month's
            // likelihood reaches (rungs 1 … min(level + 1, 6)).
            var sq = 0.0;
            var seen = false;
            for (var t = 0; t < n; t++)
            {
                for (var j = 1; j <= 6; j++)
                {
                    var v = sample.Features[t * Samples.F + Samples.S + (j - 1) * Samples.R + l];
                    sq += v * v;
                    seen |= v != 0.0 && j <= Math.Min(sample.Levels[t] + 1, 6);
                }
            }
            Assert.Equal(seen ? Math.Sqrt(sq / (6 * n)) : 0.0, std.Scale[Samples.S + l], 1e-12);
            Assert.Equal(0.0, std.Mean[Samples.S + l]);
        }
        // Standardised shared columns of the rung-1 rows have mean 0 and sd 1 over the months.
        var design = LadderDesign.Build(sample, new LadderPriors());
        var d = new double[design.Coefficients.Length];
        for (var i = 0; i < design.Coefficients.Length; i++)
        {
            if (design.Coefficients[i].Kind != CoefficientKind.Shared) continue;
            var col = new double[n];
            for (var t = 0; t < n; t++)
            {
                LadderDesign.Row(sample, design.Standardization, design.Coefficients, t, 1, d);
                col[t] = d[i];
            }
            var m = col.Average();
            Assert.Equal(0.0, m, 1e-12);
            Assert.Equal(1.0, Math.Sqrt(col.Sum(x => (x - m) * (x - m)) / (n - 1)), 1e-12);
        }
    }

    private static LadderSample WithFeature(LadderSample s, Func<int, int, double?> set)
    {
        var f = (double[])s.Features.Clone();
        for (var t = 0; t < s.Count; t++)
            for (var i = 0; i < Samples.F; i++)
                if (set(t, i) is { } v) f[t * Samples.F + i] = v;
        return s with { Features = f };
    }

    [Fact]
    public void ConstantSharedFeature_IsExcludedAndReported()
    {
        var pipeline = FeatureFunction.SharedNames.ToList().IndexOf("pipeline");
        var sample = WithFeature(Samples.Random(seed: 4, months: 30, eras: 2), (_, i) => i == pipeline ? -0.6931471805599453 : null);
        var design = LadderDesign.Build(sample, new LadderPriors());
        Assert.Equal(-1, design.IndexOf("ladder.pipeline"));
        Assert.Contains(design.Excluded, e => e.StartsWith("ladder.pipeline", StringComparison.Ordinal) && e.Contains("constant", StringComparison.Ordinal));
        Assert.DoesNotContain("ladder.pipeline", design.EngineMap(0, false).Names);
        // Every other shared feature is still there.
        foreach (var name in FeatureFunction.SharedNames.Where(n => n != "pipeline")) Assert.True(design.IndexOf("ladder." + name) >= 0, name);
    }

    [Fact]
    public void RungFeatureZeroEverywhere_IsExcludedAndReported()
    {
        var sample = WithFeature(Samples.Random(seed: 6, months: 30, eras: 1), (_, i) => i >= Samples.S && (i - Samples.S) % Samples.R == 3 ? 0.0 : null);
        var design = LadderDesign.Build(sample, new LadderPriors());
        Assert.Equal(-1, design.IndexOf("ladder.negotiation_risk"));
        Assert.Contains(design.Excluded, e => e.StartsWith("ladder.negotiation_risk", StringComparison.Ordinal));
        Assert.True(design.IndexOf("ladder.moratorium") >= 0);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void CoverageCoefficient_OnlyWhenBothPartialAndCompleteMonthsExist(int mode, bool expected)
    {
        var s = Samples.Random(seed: 8, months: 24, eras: 1);
        var partial = Enumerable.Range(0, s.Count).Select(t => mode switch { 0 => false, 1 => t < 5, _ => true }).ToArray();
        var design = LadderDesign.Build(s with { PartialCoverage = partial }, new LadderPriors());
        Assert.Equal(expected, design.IndexOf("coverage.rung3") >= 0);
        Assert.Equal(!expected, design.Excluded.Any(e => e.StartsWith("coverage.rung3", StringComparison.Ordinal)));
        if (expected)
        {
            // It enters rung 3 only, and only in incomplete-record months.
            var i = design.IndexOf("coverage.rung3");
            var d = new double[design.Coefficients.Length];
            for (var t = 0; t < s.Count; t++)
            {
                for (var j = 1; j <= 6; j++)
                {
                    LadderDesign.Row(s with { PartialCoverage = partial }, design.Standardization, design.Coefficients, t, j, d);
                    Assert.Equal(j == 3 && partial[t] ? 1.0 : 0.0, d[i]);
                }
            }
        }
    }

    [Fact]
    public void EraCoefficients_OnlyForErasPresent_AndPriorSdsFollowTheOptions()
    {
        var s = Samples.Random(seed: 12, months: 30, eras: 3);
        var era = s.Era.Select(e => e == 1 ? 2 : e).ToArray(); // era 1 never occurs
        var priors = new LadderPriors(Intercept: 4, Shared: 0.9, Rung: 1.7, Era: 0.6, Coverage: 1.3);
        var design = LadderDesign.Build(s with { Era = era }, priors);
        Assert.True(design.IndexOf("era.era0") >= 0);
        Assert.Equal(-1, design.IndexOf("era.era1"));
        Assert.True(design.IndexOf("era.era2") >= 0);
        foreach (var c in design.Coefficients)
        {
            var expected = c.Kind switch
            {
                CoefficientKind.Intercept => 4.0,
                CoefficientKind.Shared => 0.9,
                CoefficientKind.Rung => 1.7,
                CoefficientKind.Era => 0.6,
                _ => 1.3,
            };
            Assert.Equal(expected, c.PriorSd);
        }
        Assert.Equal(design.Coefficients.Select(c => c.PriorSd), design.Problem.PriorSd);
        Assert.All(design.Problem.PriorMean, m => Assert.Equal(0.0, m));
        Assert.Equal(6, design.Coefficients.Count(c => c.Kind == CoefficientKind.Intercept));
    }

    [Fact]
    public void Layout_FixesCoefficientsAndStandardization_ForResamples()
    {
        var s = Samples.Random(seed: 15, months: 40, eras: 2);
        var design = LadderDesign.Build(s, new LadderPriors());
        var idx = Enumerable.Range(0, 40).Select(i => (i * 7) % 13).ToArray(); // a resample that misses most months
        var resampled = LadderDesign.Build(s.Select(idx), new LadderPriors(), design);
        Assert.Same(design.Standardization, resampled.Standardization);
        Assert.Equal(Samples.Names(design), Samples.Names(resampled));
        Assert.NotEqual(design.Standardization.Mean, Standardization.Of(s.Select(idx)).Mean);
    }

    [Fact]
    public void Validate_RejectsBadShapesAndRanges()
    {
        var s = Samples.Random(seed: 1, months: 10, eras: 2);
        Assert.Throws<ArgumentException>(() => LadderDesign.Build(s with { Levels = [.. s.Levels.Select(_ => 7)] }, new LadderPriors()));
        Assert.Throws<ArgumentException>(() => LadderDesign.Build(s with { Era = [.. s.Era.Select(_ => 2)] }, new LadderPriors()));
        Assert.Throws<ArgumentException>(() => LadderDesign.Build(s with { Features = new double[5] }, new LadderPriors()));
        Assert.Throws<ArgumentException>(() => LadderDesign.Build(s with { Months = ImmutableArray<Month>.Empty, Levels = [], Era = [], PartialCoverage = [], Features = [] }, new LadderPriors()));
    }

    [Fact]
    public void RungFeatureThatEntersNoLikelihoodRow_IsExcluded_LikeAFeatureThatIsZeroEverywhere()
    {
        // The moratorium term is on in some months at rungs 5–6 only, and none of those months reached level 4, so
        // no binary row at rung 5 or 6 carries it: it has exactly as little information as a feature that is zero
        // everywhere (the 1990–2016 record: no month under the moratorium reached level 4). Such a coefficient is
        // fixed by its N(0, sd²) prior alone, and the calibration would replace the scenario's documented prior with
        // 0; it should be excluded ("keeps its prior") like a zero feature.
        var s = Samples.Random(seed: 21, months: 40, eras: 1);
        var on = Enumerable.Range(0, s.Count).Select(t => t % 4 == 0).ToArray();
        var levels = s.Levels.Select((l, t) => on[t] ? Math.Min(l, 3) : l).ToArray();
        var sample = WithFeature(s with { Levels = levels }, (t, i) => i >= Samples.S && (i - Samples.S) % Samples.R == 0 ? (on[t] && (i - Samples.S) / Samples.R + 1 >= 5 ? 1.0 : 0.0) : null);
        var design = LadderDesign.Build(sample, new LadderPriors());
        var column = design.IndexOf("ladder.moratorium");
        if (column >= 0)
        {
            // Confirm the premise: the column is zero in every row, so the mode is exactly the prior mean.
            var d = new double[design.Coefficients.Length];
            for (var r = 0; r < design.RowMonth.Length; r++) Assert.Equal(0.0, design.Problem.Eta(r, [.. Enumerable.Range(0, d.Length).Select(i => i == column ? 1.0 : 0.0)]));
            Assert.Equal(0.0, design.Problem.Fit().Theta[column]);
        }
        Assert.True(column < 0, "ladder.moratorium enters no likelihood row but is estimated (from its prior alone) instead of excluded");
    }

    [Fact]
    public void UpperScale_WeightsOnlyTheSharedColumns_OfRungsFourToSix()
    {
        var sample = Samples.Random(seed: 31, months: 20, eras: 2);
        var one = LadderDesign.Build(sample, new LadderPriors());
        var scaled = LadderDesign.Build(sample, new LadderPriors(), upperScale: 0.25);
        Assert.Equal(1.0, one.UpperScale);
        var a = new double[one.Coefficients.Length];
        var b = new double[one.Coefficients.Length];
        for (var t = 0; t < sample.Count; t++)
        {
            for (var j = 1; j <= 6; j++)
            {
                LadderDesign.Row(sample, one.Standardization, one.Coefficients, t, j, a);
                LadderDesign.Row(sample, one.Standardization, one.Coefficients, t, j, b, 0.25);
                for (var i = 0; i < a.Length; i++)
                {
                    var factor = one.Coefficients[i].Kind == CoefficientKind.Shared && j >= 4 ? 0.25 : 1.0;
                    Assert.Equal(factor * a[i], b[i], 1e-15);
                }
            }
        }
        Assert.Equal(one.Problem.Rows, scaled.Problem.Rows);
    }
}
