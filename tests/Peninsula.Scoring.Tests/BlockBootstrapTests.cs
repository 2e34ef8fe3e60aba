namespace Peninsula.Scoring.Tests;

public class BlockBootstrapTests
{
    /// <summary>Per-month Brier-like scores of a model (better on average) and a reference, with AR(1) noise.</summary>
    private static (double[] Model, double[] Reference) Series(int n, int seed)
    {
        var rng = new Random(seed);
        var model = new double[n];
        var reference = new double[n];
        var shock = 0.0;
        for (var t = 0; t < n; t++)
        {
            shock = 0.6 * shock + 0.4 * (rng.NextDouble() - 0.5);
            reference[t] = Math.Clamp(0.20 + shock + 0.1 * rng.NextDouble(), 0.0, 1.0);
            model[t] = Math.Clamp(0.8 * reference[t] + 0.1 * (rng.NextDouble() - 0.5), 0.0, 1.0);
        }
        return (model, reference);
    }

    private static double Mean(ReadOnlySpan<double> x, ReadOnlySpan<int> idx)
    {
        var s = 0.0;
        foreach (var i in idx) s += x[i];
        return s / idx.Length;
    }

    [Fact]
    public void FillIndices_BlocksAreConsecutiveWithWrapAround()
    {
        const int n = 30, length = 7;
        var idx = new int[n];
        for (var b = 0; b < 50; b++)
        {
            BlockBootstrap.FillIndices(idx, length, seed: 1, replicate: b);
            for (var i = 0; i < n; i++)
            {
                Assert.InRange(idx[i], 0, n - 1);
                if (i % length != 0) Assert.Equal((idx[i - 1] + 1) % n, idx[i]);
            }
        }
    }

    [Fact]
    public void FillIndices_SameSeedAndReplicate_SameIndices()
    {
        var a = new int[100];
        var b = new int[100];
        BlockBootstrap.FillIndices(a, 12, 42, 7);
        BlockBootstrap.FillIndices(b, 12, 42, 7);
        Assert.Equal(a, b);
        BlockBootstrap.FillIndices(b, 12, 43, 7);
        Assert.NotEqual(a, b);
        BlockBootstrap.FillIndices(b, 12, 42, 8);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void FillIndices_StartsAreRoughlyUniform()
    {
        const int n = 10;
        var counts = new int[n];
        var idx = new int[n];
        for (var b = 0; b < 20_000; b++)
        {
            BlockBootstrap.FillIndices(idx, n, 5, b); // one block per replicate
            counts[idx[0]]++;
        }
        foreach (var c in counts) Assert.InRange(c, 1_800, 2_200);
    }

    [Fact]
    public void PairedSkill_SameSeed_IdenticalResult()
    {
        var (m, r) = Series(120, 1);
        var options = new BootstrapOptions { Seed = 99 };
        var a = BlockBootstrap.PairedSkill(m, r, options);
        var b = BlockBootstrap.PairedSkill(m, r, options);
        Assert.Equal(a, b);
        var c = BlockBootstrap.PairedSkill(m, r, options with { Seed = 100 });
        Assert.Equal(a.Point, c.Point);
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void PairedSkill_ParallelCalls_MatchSequentialResult()
    {
        var (m, r) = Series(200, 2);
        var expected = BlockBootstrap.PairedSkill(m, r);
        var results = new BootstrapInterval[16];
        Parallel.For(0, results.Length, i => results[i] = BlockBootstrap.PairedSkill(m, r));
        Assert.All(results, x => Assert.Equal(expected, x));
    }

    [Fact]
    public void PairedSkill_PointIsOneMinusRatioOfMeans()
    {
        var (m, r) = Series(96, 3);
        var result = BlockBootstrap.PairedSkill(m, r);
        Assert.Equal(1.0 - m.Average() / r.Average(), result.Point, 12);
        Assert.Equal(BootstrapOptions.DefaultReplicates, result.Replicates);
        Assert.Equal(BootstrapOptions.DefaultBlockLength, result.BlockLength);
        Assert.Equal(0.9, result.Level);
        Assert.Equal(0, result.Undefined);
    }

    [Fact]
    public void PairedSkill_IntervalContainsThePointEstimate()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var (m, r) = Series(60 + 10 * seed, seed);
            var result = BlockBootstrap.PairedSkill(m, r, new BootstrapOptions { Seed = (ulong)seed });
            Assert.InRange(result.Point, result.Lower, result.Upper);
            Assert.True(result.Lower < result.Upper);
        }
    }

