namespace Peninsula.Core.Tests.Support;

/// <summary>
/// Runs the ten Philox4x32-10 rounds backwards. For a fixed key each round is a bijection
/// (the multipliers are odd, so the low product words can be undone), which lets tests choose a
/// Philox output, e.g. all ones, and find the counter, hence the draw coordinates, that produce it.
/// </summary>
internal static class PhiloxInverse
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>The counter whose <see cref="Philox.Block"/> under (k0, k1) is (o0..o3).</summary>
    public static (uint C0, uint C1, uint C2, uint C3) Counter(uint o0, uint o1, uint o2, uint o3, uint k0, uint k1)
    {
        var m0Inverse = InverseMod2To32(M0);
        var m1Inverse = InverseMod2To32(M1);
        for (var round = 9; round >= 0; round--)
        {
            var rk0 = unchecked(k0 + (uint)round * W0);
            var rk1 = unchecked(k1 + (uint)round * W1);
            var c0 = unchecked(o3 * m0Inverse);
            var c2 = unchecked(o1 * m1Inverse);
            var hi0 = (uint)(((ulong)M0 * c0) >> 32);
            var hi1 = (uint)(((ulong)M1 * c2) >> 32);
            var c1 = o0 ^ hi1 ^ rk0;
            var c3 = o2 ^ hi0 ^ rk1;
            (o0, o1, o2, o3) = (c0, c1, c2, c3);
        }
        return (o0, o1, o2, o3);
    }

    /// <summary>
    /// The <see cref="RandomSource"/> coordinates whose Philox block is (o0..o3) for this seed
    /// (RandomSource puts run, draw, month + 1024 and decision in the counter words).
    /// </summary>
    public static (int Draw, int Run, int Month, int Decision) Coordinates(ulong seed, uint o0, uint o1, uint o2, uint o3)
    {
        var (c0, c1, c2, c3) = Counter(o0, o1, o2, o3, (uint)seed, (uint)(seed >> 32));
        return (unchecked((int)c1), unchecked((int)c0), unchecked((int)c2 - 1024), unchecked((int)c3));
    }

    /// <summary>Multiplicative inverse of an odd number modulo 2^32 (Newton iteration).</summary>
    private static uint InverseMod2To32(uint m)
    {
        var x = m; // correct to 3 bits for odd m; each step doubles the correct bits
        for (var i = 0; i < 5; i++) x = unchecked(x * (2 - m * x));
        return x;
    }
}
