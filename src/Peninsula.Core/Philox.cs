namespace Peninsula.Core;

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011):
/// a counter-based generator. The output is a pure function of a 128-bit counter and a 64-bit key,
/// so any draw can be recomputed from its coordinates without replaying a stream.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private const uint W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Applies ten Philox rounds to counter (c0..c3) under key (k0, k1).</summary>
    public static (uint, uint, uint, uint) Block(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var r = 0; r < 10; r++)
        {
            if (r > 0) { k0 += W0; k1 += W1; }
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            var n0 = hi1 ^ c1 ^ k0;
            var n1 = lo1;
            var n2 = hi0 ^ c3 ^ k1;
            var n3 = lo0;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
        }
        return (c0, c1, c2, c3);
    }
}
