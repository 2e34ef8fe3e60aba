namespace Peninsula.Core.Tests;

public class ParameterSetTests
{
    private static readonly RandomSource Random = new(987654321);

    private static ParameterSpec Spec(string name, double mean, double sd, double lower = double.NegativeInfinity, double upper = double.PositiveInfinity) =>
        new(name, mean, sd, lower, upper, "test assumption");

    [Fact]
    public void Constructor_DuplicateName_ThrowsArgumentException()
    {
        var specs = new[] { Spec("a", 0, 1), Spec("b", 0, 1), Spec("a", 2, 1) };

        var error = Assert.Throws<ArgumentException>(() => new ParameterSet(specs));

        Assert.Equal("specs", error.ParamName);
        Assert.Contains("'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NamesDifferingOnlyInCase_AreDistinct()
    {
        var set = new ParameterSet([Spec("alpha", 0, 1), Spec("Alpha", 0, 1)]);

        Assert.Equal(0, set.IndexOf("alpha"));
        Assert.Equal(1, set.IndexOf("Alpha"));
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public void Constructor_CovarianceOfWrongSize_ThrowsArgumentException(int rows, int columns)
    {
        var covariance = new double[rows, columns];
        for (var i = 0; i < Math.Min(rows, columns); i++) covariance[i, i] = 1;

        var error = Assert.Throws<ArgumentException>(() => new ParameterSet([Spec("a", 0, 1), Spec("b", 0, 1)], covariance));

        Assert.Equal("covariance", error.ParamName);
    }

    [Fact]
    public void Constructor_CovarianceNotPositiveSemiDefinite_ThrowsArgumentException()
    {
        double[,] covariance = { { 1, 2 }, { 2, 1 } }; // eigenvalues 3 and −1

        Assert.Throws<ArgumentException>(() => new ParameterSet([Spec("a", 0, 1), Spec("b", 0, 1)], covariance));
    }

    [Fact]
    public void Constructor_NoCovariance_UsesDiagonalOfSquaredSds()
    {
        var set = new ParameterSet([Spec("a", 0, 2), Spec("b", 0, 0.5), Spec("c", 0, 0)]);

        Assert.Equal(4.0, set.Covariance[0, 0]);
        Assert.Equal(0.25, set.Covariance[1, 1]);
        Assert.Equal(0.0, set.Covariance[2, 2]);
        Assert.Equal(0.0, set.Covariance[0, 1]);
        Assert.Equal(0.0, set.Covariance[2, 0]);
    }

    [Fact]
    public void IndexOf_KnownAndUnknownNames_ReturnsPositionOrMinusOne()
    {
        var set = new ParameterSet([Spec("ladder.alpha.5", 1, 0), Spec("talks.rate", 2, 0)]);

        Assert.Equal(2, set.Count);
        Assert.Equal(0, set.IndexOf("ladder.alpha.5"));
        Assert.Equal(1, set.IndexOf("talks.rate"));
        Assert.Equal(-1, set.IndexOf("missing"));
        Assert.Equal(new[] { 1.0, 2.0 }, set.Means());
    }

    [Fact]
    public void Constructor_EmptySpecs_CreatesEmptySet()
    {
        var set = new ParameterSet([]);

        Assert.Equal(0, set.Count);
        Assert.Empty(set.Draw(Random, 3, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    public void Draw_DrawCountOne_ReturnsMeans(int draw)
    {
        var set = new ParameterSet([Spec("a", 1.5, 2), Spec("b", -3, 0.1), Spec("c", 7, 0)]);

        Assert.Equal(new[] { 1.5, -3.0, 7.0 }, set.Draw(Random, draw, drawCount: 1));
    }

    [Fact]
    public void Draw_SameDrawIndex_ReturnsSameVector()
    {
        var set = new ParameterSet([Spec("a", 0, 1), Spec("b", 5, 2)]);

        Assert.Equal(set.Draw(Random, 42, 100), set.Draw(Random, 42, 100));
        Assert.NotEqual(set.Draw(Random, 42, 100), set.Draw(Random, 43, 100));
    }

    [Fact]
    public void Draw_FourThousandCorrelatedDraws_SampleMomentsMatchCovariance()
    {
        // Σ with sds (2, 0.5, 1) and correlations ρ12 = 0.6, ρ13 = −0.3, ρ23 = 0.2.
        double[,] covariance =
        {
            { 4.0, 0.6, -0.6 },
            { 0.6, 0.25, 0.1 },
            { -0.6, 0.1, 1.0 },
        };
        double[] mean = [10.0, -1.0, 0.5];
        var set = new ParameterSet([Spec("a", mean[0], 2), Spec("b", mean[1], 0.5), Spec("c", mean[2], 1)], covariance);
        const int n = 4000;
        var samples = new double[n][];
        for (var k = 0; k < n; k++) samples[k] = set.Draw(Random, k, n);

        var sampleMean = new double[3];
        for (var i = 0; i < 3; i++) sampleMean[i] = samples.Average(s => s[i]);

        for (var i = 0; i < 3; i++)
        {
            // SE of a sample mean: σ_i / sqrt(n). Allow 4 SE.
            var tolerance = 4 * Math.Sqrt(covariance[i, i] / n);
            Assert.InRange(sampleMean[i], mean[i] - tolerance, mean[i] + tolerance);

            for (var j = 0; j <= i; j++)
            {
                var sampleCovariance = samples.Sum(s => (s[i] - sampleMean[i]) * (s[j] - sampleMean[j])) / (n - 1);
                // For normal data Var(S_ij) ≈ (Σ_ii Σ_jj + Σ_ij²) / n. Allow 4 SE.
                var se = Math.Sqrt((covariance[i, i] * covariance[j, j] + covariance[i, j] * covariance[i, j]) / n);
                Assert.InRange(sampleCovariance, covariance[i, j] - 4 * se, covariance[i, j] + 4 * se);
            }
        }
    }

    [Fact]
    public void Draw_ZeroSdInDefaultCovariance_ParameterStaysAtMean()
    {
        var set = new ParameterSet([Spec("varies", 0, 1), Spec("fixed", 3.25, 0), Spec("also", 1, 1)]);

        for (var k = 0; k < 1000; k++)
        {
            var x = set.Draw(Random, k, 1000);
            Assert.Equal(3.25, x[1]);
        }
    }

    [Fact]
    public void Draw_ZeroVarianceRowInFullCovariance_ParameterStaysAtMean()
    {
        double[,] covariance =
        {
            { 1.0, 0.0, 0.5 },
            { 0.0, 0.0, 0.0 },
            { 0.5, 0.0, 1.0 },
        };
        var set = new ParameterSet([Spec("a", 0, 1), Spec("fixed", -2, 0), Spec("c", 0, 1)], covariance);

        for (var k = 0; k < 1000; k++)
        {
            var x = set.Draw(Random, k, 1000);
            Assert.Equal(-2.0, x[1]);
            Assert.True(double.IsFinite(x[0]) && double.IsFinite(x[2]));
        }
    }

    [Fact]
    public void Draw_BoundedParameter_ClampedToLowerAndUpper()
    {
        // Mean 0, sd 1, bounds ±0.5: each bound is hit with probability Φ(−0.5) = 0.3085
        // (SE at n = 4000: 0.0073; allow 4 SE).
        var set = new ParameterSet([Spec("bounded", 0, 1, lower: -0.5, upper: 0.5), Spec("onesided", 1, 1, lower: 0.8)]);
        const int n = 4000;
        int atLower = 0, atUpper = 0;
        for (var k = 0; k < n; k++)
        {
            var x = set.Draw(Random, k, n);
            Assert.InRange(x[0], -0.5, 0.5);
            Assert.True(x[1] >= 0.8, $"draw {k}: {x[1]:R}");
            if (x[0] == -0.5) atLower++;
            if (x[0] == 0.5) atUpper++;
        }

        Assert.InRange((double)atLower / n, 0.3085 - 4 * 0.0073, 0.3085 + 4 * 0.0073);
        Assert.InRange((double)atUpper / n, 0.3085 - 4 * 0.0073, 0.3085 + 4 * 0.0073);
    }
}
