using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Peninsula.Core;

/// <summary>
/// Philox4x32-10 on eight counters at once (AVX2): the same integer operations as <see cref="Philox.Block"/> on each
/// lane, so every output word is identical to the scalar generator's. 32×32→64-bit products are formed on the even
/// lanes and, after a shift, on the odd lanes, then the high and low halves are blended back into eight-lane words.
/// Without AVX2 the scalar block is used lane by lane.
/// </summary>
public static class PhiloxVector
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Whether the eight-lane path runs in hardware on this machine.</summary>
    public static bool IsAccelerated => Avx2.IsSupported;

    /// <summary>
    /// The first two output words (<c>a</c>, <c>b</c>) of the blocks for eight counters
    /// (c0, c1 per lane; c2, c3 shared) under key (k0, k1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<uint> A, Vector256<uint> B) Block8(Vector256<uint> c0, Vector256<uint> c1, uint c2s, uint c3s, uint k0, uint k1)
    {
        var c2 = Vector256.Create(c2s);
        var c3 = Vector256.Create(c3s);
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        for (var r = 0; r < 10; r++)
        {
            if (r > 0) { k0 += W0; k1 += W1; }
            var (hi0, lo0) = MulHiLo(c0, m0);
            var (hi1, lo1) = MulHiLo(c2, m1);
            var n0 = hi1 ^ c1 ^ Vector256.Create(k0);
            var n2 = hi0 ^ c3 ^ Vector256.Create(k1);
            c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
        }
        return (c0, c1);
    }

    /// <summary>
    /// <see cref="Block8"/> for two independent groups of eight counters, interleaved so that one group's multiplies
    /// overlap the other's (the rounds are a chain of dependent multiplies).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<uint> A, Vector256<uint> B, Vector256<uint> A2, Vector256<uint> B2) Block16(
        Vector256<uint> c0, Vector256<uint> c1, Vector256<uint> d0, Vector256<uint> d1, uint c2s, uint c3s, uint k0, uint k1)
    {
        var c2 = Vector256.Create(c2s);
        var c3 = Vector256.Create(c3s);
        var d2 = c2;
        var d3 = c3;
        var m0 = Vector256.Create((ulong)M0).AsUInt32();
        var m1 = Vector256.Create((ulong)M1).AsUInt32();
        for (var r = 0; r < 10; r++)
        {
            if (r > 0) { k0 += W0; k1 += W1; }
            var vk0 = Vector256.Create(k0);
            var vk1 = Vector256.Create(k1);
            var (hi0, lo0) = MulHiLo(c0, m0);
            var (ehi0, elo0) = MulHiLo(d0, m0);
            var (hi1, lo1) = MulHiLo(c2, m1);
            var (ehi1, elo1) = MulHiLo(d2, m1);
            c0 = hi1 ^ c1 ^ vk0; c1 = lo1; c2 = hi0 ^ c3 ^ vk1; c3 = lo0;
            d0 = ehi1 ^ d1 ^ vk0; d1 = elo1; d2 = ehi0 ^ d3 ^ vk1; d3 = elo0;
        }
        return (c0, c1, d0, d1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<uint> Hi, Vector256<uint> Lo) MulHiLo(Vector256<uint> x, Vector256<uint> m)
    {
        var even = Avx2.Multiply(x, m);                                                  // lanes 0,2,4,6 → 64-bit products
        var odd = Avx2.Multiply(Avx2.ShiftRightLogical(x.AsUInt64(), 32).AsUInt32(), m); // lanes 1,3,5,7
        var hi = Avx2.Blend(Avx2.ShiftRightLogical(even, 32).AsUInt32(), odd.AsUInt32(), 0b1010_1010);
        var lo = Avx2.Blend(even.AsUInt32(), Avx2.ShiftLeftLogical(odd, 32).AsUInt32(), 0b1010_1010);
        return (hi, lo);
    }
}
