using CsCheck;
using Peninsula.Engine.Runner;

namespace Peninsula.Engine.Tests;

public class IntervalsTests
{
    [Theory]
    [InlineData(50, 100, 0.4038, 0.5962)]
    [InlineData(0, 10, 0.0, 0.2775)]  // z²/(n + z²)
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(1, 20, 0.0089, 0.2361)]
    public void Wilson_KnownCounts_MatchesReferenceValues(long successes, long n, double lo, double hi)
    {
        var (l, h) = Intervals.Wilson(successes, n);

        Assert.Equal(lo, l, 1e-4);
        Assert.Equal(hi, h, 1e-4);
    }

    [Fact]
    public void Wilson_AnyCounts_IntervalContainsTheEstimate()
    {
        // Including x = 0 and x = n, where rounding once left the bound an ulp short of p (2000/2000 gave 0.9999999999999998).
        Gen.Int[1, 100_000].SelectMany(n => Gen.OneOf(Gen.Const(0), Gen.Const(n), Gen.Int[0, n]).Select(x => (x, n))).Sample(t =>
        {
            var p = (double)t.x / t.n;
            var (lo, hi) = Intervals.Wilson(t.x, t.n);
            Assert.True(0 <= lo && lo <= p && p <= hi && hi <= 1, $"{t.x}/{t.n}: [{lo}, {hi}]");
        }, iter: 10_000);
    }

    [Theory]
    [InlineData(2000)]
    [InlineData(48)]
    [InlineData(7)]
    public void Wilson_AllSuccesses_UpperBoundExactlyOne(long n)
    {
        Assert.Equal(1.0, Intervals.Wilson(n, n).Hi);
        Assert.Equal(0.0, Intervals.Wilson(0, n).Lo);
    }

    [Fact]
    public void Wilson_NoTrials_WholeUnitInterval()
    {
        Assert.Equal((0.0, 1.0), Intervals.Wilson(0, 0));
    }

    [Fact]
    public void Parameter90_AllDrawsEqual_ZeroWidthAtCentre()
    {
        double[] perDraw = [0.3, 0.3, 0.3, 0.3, 0.3];
        double[] mc = [0.001, 0.001, 0.001, 0.001, 0.001];

        Assert.Equal((0.31, 0.31), Intervals.Parameter90(perDraw, mc, 0.31));
    }

    [Fact]
    public void Parameter90_MonteCarloVarianceExceedsBetweenDrawVariance_ZeroWidth()
    {
        double[] perDraw = [0.2, 0.3, 0.25, 0.35];
        var between = 0.004166666666666667; // sample variance of the four values
        double[] mc = [between * 1.1, between * 1.1, between * 1.1, between * 1.1];

        var (lo, hi) = Intervals.Parameter90(perDraw, mc, 0.28);

        Assert.Equal(0.28, lo, 1e-15);
        Assert.Equal(0.28, hi, 1e-15);
    }

    [Fact]
    public void Parameter90_NoMonteCarloNoise_EmpiricalFiveToNinetyFivePercent()
    {
        var perDraw = Enumerable.Range(0, 21).Select(i => i / 20.0).ToArray(); // 0, 0.05, …, 1
        var mc = new double[21];

        var (lo, hi) = Intervals.Parameter90(perDraw, mc, 0.5);

        Assert.Equal(0.05, lo, 1e-12);
        Assert.Equal(0.95, hi, 1e-12);
    }

    [Fact]
    public void Parameter90_MonteCarloThreeQuartersOfSpread_ShrunkByHalfAroundCentre()
    {
        var perDraw = Enumerable.Range(0, 21).Select(i => i / 20.0).ToArray();
        var between = perDraw.Select(v => (v - 0.5) * (v - 0.5)).Sum() / 20;
        var mc = Enumerable.Repeat(0.75 * between, 21).ToArray();

        var (lo, hi) = Intervals.Parameter90(perDraw, mc, 0.6);

        Assert.Equal(0.6 - 0.5 * 0.45, lo, 1e-12);
        Assert.Equal(0.6 + 0.5 * 0.45, hi, 1e-12);
    }

    [Fact]
    public void Parameter90_FewDrawsCarryAllTheMass_IntervalStillContainsCentre()
    {
        // 96 of 100 parameter draws never see the event: the 5–95% range of per-draw values is [0, 0], below the mean.
        var perDraw = Enumerable.Range(0, 100).Select(i => i < 96 ? 0.0 : 0.05).ToArray();

        var (lo, hi) = Intervals.Parameter90(perDraw, new double[100], 0.002);

        Assert.Equal(0.0, lo, 1e-15);
        Assert.Equal(0.002, hi);
    }

    [Fact]
    public void Parameter90_RandomPerDrawValues_IntervalContainsCentre()
    {
        Gen.Select(Gen.Double[0.0, 1.0].Array[2, 200], Gen.Double[0.0, 0.01]).Sample((perDraw, mc) =>
        {
            var centre = perDraw.Average();
            var (lo, hi) = Intervals.Parameter90(perDraw, Enumerable.Repeat(mc, perDraw.Length).ToArray(), centre);
            Assert.True(lo <= centre && centre <= hi, $"[{lo}, {hi}] around {centre}");
        }, iter: 3_000);
    }

    [Fact]
    public void Parameter90_SingleDraw_ZeroWidth()
    {
        Assert.Equal((0.4, 0.4), Intervals.Parameter90([0.9], [0.0], 0.4));
    }

    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.1, 1.4)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.5, 3.0)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.95, 4.8)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 0.0, 1.0)]
    [InlineData(new double[] { 1, 2, 3, 4, 5 }, 1.0, 5.0)]
    [InlineData(new double[] { 2, 4, 7, 11 }, 0.3, 3.8)] // R: quantile(c(2, 4, 7, 11), 0.3) = 3.8
    [InlineData(new double[] { 7 }, 0.9, 7.0)]
    public void Quantile_Type7_MatchesR(double[] sorted, double q, double expected)
    {
        Assert.Equal(expected, Intervals.Quantile(sorted, q), 1e-12);
    }

    [Fact]
    public void Quantile_Empty_NaN()
    {
        Assert.True(double.IsNaN(Intervals.Quantile([], 0.5)));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.5)]
    [InlineData(0.5, 2.0)]
    [InlineData(0.75, 2.5)]
    [InlineData(1.0, 3.0)]
    public void HistogramQuantile_TwoEqualBins_InterpolatesWithinBins(double q, double expected)
    {
        long[] counts = [0, 10, 10, 0];

        Assert.Equal(expected, Intervals.HistogramQuantile(counts, 0.0, 1.0, q), 1e-12);
    }

    [Fact]
    public void HistogramQuantile_ShiftedScaledBins_UsesLowAndWidth()
    {
        long[] counts = [5, 0, 15];

        // Target 0.5·20 = 10 falls a third of the way into the third bin [−0.98, −0.97).
        Assert.Equal(-1.0 + 0.01 * (2 + 5.0 / 15), Intervals.HistogramQuantile(counts, -1.0, 0.01, 0.5), 1e-12);
    }

    [Fact]
    public void HistogramQuantile_Empty_NaN()
    {
        Assert.True(double.IsNaN(Intervals.HistogramQuantile(new long[4], 0, 1, 0.5)));
    }
}
