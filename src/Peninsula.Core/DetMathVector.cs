using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        if (!Vector256.IsHardwareAccelerated || !InRange(x)) return Scalar(x, DetMath.Exp);
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
        var magic = Vector256.Create(IntegerMagic); // Scale(k), written out: the inliner does not always take it here
        var ki = (k + magic).AsInt64() - magic.AsInt64();
        return p * Vector256.ShiftLeft(ki + Vector256.Create(1023L), 52).AsDouble();
    }

    /// <summary>
    /// e^x on four vectors (sixteen lanes) in place, each lane bit-identical to <see cref="DetMath.Exp"/>. The four
    /// polynomial chains are interleaved, so they advance together instead of each waiting on its own latency (about
    /// 1.7× the throughput of four separate calls on the machine of docs/performance.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // its own inlining budget, so that every Horner step and scale is inlined
    public static void Exp(ref Vector256<double> x0, ref Vector256<double> x1, ref Vector256<double> x2, ref Vector256<double> x3)
    {
        if (!Vector256.IsHardwareAccelerated || !InRange(x0) || !InRange(x1) || !InRange(x2) || !InRange(x3))
        {
            x0 = Exp(x0);
            x1 = Exp(x1);
            x2 = Exp(x2);
            x3 = Exp(x3);
            return;
        }
        var invLn2 = Vector256.Create(InvLn2);
        var hi = Vector256.Create(Ln2Hi);
        var lo = Vector256.Create(Ln2Lo);
        var k0 = Vector256.Round(x0 * invLn2);
        var k1 = Vector256.Round(x1 * invLn2);
        var k2 = Vector256.Round(x2 * invLn2);
        var k3 = Vector256.Round(x3 * invLn2);
        var r0 = (x0 - k0 * hi) - k0 * lo;
        var r1 = (x1 - k1 * hi) - k1 * lo;
        var r2 = (x2 - k2 * hi) - k2 * lo;
        var r3 = (x3 - k3 * hi) - k3 * lo;
        var p0 = Vector256.Create(1.0 / 6227020800.0);
        var p1 = p0;
        var p2 = p0;
        var p3 = p0;
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 479001600.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 39916800.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 3628800.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 362880.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 40320.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 5040.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 720.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 120.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 24.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0 / 6.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 0.5);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0);
        Horner(ref p0, ref p1, ref p2, ref p3, r0, r1, r2, r3, 1.0);
        x0 = p0 * Scale(k0);
        x1 = p1 * Scale(k1);
        x2 = p2 * Scale(k2);
        x3 = p3 * Scale(k3);
    }

    /// <summary>One Horner step p ← p·r + c on four chains (a multiply then an add, never fused).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Horner(
        ref Vector256<double> p0, ref Vector256<double> p1, ref Vector256<double> p2, ref Vector256<double> p3,
        Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3, double c)
    {
        var cv = Vector256.Create(c);
        p0 = p0 * r0 + cv;
        p1 = p1 * r1 + cv;
        p2 = p2 * r2 + cv;
        p3 = p3 * r3 + cv;
    }

    /// <summary>2^k for integral k in [−1022, 1022] (the scalar ScaleB's single multiply).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Scale(Vector256<double> k)
    {
        var magic = Vector256.Create(IntegerMagic);
        var ki = (k + magic).AsInt64() - magic.AsInt64();
        return Vector256.ShiftLeft(ki + Vector256.Create(1023L), 52).AsDouble();
    }

    /// <summary>Every lane within ±<see cref="FastLimit"/> (NaN fails both comparisons).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool InRange(Vector256<double> x)
    {
        var limit = Vector256.Create(FastLimit);
        var inRange = Vector256.LessThanOrEqual(x, limit) & Vector256.GreaterThanOrEqual(x, -limit);
        return Vector256.EqualsAll(inRange.AsInt64(), Vector256<long>.AllBitsSet);
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
    /// 1 / (1 + e^−x) on four vectors in place, each lane bit-identical to <see cref="DetMath.Logistic"/>, the
    /// exponentials interleaved as in <see cref="Exp(ref Vector256{double}, ref Vector256{double}, ref Vector256{double}, ref Vector256{double})"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Logistic(ref Vector256<double> x0, ref Vector256<double> x1, ref Vector256<double> x2, ref Vector256<double> x3)
    {
        if (!Vector256.IsHardwareAccelerated || !Ordered(x0) || !Ordered(x1) || !Ordered(x2) || !Ordered(x3))
        {
            x0 = Logistic(x0);
            x1 = Logistic(x1);
            x2 = Logistic(x2);
            x3 = Logistic(x3);
            return;
        }
        var n0 = Vector256.GreaterThanOrEqual(x0, Vector256<double>.Zero);
        var n1 = Vector256.GreaterThanOrEqual(x1, Vector256<double>.Zero);
        var n2 = Vector256.GreaterThanOrEqual(x2, Vector256<double>.Zero);
        var n3 = Vector256.GreaterThanOrEqual(x3, Vector256<double>.Zero);
        var e0 = Vector256.ConditionalSelect(n0, -x0, x0);
        var e1 = Vector256.ConditionalSelect(n1, -x1, x1);
        var e2 = Vector256.ConditionalSelect(n2, -x2, x2);
        var e3 = Vector256.ConditionalSelect(n3, -x3, x3);
        Exp(ref e0, ref e1, ref e2, ref e3);
        x0 = Finish(n0, e0);
        x1 = Finish(n1, e1);
        x2 = Finish(n2, e2);
        x3 = Finish(n3, e3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Finish(Vector256<double> nonNegative, Vector256<double> e)
    {
        var denominator = Vector256<double>.One + e;
        return Vector256.ConditionalSelect(nonNegative, Vector256<double>.One / denominator, e / denominator);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Ordered(Vector256<double> x) => Vector256.EqualsAll(Vector256.Equals(x, x).AsInt64(), Vector256<long>.AllBitsSet);

    /// <summary>
    /// Replaces every value by <see cref="DetMath.Exp"/> of it, four lanes at a time (the tail by the scalar function):
    /// over a block of runs the independent exponentials overlap in the pipeline instead of waiting on each other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Exp(Span<double> values)
    {
        var i = 0;
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(values);
        for (var v = 0; v + 4 <= vectors.Length; v += 4, i += 16) Exp(ref vectors[v], ref vectors[v + 1], ref vectors[v + 2], ref vectors[v + 3]);
        for (; i + 4 <= values.Length; i += 4) Exp(Vector256.Create<double>(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        for (; i < values.Length; i++) values[i] = DetMath.Exp(values[i]);
    }

    /// <summary>Replaces every value by <see cref="DetMath.Logistic"/> of it, four lanes at a time (see <see cref="Exp(Span{double})"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Logistic(Span<double> values)
    {
        var i = 0;
        var vectors = MemoryMarshal.Cast<double, Vector256<double>>(values);
        for (var v = 0; v + 4 <= vectors.Length; v += 4, i += 16) Logistic(ref vectors[v], ref vectors[v + 1], ref vectors[v + 2], ref vectors[v + 3]);
        for (; i + 4 <= values.Length; i += 4) Logistic(Vector256.Create<double>(values.Slice(i, 4))).CopyTo(values.Slice(i, 4));
        for (; i < values.Length; i++) values[i] = DetMath.Logistic(values[i]);
    }

    private static Vector256<double> Scalar(Vector256<double> x, Func<double, double> f) =>
        Vector256.Create(f(x.GetElement(0)), f(x.GetElement(1)), f(x.GetElement(2)), f(x.GetElement(3)));
}
