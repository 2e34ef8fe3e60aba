using CsCheck;

namespace Peninsula.Bargaining.Tests.Support;

/// <summary>Runs CsCheck generators from a fixed PCG stream per case index, so every test run checks the same inputs.</summary>
internal static class Fixed
{
    public static void ForAll<T>(Gen<T> gen, int cases, ulong seed, Action<int, T> check)
    {
        for (var i = 0; i < cases; i++)
            check(i, gen.Generate(new PCG((uint)i, seed), null!, out _));
    }
}
