using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Peninsula.Engine.Model;

/// <summary>
/// Vector lanes for the modules whose monthly update is a few multiplies and adds per run: a lane routine is written
/// once over <see cref="Vector256{T}"/> and called with <c>n</c> = 4 for four consecutive runs of one parameter draw
/// (their coefficients are the same, so each coefficient is one broadcast) or <c>n</c> = 1 for a single run in every
/// lane (a group straddling two draws, the block's last runs). Each lane performs the scalar formula's IEEE-754
/// operations in the same order (separate multiplies and adds, never fused), so the results do not depend on which
/// path a run took; the pinned engine digests check it.
/// </summary>
internal static class RunLanes
{
    /// <summary>Runs per vector.</summary>
    public const int Width = 4;

    /// <summary>Whether runs r…r+3 exist and share one parameter draw (draws are non-decreasing in run order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FourOfOneDraw(SimState s, int r) => r + Width <= s.Runs && s.Draw[r] == s.Draw[r + Width - 1];

    /// <summary>values[r…r+3], or values[r] in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(double[] values, int r, int n) =>
        n == Width ? Vector256.Create<double>(values.AsSpan(r, Width)) : Vector256.Create(values[r]);

    /// <summary>Writes the lanes back: all four runs, or lane 0 to run r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double[] values, int r, int n, Vector256<double> x)
    {
        if (n == Width) x.CopyTo(values.AsSpan(r, Width));
        else values[r] = x.ToScalar();
    }

    /// <summary>(double)values[r…r+3], or (double)values[r] in every lane (exact: every int is a double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadInts(int[] values, int r, int n)
    {
        if (n != Width) return Vector256.Create((double)values[r]);
        var v = Vector128.Create<int>(values.AsSpan(r, Width));
        return Vector256.Create(Vector128.ConvertToDouble(Vector128.WidenLower(v)), Vector128.ConvertToDouble(Vector128.WidenUpper(v)));
    }

    /// <summary>All bits set in the lanes whose events include <paramref name="flag"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> HasEvent(MonthEvents[] events, int r, int n, MonthEvents flag)
    {
        var v = n == Width
            ? Vector128.Create<int>(MemoryMarshal.Cast<MonthEvents, int>(events.AsSpan(r, Width)))
            : Vector128.Create((int)events[r]);
        return Wide(~Vector128.Equals(v & Vector128.Create((int)flag), Vector128<int>.Zero));
    }

    /// <summary>All bits set in the lanes whose phase is in <paramref name="from"/>…<paramref name="to"/> (byte values).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> PhaseIn(Core.Phase[] phases, int r, int n, Core.Phase from, Core.Phase to)
    {
        Vector128<int> v;
        if (n == Width)
        {
            var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.As<Core.Phase, byte>(ref phases[r]))).AsByte();
            v = Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32();
        }
        else
        {
            v = Vector128.Create((int)phases[r]);
        }
        return Wide(Vector128.GreaterThanOrEqual(v, Vector128.Create((int)from)) & Vector128.LessThanOrEqual(v, Vector128.Create((int)to)));
    }

    /// <summary>All bits set in the lanes whose flag is true.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> IsSet(bool[] flags, int r, int n)
    {
        Vector128<int> v;
        if (n == Width)
        {
            var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.As<bool, byte>(ref flags[r]))).AsByte();
            v = Vector128.WidenLower(Vector128.WidenLower(bytes)).AsInt32();
        }
        else
        {
            v = Vector128.Create(flags[r] ? 1 : 0);
        }
        return Wide(~Vector128.Equals(v, Vector128<int>.Zero));
    }

    /// <summary>A four-lane 32-bit mask as a four-lane 64-bit mask (sign extension keeps all bits set or none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Wide(Vector128<int> mask) =>
        Vector256.Create(Vector128.WidenLower(mask), Vector128.WidenUpper(mask)).AsDouble();

    /// <summary>A coefficient in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> All(double value) => Vector256.Create(value);

    /// <summary>All bits set in the lanes whose condition holds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Mask(bool a, bool b, bool c, bool d) =>
        Vector256.Create(a ? -1L : 0L, b ? -1L : 0L, c ? -1L : 0L, d ? -1L : 0L).AsDouble();

    /// <summary><paramref name="value"/> where the mask is set, +0.0 elsewhere (the scalar <c>cond ? value : 0.0</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> OrZero(Vector256<double> mask, double value) => mask & Vector256.Create(value);

    /// <summary><see cref="Math.Clamp(double, double, double)"/> per lane: below the floor the floor, above the ceiling the ceiling, else the value (NaN stays NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Clamp(Vector256<double> x, double min, double max)
    {
        var lo = Vector256.Create(min);
        var hi = Vector256.Create(max);
        return Vector256.ConditionalSelect(Vector256.LessThan(x, lo), lo, Vector256.ConditionalSelect(Vector256.GreaterThan(x, hi), hi, x));
    }
}
