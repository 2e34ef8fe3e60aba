using CsCheck;
using MathNet.Numerics;

namespace Peninsula.Scoring.Tests;

public class MurphyDecompositionTests
{
    private static readonly Gen<(double P, bool O)[]> GenCases =
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Bool).Array[1, 300];

    private static void AssertIdentity(BrierDecomposition d)
    {
        var rebuilt = d.Reliability - d.Resolution + d.Uncertainty + d.Residual;
        Assert.True(Math.Abs(d.BrierScore - rebuilt) <= 1e-12, $"BS {d.BrierScore:R} vs {rebuilt:R}");
    }

    [Fact]
    public void Decompose_RandomData_IdentityHoldsExactly()
    {
        Gen.Select(GenCases, Gen.Int[1, 25]).Sample((cases, bins) =>
        {
            var p = cases.Select(c => c.P).ToArray();
            var o = cases.Select(c => c.O).ToArray();
            var d = MurphyDecomposition.Decompose(p, o, bins);
            AssertIdentity(d);
            Assert.Equal(Scores.Brier(p, o), d.BrierScore, 14);
            Assert.Equal(p.Length, d.Bins.Sum(b => b.Count));
            Assert.True(d.Resolution <= d.Uncertainty + 1e-12);
            Assert.True(d.Reliability >= 0 && d.WithinBinVariance >= 0);
        }, iter: 500);
    }

    [Fact]
    public void DecomposeDistinct_RandomData_IdentityHoldsWithoutResidual()
    {
        // Few distinct values so that bins hold several cases.
        var gen = Gen.Select(Gen.Int[0, 10], Gen.Bool).Select((k, o) => (P: k / 10.0, O: o)).Array[1, 300];
        gen.Sample(cases =>
        {
            var p = cases.Select(c => c.P).ToArray();
            var o = cases.Select(c => c.O).ToArray();
            var d = MurphyDecomposition.DecomposeDistinct(p, o);
            Assert.Equal(0.0, d.WithinBinVariance);
            Assert.Equal(0.0, d.WithinBinCovariance);
            AssertIdentity(d);
            Assert.Equal(p.Distinct().Count(), d.Bins.Count);
        }, iter: 500);
    }

    [Fact]
    public void Decompose_PerfectForecasts_NoReliabilityErrorAndFullResolution()
    {
        bool[] o = [true, false, false, true, true, false, false, false];
        var p = o.Select(x => x ? 1.0 : 0.0).ToArray();
        foreach (var d in new[] { MurphyDecomposition.Decompose(p, o), MurphyDecomposition.DecomposeDistinct(p, o) })
        {
            Assert.Equal(0.0, d.BrierScore);
            Assert.Equal(0.0, d.Reliability);
            Assert.Equal(d.Uncertainty, d.Resolution, 15);
            Assert.Equal(0.375 * 0.625, d.Uncertainty, 15);
            Assert.Equal(0.0, d.Residual);
        }
    }

    [Fact]
    public void Decompose_TwoBins_MatchesHandComputation()
    {
        // f = 0.1, 0.1, 0.9, 0.9; o = 0, 1, 1, 1. ō = 0.75.
        var d = MurphyDecomposition.Decompose([0.1, 0.1, 0.9, 0.9], [false, true, true, true]);
        Assert.Equal(0.21, d.BrierScore, 14);
        Assert.Equal((2 * 0.4 * 0.4 + 2 * 0.1 * 0.1) / 4, d.Reliability, 14);
        Assert.Equal(0.0625, d.Resolution, 14);
        Assert.Equal(0.1875, d.Uncertainty, 14);
        Assert.Equal(0.0, d.Residual, 14);
        Assert.Equal(2, d.Bins.Count);
        Assert.Equal((0.1, 0.2), (d.Bins[0].Lower, d.Bins[0].Upper));
        Assert.Equal(0.5, d.Bins[0].ObservedFrequency);
        Assert.Equal(1.0, d.Bins[1].ObservedFrequency);
        Assert.Equal(1.0, d.Bins[1].IntervalUpper);
    }

    [Fact]
    public void Decompose_SpreadWithinOneBin_ResidualIsVarianceMinusTwiceCovariance()
    {
        // One bin: f̄ = 0.15, ō = 0.5; WBV = 0.0009, WBC = 0.015.
        var d = MurphyDecomposition.Decompose([0.12, 0.18], [false, true]);
        Assert.Equal(0.3434, d.BrierScore, 14);
        Assert.Equal(0.1225, d.Reliability, 14);
        Assert.Equal(0.0, d.Resolution, 14);
        Assert.Equal(0.25, d.Uncertainty, 14);
        Assert.Equal(0.0009, d.WithinBinVariance, 14);
        Assert.Equal(0.015, d.WithinBinCovariance, 14);
        Assert.Equal(-0.0291, d.Residual, 14);
    }

    [Fact]
    public void Decompose_ProbabilityOne_FallsInLastBin()
    {
        var d = MurphyDecomposition.Decompose([1.0, 0.95], [true, true]);
        Assert.Single(d.Bins);
        Assert.Equal((0.9, 1.0), (d.Bins[0].Lower, d.Bins[0].Upper));
    }

    [Fact]
    public void ReliabilityBins_IntervalsContainTheFrequency()
    {
        Gen.Select(GenCases, Gen.Bool).Sample((cases, wilson) =>
        {
            var p = cases.Select(c => c.P).ToArray();
            var o = cases.Select(c => c.O).ToArray();
            var method = wilson ? FrequencyInterval.Wilson : FrequencyInterval.Jeffreys;
            var d = MurphyDecomposition.Decompose(p, o, interval: method);
            foreach (var b in d.Bins)
            {
                Assert.InRange(b.ObservedFrequency, b.IntervalLower, b.IntervalUpper);
                Assert.InRange(b.IntervalLower, 0.0, 1.0);
                Assert.InRange(b.IntervalUpper, 0.0, 1.0);
                Assert.InRange(b.MeanForecast, b.Lower, b.Upper);
            }
        }, iter: 300);
    }

    [Fact]
    public void Wilson_FiveOfTen_MatchesClosedForm()
    {
        var (lo, hi) = BinomialInterval.Wilson(5, 10, 0.9);
        Assert.Equal(0.26927182113826725, lo, 10);
        Assert.Equal(0.7307281788617328, hi, 10);
        (lo, hi) = BinomialInterval.Wilson(2, 10, 0.9);
        Assert.Equal(0.06855798773753208, lo, 10);
        Assert.Equal(0.4592071943125121, hi, 10);
    }

    [Fact]
    public void Jeffreys_EndsAreBetaQuantiles()
    {
        var (lo, hi) = BinomialInterval.Jeffreys(3, 12, 0.9);
        Assert.Equal(0.05, SpecialFunctions.BetaRegularized(3.5, 9.5, lo), 9);
        Assert.Equal(0.95, SpecialFunctions.BetaRegularized(3.5, 9.5, hi), 9);

        var (lo5, hi5) = BinomialInterval.Jeffreys(5, 10, 0.9);
        Assert.Equal(1.0 - hi5, lo5, 9);

        var (lo0, hi0) = BinomialInterval.Jeffreys(0, 10, 0.9);
        Assert.Equal(0.0, lo0);
        Assert.Equal(0.95, SpecialFunctions.BetaRegularized(0.5, 10.5, hi0), 9);
        Assert.Equal(1.0, BinomialInterval.Jeffreys(7, 7).Upper);
    }
}
