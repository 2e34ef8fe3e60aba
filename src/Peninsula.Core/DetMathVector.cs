using System.Runtime.Intrinsics;

namespace Peninsula.Core;

/// <summary>
/// Four-lane versions of <see cref="DetMath"/>'s exponential and logistic: the same IEEE-754 operations in the same
/// order on each lane (separate multiplies and adds, never fused; round-half-even), so every lane is bit-identical to
/// the scalar function. Lanes the fast path does not cover (NaN, overflow, subnormal results) are recomputed by the
/// scalar function. The engine evaluates a run's ladder and its expected sanction costs four at a time with them.
/// </summary>
public static class DetMathVector
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;

    // |x| ≤ 708 keeps k in [-1022, 1022], where the scalar ScaleB is the single multiply by 2^k done here.
    private const double FastLimit = 708.0;

    // 1.5·2^52: adding it to an integral double below 2^31 in magnitude leaves the integer in the low mantissa bits.
    private const double IntegerMagic = 6755399441055744.0;

    /// <summary>e^x on four lanes, each bit-identical to <see cref="DetMath.Exp"/>.</summary>
    public static Vector256<double> Exp(Vector256<double> x)
    {
        if (!Vector256.IsHardwareAccelerated) return Scalar(x, DetMath.Exp);
        var limit = Vector256.Create(FastLimit);
        // NaN fails both comparisons, so it takes the scalar path too.
        var inRange = Vector256.LessThanOrEqual(x, limit) & Vector256.GreaterThanOrEqual(x, -limit);
        if (!Vector256.EqualsAll(inRange.AsInt64(), Vector256<long>.AllBitsSet)) return Scalar(x, DetMath.Exp);
        var k = Vector256.Round(x * Vector256.Create(InvLn2));
        var r = (x - k * Vector256.Create(Ln2Hi)) - k * Vector256.Create(Ln2Lo);
        var p = Vector256.Create(1.0 / 6227020800.0);
        p = p * r + Vector256.Create(1.0 / 479001600.0);
        p = p * r + Vector256.Create(1.0 / 39916800.0);
        p = p * r + Vector256.Create(1.0 / 3628800.0);
        p = p * r + Vector256.Create(1.0 / 362880.0);
        p = p * r + Vector256.Create(1.0 / 40320.0);
        p = p * r + Vector256.Create(1.0 / 5040.0);
        p = p * r + Vector256.Create(1.0 / 720.0);
        p = p * r + Vector256.Create(1.0 / 120.0);
        p = p * r + Vector256.Create(1.0 / 24.0);
        p = p * r + Vector256.Create(1.0 / 6.0);
        p = p * r + Vector256.Create(0.5);
        p = p * r + Vector256.Create(1.0);
        p = p * r + Vector256.Create(1.0);
        var magic = Vector256.Create(IntegerMagic);
        var ki = (k + magic).AsInt64() - magic.AsInt64();
        var scale = Vector256.ShiftLeft(ki + Vector256.Create(1023L), 52).AsDouble();
        return p * scale;
    }

    /// <summary>1 / (1 + e^−x) on four lanes, each bit-identical to <see cref="DetMath.Logistic"/>.</summary>
    public static Vector256<double> Logistic(Vector256<double> x)
    {
        if (!Vector256.IsHardwareAccelerated) return Scalar(x, DetMath.Logistic);
        // x ≥ 0: 1 / (1 + e^−x); x < 0: e^x / (1 + e^x). Both use e = exp(−|x|).
        var nonNegative = Vector256.GreaterThanOrEqual(x, Vector256<double>.Zero);
        var e = Exp(Vector256.ConditionalSelect(nonNegative, -x, x));
        var denominator = Vector256<double>.One + e;
        var result = Vector256.ConditionalSelect(nonNegative, Vector256<double>.One / denominator, e / denominator);
        // NaN (neither branch in the scalar code's sense): defer to the scalar function for exact agreement.
        return Vector256.EqualsAll(Vector256.Equals(x, x).AsInt64(), Vector256<long>.AllBitsSet) ? result : Scalar(x, DetMath.Logistic);
    }

    /// <summary>
    /// Replaces every value by <see cref="DetMath.Exp"/> of it, four lanes at a time (the tail by the scalar function):
    /// over a block of runs the independent exponentials overlap in the pipeline instead of waiting on each other.
    /// </summary>
    public static void Exp(Span<double> values)
    {
        var i = 0;
        for (; i + 4 <= values.Length; i += 4) Exp(Vector256.Create<double>(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        for (; i < values.Length; i++) values[i] = DetMath.Exp(values[i]);
    }

    /// <summary>Replaces every value by <see cref="DetMath.Logistic"/> of it, four lanes at a time (see <see cref="Exp(Span{double})"/>).</summary>
    public static void Logistic(Span<double> values)
    {
        var i = 0;
        for (; i + 4 <= values.Length; i += 4) Logistic(Vector256.Create<double>(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        for (; i < values.Length; i++) values[i] = DetMath.Logistic(values[i]);
    }

    private static Vector256<double> Scalar(Vector256<double> x, Func<double, double> f) =>
        Vector256.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)));
}
