using CsCheck;

namespace Peninsula.Core.Tests;

/// <summary>
/// The eight-lane (AVX2) Philox path behind <see cref="RandomSource.FillUniform"/> must give exactly the scalar
/// generator's numbers: stored results and common random numbers depend on it.
/// </summary>
public sealed class FillUniformTests
{
    [Fact]
    public void FillUniform_AnyCoordinatesAndLength_BitIdenticalToScalarUniform()
    {
        Gen.Select(Gen.ULong, Gen.Int[0, 70], Gen.Int[-5, 600], Gen.Int[0, 200], Gen.Int).Sample((seed, n, month, decision, salt) =>
        {
            var source = new RandomSource(seed);
            var draws = new int[n];
            var runs = new int[n];
            var rng = new Random(salt);
            for (var i = 0; i < n; i++)
            {
                draws[i] = rng.Next(0, 1000);
                runs[i] = rng.Next() - (i % 3 == 0 ? int.MaxValue / 2 : 0); // negative run ids too: every uint pattern
            }
            var filled = new double[n];
            source.FillUniform(draws, runs, month, decision, filled);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(
                    BitConverter.DoubleToInt64Bits(source.Uniform(draws[i], runs[i], month, decision)),
                    BitConverter.DoubleToInt64Bits(filled[i]));
            }
        }, iter: 2000);
    }

    [Fact]
    public void FillUniform_ExtremeCounterWords_BitIdenticalToScalarUniform()
    {
        int[] special = [0, 1, -1, int.MaxValue, int.MinValue, 0x5555_5555, unchecked((int)0xAAAA_AAAA), 12345];
        var draws = new int[special.Length * special.Length];
        var runs = new int[draws.Length];
        for (var i = 0; i < special.Length; i++)
        {
            for (var j = 0; j < special.Length; j++)
            {
                draws[i * special.Length + j] = special[i];
                runs[i * special.Length + j] = special[j];
            }
        }
        foreach (var seed in new ulong[] { 0, 1, ulong.MaxValue, 0xDEAD_BEEF_0123_4567 })
        {
            var source = new RandomSource(seed);
            var filled = new double[draws.Length];
            source.FillUniform(draws, runs, 47, 92, filled);
            for (var i = 0; i < draws.Length; i++)
            {
                Assert.Equal(source.Uniform(draws[i], runs[i], 47, 92), filled[i]);
                Assert.InRange(filled[i], double.Epsilon, 1.0 - 1e-17);
            }
        }
    }

    [Fact]
    public void FillUniform_DestinationLongerThanCoordinates_Throws()
    {
        var source = new RandomSource(1);
        Assert.Throws<ArgumentException>(() => source.FillUniform(new int[3], new int[4], 0, 0, new double[4]));
    }

    [Fact]
    public void PhiloxVector_ReportsWhetherItRunsInHardware()
    {
        // The test machine has AVX2; if it did not, the tests above would only exercise the scalar fallback.
        Assert.Equal(System.Runtime.Intrinsics.X86.Avx2.IsSupported, PhiloxVector.IsAccelerated);
    }

    [Fact]
    public void WordsToUnit_EightLanes_BitIdenticalToScalarForEveryEdgeAndRandomWords()
    {
        // Words that put the 53 bits at 0, 2^53 − 1 (capped below 1), around the 2^21 seam between the two words, and
        // at the sign bit of each word.
        uint[] special = [0, 1, 2047, 2048, 4095, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_F800, 0xFFFF_FFFE, 0xFFFF_FFFF];
        var pairs = (from x in special from y in special select (x, y)).ToList();
        while (pairs.Count % 8 != 0) pairs.Add((0xFFFF_FFFF, 0xFFFF_FFFF));
        Check([.. pairs.Select(p => p.x)], [.. pairs.Select(p => p.y)]);

        Gen.UInt.Array[8, 8].Select(Gen.UInt.Array[8, 8]).Sample((a, b) => Check(a, b), iter: 5000);

        static void Check(uint[] a, uint[] b)
        {
            var filled = new double[a.Length];
            RandomSource.FromWords(a, b, filled);
            for (var i = 0; i < a.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(RandomSource.FromWords(a[i], b[i])), BitConverter.DoubleToInt64Bits(filled[i]));
                Assert.InRange(filled[i], double.Epsilon, 1.0 - 1e-17);
            }
        }
    }
}
