using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Peninsula.Core;

/// <summary>
/// The source of every random number in a simulation. A draw is identified by
/// (seed, parameter draw k, run i, month t, decision d) and is a pure function of those
/// coordinates (Philox4x32-10 keyed by the seed), so results do not depend on thread count,
/// batch order, or which other draws a policy happened to make (common random numbers).
/// </summary>
public readonly struct RandomSource
{
    private readonly uint _k0, _k1;

    /// <summary>Creates the source for a 64-bit seed.</summary>
    public RandomSource(ulong seed)
    {
        Seed = seed;
        _k0 = (uint)seed;
        _k1 = (uint)(seed >> 32);
    }

    /// <summary>The seed this source was built from.</summary>
    public ulong Seed { get; }

    /// <summary>
    /// A uniform number in the open interval (0, 1) with 53 random bits.
    /// <paramref name="month"/> may be negative for draws made before the first simulated month
    /// (e.g. initial conditions), encoded by offsetting.
    /// </summary>
    public double Uniform(int draw, int run, int month, int decision)
    {
        var (a, b, _, _) = Philox.Block((uint)run, (uint)draw, (uint)(month + 1024), (uint)decision, _k0, _k1);
        return FromWords(a, b);
    }

    /// <summary>
    /// <see cref="Uniform"/> for many runs of one month and decision: <c>destination[i] = Uniform(draws[i], runs[i],
    /// month, decision)</c>, the same values, eight blocks at a time where AVX2 is available.
    /// </summary>
    public void FillUniform(ReadOnlySpan<int> draws, ReadOnlySpan<int> runs, int month, int decision, Span<double> destination)
    {
        var n = destination.Length;
        if (draws.Length < n || runs.Length < n) throw new ArgumentException("draws and runs must cover the destination");
        var c2 = (uint)(month + 1024);
        var c3 = (uint)decision;
        var i = 0;
        if (PhiloxVector.IsAccelerated)
        {
            Span<uint> a = stackalloc uint[16];
            Span<uint> b = stackalloc uint[16];
            var runWords = MemoryMarshal.Cast<int, uint>(runs);
            var drawWords = MemoryMarshal.Cast<int, uint>(draws);
            for (; i + 16 <= n; i += 16)
            {
                var (va, vb, va2, vb2) = PhiloxVector.Block16(
                    Vector256.Create<uint>(runWords.Slice(i, 8)), Vector256.Create<uint>(drawWords.Slice(i, 8)),
                    Vector256.Create<uint>(runWords.Slice(i + 8, 8)), Vector256.Create<uint>(drawWords.Slice(i + 8, 8)),
                    c2, c3, _k0, _k1);
                va.CopyTo(a);
                vb.CopyTo(b);
                va2.CopyTo(a[8..]);
                vb2.CopyTo(b[8..]);
                for (var j = 0; j < 16; j++) destination[i + j] = FromWords(a[j], b[j]);
            }
            for (; i + 8 <= n; i += 8)
            {
                var c0 = Vector256.Create<uint>(MemoryMarshal.Cast<int, uint>(runs.Slice(i, 8)));
                var c1 = Vector256.Create<uint>(MemoryMarshal.Cast<int, uint>(draws.Slice(i, 8)));
                var (va, vb) = PhiloxVector.Block8(c0, c1, c2, c3, _k0, _k1);
                va.CopyTo(a);
                vb.CopyTo(b);
                for (var j = 0; j < 8; j++) destination[i + j] = FromWords(a[j], b[j]);
            }
        }
        for (; i < n; i++)
        {
            var (a, b, _, _) = Philox.Block((uint)runs[i], (uint)draws[i], c2, c3, _k0, _k1);
            destination[i] = FromWords(a, b);
        }
    }

    /// <summary>53 bits from the block's first two words, mapped into (0, 1).</summary>
    private static double FromWords(uint a, uint b)
    {
        ulong bits = ((ulong)a << 21) ^ (b >> 11); // 53 bits
        bits &= (1UL << 53) - 1;
        return ToOpenUnit(bits);
    }

    /// <summary>Two independent uniforms from the same block (for Box–Muller).</summary>
    public (double U1, double U2) Uniform2(int draw, int run, int month, int decision)
    {
        var (a, b, c, d) = Philox.Block((uint)run, (uint)draw, (uint)(month + 1024), (uint)decision, _k0, _k1);
        ulong x = (((ulong)a << 32) | b) >> 11;
        ulong y = (((ulong)c << 32) | d) >> 11;
        return (ToOpenUnit(x), ToOpenUnit(y));
    }

    /// <summary>
    /// Maps 53 random bits to (bits + ½)·2⁻⁵³, kept strictly below 1: for bits = 2⁵³ − 1 the sum
    /// bits + ½ is not representable and rounds (ties to even) to 2⁵³, which would give exactly 1.0.
    /// </summary>
    private static double ToOpenUnit(ulong bits) =>
        Math.Min((bits + 0.5) * (1.0 / (1UL << 53)), LargestBelowOne);

    /// <summary>1 − 2⁻⁵³, the largest double below 1.</summary>
    private const double LargestBelowOne = 0.99999999999999989;

    /// <summary>A standard normal draw (Box–Muller on one Philox block, using <see cref="DetMath"/>).</summary>
    public double Normal(int draw, int run, int month, int decision)
    {
        var (u1, u2) = Uniform2(draw, run, month, decision);
        return DetMath.Sqrt(-2.0 * DetMath.Log(u1)) * DetMath.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p, int draw, int run, int month, int decision) =>
        Uniform(draw, run, month, decision) < p;
}
