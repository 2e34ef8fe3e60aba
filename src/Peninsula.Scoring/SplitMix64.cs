namespace Peninsula.Scoring;

/// <summary>
/// SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny, fast, portable 64-bit generator whose output
/// depends only on its seed — integer arithmetic only, so identical on every machine.
/// </summary>
internal struct SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>A generator for sub-stream <paramref name="stream"/> of <paramref name="seed"/>.</summary>
    public static SplitMix64 ForStream(ulong seed, ulong stream) => new(Mix(seed) ^ Mix(stream * Gamma + 1UL));

    /// <summary>The SplitMix64 finaliser (a bijection of 64-bit integers).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire 2019).</summary>
    public int NextInt(int n)
    {
        var bound = (ulong)n;
        var high = Math.BigMul(Next(), bound, out var low);
        if (low < bound)
        {
            var threshold = (0UL - bound) % bound;
            while (low < threshold) high = Math.BigMul(Next(), bound, out low);
        }
        return (int)high;
    }
}
