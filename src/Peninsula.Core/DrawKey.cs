using System.Runtime.CompilerServices;
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void FillUniform(ReadOnlySpan<int> draws, ReadOnlySpan<int> runs, int month, int decision, Span<double> destination)
    {
        var n = destination.Length;
        if (draws.Length < n || runs.Length < n) throw new ArgumentException("draws and runs must cover the destination");
        var c2 = (uint)(month + 1024);
        var c3 = (uint)decision;
        var i = 0;
        if (PhiloxVector.IsAccelerated)
        {
            var runWords = MemoryMarshal.Cast<int, uint>(runs);
            var drawWords = MemoryMarshal.Cast<int, uint>(draws);
            for (; i + 16 <= n; i += 16)
            {
                var (va, vb, va2, vb2) = PhiloxVector.Block16(
                    Vector256.Create<uint>(runWords.Slice(i, 8)), Vector256.Create<uint>(drawWords.Slice(i, 8)),
                    Vector256.Create<uint>(runWords.Slice(i + 8, 8)), Vector256.Create<uint>(drawWords.Slice(i + 8, 8)),
                    c2, c3, _k0, _k1);
                FromWords(va, vb, destination.Slice(i, 8));
                FromWords(va2, vb2, destination.Slice(i + 8, 8));
            }
            for (; i + 8 <= n; i += 8)
            {
                var c0 = Vector256.Create<uint>(MemoryMarshal.Cast<int, uint>(runs.Slice(i, 8)));
                var c1 = Vector256.Create<uint>(MemoryMarshal.Cast<int, uint>(draws.Slice(i, 8)));
                var (va, vb) = PhiloxVector.Block8(c0, c1, c2, c3, _k0, _k1);
                FromWords(va, vb, destination.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            var (a, b, _, _) = Philox.Block((uint)runs[i], (uint)draws[i], c2, c3, _k0, _k1);
            destination[i] = FromWords(a, b);
        }
    }

    /// <summary>53 bits from the block's first two words, mapped into (0, 1).</summary>
    internal static double FromWords(uint a, uint b)
    {
        ulong bits = ((ulong)a << 21) ^ (b >> 11); // 53 bits
        bits &= (1UL << 53) - 1;
        return ToOpenUnit(bits);
    }

    /// <summary>
    /// <see cref="FromWords(uint, uint)"/> of eight lanes, in vector registers. The 53 bits are a·2²¹ + (b ≫ 11) (the two
    /// parts do not overlap, so the scalar XOR is this sum); both parts convert to doubles exactly (each word is put
    /// under the exponent of 2⁵² and 2⁵² taken off) and so does their sum (an integer below 2⁵³); then the same
    /// + ½, the exact scaling by 2⁻⁵³ and the same cap as <see cref="ToOpenUnit(ulong)"/>: the same values bit for bit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FromWords(Vector256<uint> a, Vector256<uint> b, Span<double> destination)
    {
        var (aLow, aHigh) = Vector256.Widen(a);
        var (bLow, bHigh) = Vector256.Widen(Vector256.ShiftRightLogical(b, 11));
        ToOpenUnit(aLow, bLow).CopyTo(destination);
        ToOpenUnit(aHigh, bHigh).CopyTo(destination[4..]);
    }

    /// <summary>The eight-lane conversion over whole spans (a multiple of 8 long), for tests.</summary>
    internal static void FromWords(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<double> destination)
    {
        for (var i = 0; i + 8 <= destination.Length; i += 8)
            FromWords(Vector256.Create(a.Slice(i, 8)), Vector256.Create(b.Slice(i, 8)), destination.Slice(i, 8));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ToOpenUnit(Vector256<ulong> high32, Vector256<ulong> low21)
    {
        var twoTo52 = Vector256.Create(0x4330000000000000UL); // the double 2^52
        var high = (high32 | twoTo52).AsDouble() - twoTo52.AsDouble();
        var low = (low21 | twoTo52).AsDouble() - twoTo52.AsDouble();
        var bits = high * Vector256.Create(2097152.0) + low; // 2^21
        return Vector256.Min((bits + Vector256.Create(0.5)) * Vector256.Create(1.0 / (1UL << 53)), Vector256.Create(LargestBelowOne));
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
