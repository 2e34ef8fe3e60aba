namespace Peninsula.Core.Tests.Support;

/// <summary>Error measures for comparing floating-point results.</summary>
internal static class FloatingPoint
{
    /// <summary>|actual − expected| / |expected|; 0 when both are equal (including both zero).</summary>
    public static double RelativeError(double actual, double expected) =>
        actual == expected ? 0.0 : Math.Abs(actual - expected) / Math.Abs(expected);

    /// <summary>Number of representable doubles between the two values (0 when bit-identical or ±0).</summary>
    public static long UlpDistance(double a, double b)
    {
        if (a == b) return 0;
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    /// <summary>Maps a double's bits to an integer that increases monotonically with the value.</summary>
    private static long Ordered(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