    [Fact]
    public void PairedSkill_MoreData_NarrowerInterval()
    {
        var (m1, r1) = Series(48, 4);
        var (m2, r2) = Series(960, 4);
        var small = BlockBootstrap.PairedSkill(m1, r1);
        var large = BlockBootstrap.PairedSkill(m2, r2);
        Assert.True(large.Upper - large.Lower < 0.5 * (small.Upper - small.Lower),
            $"widths {small.Upper - small.Lower} vs {large.Upper - large.Lower}");
    }

    [Fact]
    public void PairedSkill_IdenticalSeries_DegenerateIntervalAtZero()
    {
        var (m, _) = Series(50, 5);
        var result = BlockBootstrap.PairedSkill(m, m);
        Assert.Equal((0.0, 0.0, 0.0), (result.Point, result.Lower, result.Upper));
    }

    [Fact]
    public void PairedSkill_ZeroReferenceInSomeReplicates_CountsUndefined()
    {
        // Reference scores are zero except in one month; many replicates miss it. Model scores are zero too there.
        var model = new double[40];
        var reference = new double[40];
        reference[0] = 1.0;
        model[0] = 0.5;
        var result = BlockBootstrap.PairedSkill(model, reference, new BootstrapOptions { BlockLength = 2, Replicates = 500 });
        Assert.Equal(0.5, result.Point);
        Assert.True(result.Undefined > 0);
        Assert.Equal(0.5, result.Lower);
        Assert.Equal(0.5, result.Upper);
    }

    [Fact]
    public void Estimate_BlockAsLongAsSeries_EveryReplicateIsARotation()
    {
        var (m, _) = Series(36, 6);
        var result = BlockBootstrap.Estimate(m.Length, idx => Mean(m, idx), new BootstrapOptions { BlockLength = 36, Replicates = 200 });
        Assert.Equal(m.Average(), result.Point, 12);
        Assert.Equal(result.Point, result.Lower, 12);
        Assert.Equal(result.Point, result.Upper, 12);
    }

    [Fact]
    public void Estimate_GenericMean_IntervalContainsSampleMeanAndIsDeterministic()
    {
        var (m, _) = Series(240, 7);
        ResampleStatistic mean = idx => Mean(m, idx);
        var a = BlockBootstrap.Estimate(m.Length, mean);
        var b = BlockBootstrap.Estimate(m.Length, mean);
        Assert.Equal(a, b);
        Assert.InRange(a.Point, a.Lower, a.Upper);
        Assert.Equal(BlockBootstrap.Replicates(m.Length, mean), BlockBootstrap.Replicates(m.Length, mean));
    }

    [Fact]
    public void Estimate_LongerBlocks_WiderIntervalForAutocorrelatedSeries()
    {
        // A slowly varying series: i.i.d. resampling (L = 1) understates the uncertainty of its mean.
        var x = new double[480];
        for (var t = 0; t < x.Length; t++) x[t] = Math.Sin(t / 15.0) + 0.1 * Math.Cos(t * 1.7);
        ResampleStatistic mean = idx => Mean(x, idx);
        var iid = BlockBootstrap.Estimate(x.Length, mean, new BootstrapOptions { BlockLength = 1 });
        var blocks = BlockBootstrap.Estimate(x.Length, mean, new BootstrapOptions { BlockLength = 48 });
        Assert.True(blocks.Upper - blocks.Lower > 2 * (iid.Upper - iid.Lower));
    }

    [Fact]
    public void Quantile_TypeSevenInterpolation()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, BlockBootstrap.Quantile(sorted, 0.0));
        Assert.Equal(5.0, BlockBootstrap.Quantile(sorted, 1.0));
        Assert.Equal(3.0, BlockBootstrap.Quantile(sorted, 0.5));
        Assert.Equal(1.2, BlockBootstrap.Quantile(sorted, 0.05), 12);
        Assert.True(double.IsNaN(BlockBootstrap.Quantile([], 0.5)));
    }

    [Fact]
    public void InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockBootstrap.PairedSkill([1.0], [1.0], new BootstrapOptions { BlockLength = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockBootstrap.PairedSkill([1.0], [1.0], new BootstrapOptions { Level = 1.0 }));
        Assert.Throws<ArgumentException>(() => BlockBootstrap.PairedSkill([1.0], [1.0, 2.0]));
        Assert.Throws<ArgumentException>(() => BlockBootstrap.PairedSkill([double.NaN], [1.0]));
    }
}
