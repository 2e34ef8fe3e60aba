namespace Peninsula.Core;

/// <summary>
/// Elementary functions computed with only IEEE-754 additions, multiplications and divisions in a
/// fixed order, so results are bit-identical on every CPU and runtime (the platform's
/// <see cref="Math.Exp"/> is not guaranteed to be). Accuracy is within a few ulp of the correctly
/// rounded value over the documented ranges, checked against <see cref="Math"/> in tests.
/// </summary>
public static class DetMath
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309504880;

    // π/2 = Pio2_1 + Pio2_2 + Pio2_3 + Pio2_3t to about 1e-48 (fdlibm's pio2_1, pio2_2, pio2_3, pio2_3t).
    // The first three have at most 32 significant bits, so n times each is exact for |n| < 2^20.
    private const double TwoOverPi = 6.36619772367581382433e-01;
    private const double Pio2_1 = 1.57079632673412561417e+00;
    private const double Pio2_2 = 6.07710050630396597660e-11;
    private const double Pio2_3 = 2.02226624871116645580e-21;
    private const double Pio2_3t = 8.47842766036889956997e-32;

    /// <summary>e^x. Returns +∞ above 709.78 and 0 below −745.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 709.782712893384) return double.PositiveInfinity;
        if (x < -745.1332191019412) return 0.0;
        var k = Math.Round(x * InvLn2);
        var r = (x - k * Ln2Hi) - k * Ln2Lo;
        // Taylor series of e^r for |r| <= 0.35 to degree 13 (truncation < 1e-17), Horner form.
        var p = 1.0 / 6227020800.0;
        p = p * r + 1.0 / 479001600.0;
        p = p * r + 1.0 / 39916800.0;
        p = p * r + 1.0 / 3628800.0;
        p = p * r + 1.0 / 362880.0;
        p = p * r + 1.0 / 40320.0;
        p = p * r + 1.0 / 5040.0;
        p = p * r + 1.0 / 720.0;
        p = p * r + 1.0 / 120.0;
        p = p * r + 1.0 / 24.0;
        p = p * r + 1.0 / 6.0;
        p = p * r + 0.5;
        p = p * r + 1.0;
        p = p * r + 1.0;
        return ScaleB(p, (int)k);
    }

    /// <summary>Natural logarithm for x &gt; 0; NaN for x &lt; 0, −∞ at 0.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        var e = 0;
        if (x < 2.2250738585072014e-308) { x *= 18014398509481984.0; e = -54; } // subnormal: scale by 2^54
        var bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2) { m *= 0.5; e += 1; }
        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        // 2·atanh(s) = 2(s + s^3/3 + s^5/5 + …), |s| <= 0.1716; terms to s^25.
        var p = 1.0 / 25.0;
        p = p * s2 + 1.0 / 23.0;
        p = p * s2 + 1.0 / 21.0;
        p = p * s2 + 1.0 / 19.0;
        p = p * s2 + 1.0 / 17.0;
        p = p * s2 + 1.0 / 15.0;
        p = p * s2 + 1.0 / 13.0;
        p = p * s2 + 1.0 / 11.0;
        p = p * s2 + 1.0 / 9.0;
        p = p * s2 + 1.0 / 7.0;
        p = p * s2 + 1.0 / 5.0;
        p = p * s2 + 1.0 / 3.0;
        p = p * s2 + 1.0;
        var logm = 2.0 * s * p;
        return e * Ln2Hi + (logm + e * Ln2Lo);
    }

    /// <summary>
    /// Cosine, within a few ulp (relative) for |x| &lt;= 1e4, including near its zeros; NaN for ±∞ and NaN.
    /// (Box–Muller uses x in [0, 2π).) Beyond |x| ≈ 1.6e6 the argument reduction is no longer exact.
    /// </summary>
    public static double Cos(double x)
    {
        if (!double.IsFinite(x)) return double.NaN;
        // y = x − n·π/2 with |y| <= π/4, kept as hi + lo. π/2 is split into parts with few significant
        // bits so that n·Pio2_1, n·Pio2_2 and n·Pio2_3 are exact, and the differences are summed
        // error-free: near a zero of cos, y is tiny and a plain x − n·(π/2) would lose all its digits.
        var n = Math.Round(x * TwoOverPi);
        var r = x - n * Pio2_1; // exact (Sterbenz) for |n| < 2^20
        var (s1, e1) = TwoSum(r, -(n * Pio2_2));
        var (s2, e2) = TwoSum(s1, -(n * Pio2_3));
        var (s3, e3) = TwoSum(s2, -(n * Pio2_3t));
        var (hi, lo) = TwoSum(s3, e1 + e2 + e3);
        var quadrant = (int)(n - 4.0 * Math.Floor(0.25 * n));
        return quadrant switch
        {
            0 => CosKernel(hi, lo),
            1 => -SinKernel(hi, lo),
            2 => -CosKernel(hi, lo),
            _ => SinKernel(hi, lo),
        };
    }

    /// <summary>cos(y + tail) for |y| &lt;= π/4, |tail| &lt;= ulp(y) (after fdlibm's __kernel_cos).</summary>
    private static double CosKernel(double y, double tail)
    {
        var z = y * y;
        // cos y = 1 − z/2 + z²·(1/4! − z/6! + …), Taylor to y^16 (truncation < 3e-18 for |y| <= π/4).
        var p = 1.0 / 20922789888000.0;
        p = p * z - 1.0 / 87178291200.0;
        p = p * z + 1.0 / 479001600.0;
        p = p * z - 1.0 / 3628800.0;
        p = p * z + 1.0 / 40320.0;
        p = p * z - 1.0 / 720.0;
        p = p * z + 1.0 / 24.0;
        var hz = 0.5 * z;
        var w = 1.0 - hz;
        // (1 − w) − hz is the rounding error of w, recovered exactly (both steps are Sterbenz-exact).
        return w + (((1.0 - w) - hz) + (z * z * p - y * tail));
    }

    /// <summary>sin(y + tail) for |y| &lt;= π/4, |tail| &lt;= ulp(y) (after fdlibm's __kernel_sin).</summary>
    private static double SinKernel(double y, double tail)
    {
        const double s1 = -1.0 / 6.0;
        var z = y * y;
        var v = z * y;
        // sin y = y − y³/3! + y⁵·(1/5! − z/7! + …), Taylor to y^17 (truncation < 1e-19 for |y| <= π/4).
        var p = 1.0 / 355687428096000.0;
        p = p * z - 1.0 / 1307674368000.0;
        p = p * z + 1.0 / 6227020800.0;
        p = p * z - 1.0 / 39916800.0;
        p = p * z + 1.0 / 362880.0;
        p = p * z - 1.0 / 5040.0;
        p = p * z + 1.0 / 120.0;
        // y + s1·y³ + y⁵·p + tail·(1 − z/2), summed small terms first.
        return y - (((z * ((0.5 * tail) - (v * p))) - tail) - (v * s1));
    }

    /// <summary>Knuth's TwoSum: a + b = s + e exactly, with s the rounded sum.</summary>
    private static (double S, double E) TwoSum(double a, double b)
    {
        var s = a + b;
        var bb = s - a;
        var e = (a - (s - bb)) + (b - bb);
        return (s, e);
    }

    /// <summary>Square root (IEEE-754 requires it correctly rounded, so the platform's is exact).</summary>
    public static double Sqrt(double x) => Math.Sqrt(x);

    /// <summary>The logistic function 1/(1+e^−x), in (0, 1).</summary>
    public static double Logistic(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Exp(-x));
        var e = Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>x · 2^n by exponent manipulation (exact unless the result is subnormal).</summary>
    private static double ScaleB(double x, int n)
    {
        while (n > 1023) { x *= 8.98846567431158e307; n -= 1023; }
        while (n < -1022) { x *= 2.2250738585072014e-308; n += 1022; }
        return x * BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
    }
}
