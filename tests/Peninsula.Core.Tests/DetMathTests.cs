using CsCheck;
using Peninsula.Core.Tests.Support;

namespace Peninsula.Core.Tests;

/// <summary>
/// DetMath against <see cref="Math"/> (glibc's libm here, accurate to well under 1 ulp).
/// Measured worst cases over 10^7 random arguments: Exp 1 ulp (2.2e-16 relative) for normal
/// results, 1 ulp absolute for subnormal results; Log 3 ulp (4.7e-16 relative); Cos 1 ulp
/// (2.2e-16 relative) on |x| &lt;= 1e4, including next to its zeros. The tolerances below leave
/// about one ulp of headroom and all stay under the 1e-15 relative the engine relies on.
/// </summary>
public class DetMathTests
{
    private const double ExpTolerance = 4.5e-16;
    private const double LogTolerance = 7e-16;
    private const double CosTolerance = 4.5e-16;

    /// <summary>Smallest x with a normal (not subnormal) e^x: ln(2^-1022).</summary>
    private const double ExpNormalLimit = -708.39;

    private static void AssertRelative(double actual, double expected, double tolerance, double x)
    {
        var error = FloatingPoint.RelativeError(actual, expected);
        Assert.True(error <= tolerance,
            $"x = {x:R}: got {actual:R}, expected {expected:R}, relative error {error:E3} ({FloatingPoint.UlpDistance(actual, expected)} ulp)");
    }

    [Fact]
    public void Exp_RandomArgumentsWithNormalResults_MatchesMath()
    {
        Gen.Double[ExpNormalLimit, 709.78].Sample(x => AssertRelative(DetMath.Exp(x), Math.Exp(x), ExpTolerance, x), iter: 200_000);
    }

    [Fact]
    public void Exp_SmallArguments_MatchesMath()
    {
        Gen.Double[-1e-3, 1e-3].Sample(x => AssertRelative(DetMath.Exp(x), Math.Exp(x), ExpTolerance, x), iter: 50_000);
    }

    [Fact]
    public void Exp_SubnormalResults_WithinOneUlpOfMath()
    {
        // Relative error is meaningless once the result has lost precision; count absolute ulps.
        Gen.Double[-745.13, ExpNormalLimit].Sample(x =>
            Assert.True(FloatingPoint.UlpDistance(DetMath.Exp(x), Math.Exp(x)) <= 1,
                $"x = {x:R}: got {DetMath.Exp(x):R}, expected {Math.Exp(x):R}"), iter: 50_000);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5e-324)]
    [InlineData(-5e-324)]
    [InlineData(1e-300)]
    [InlineData(-1e-300)]
    [InlineData(1e-16)]
    [InlineData(-1e-16)]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(0.34657359027997264)] // ln2 / 2: edge of the reduced interval
    [InlineData(-0.34657359027997264)]
    [InlineData(100.0)]
    [InlineData(-100.0)]
    [InlineData(700.0)]
    [InlineData(-700.0)]
    [InlineData(709.78)]
    [InlineData(709.782712893384)] // largest argument with a finite result
    [InlineData(-708.3964185322641)] // ln of the smallest normal
    public void Exp_EdgeArguments_MatchesMath(double x)
    {
        AssertRelative(DetMath.Exp(x), Math.Exp(x), ExpTolerance, x);
    }

    [Fact]
    public void Exp_Zero_ReturnsExactlyOne()
    {
        Assert.Equal(1.0, DetMath.Exp(0.0));
        Assert.Equal(1.0, DetMath.Exp(-0.0));
    }

    [Theory]
    [InlineData(709.7827128933841)]
    [InlineData(710.0)]
    [InlineData(1e10)]
    [InlineData(double.MaxValue)]
    [InlineData(double.PositiveInfinity)]
    public void Exp_AboveOverflowThreshold_ReturnsPositiveInfinity(double x)
    {
        Assert.Equal(double.PositiveInfinity, DetMath.Exp(x));
    }

    [Theory]
    [InlineData(-745.14)]
    [InlineData(-746.0)]
    [InlineData(-1e10)]
    [InlineData(double.MinValue)]
    [InlineData(double.NegativeInfinity)]
    public void Exp_BelowUnderflowThreshold_ReturnsZero(double x)
    {
        Assert.Equal(0.0, DetMath.Exp(x));
    }

    [Fact]
    public void Exp_NaN_ReturnsNaN()
    {
        Assert.True(double.IsNaN(DetMath.Exp(double.NaN)));
    }

    [Fact]
    public void Log_RandomPositiveFiniteDoubles_MatchesMath()
    {
        // Uniform over bit patterns: every binade, subnormals included, is sampled equally often.
        Gen.Long[1, BitConverter.DoubleToInt64Bits(double.MaxValue)].Select(BitConverter.Int64BitsToDouble)
            .Sample(x => AssertRelative(DetMath.Log(x), Math.Log(x), LogTolerance, x), iter: 200_000);
    }

    [Fact]
    public void Log_ArgumentsNearOne_MatchesMath()
    {
        // Where the result is small and the reduced mantissa is used without an exponent term.
        Gen.Double[0.5, 2.0].Sample(x => AssertRelative(DetMath.Log(x), Math.Log(x), LogTolerance, x), iter: 200_000);
        Gen.Double[1 - 1e-6, 1 + 1e-6].Sample(x => AssertRelative(DetMath.Log(x), Math.Log(x), LogTolerance, x), iter: 50_000);
    }

    [Theory]
    [InlineData(5e-324)] // smallest subnormal
    [InlineData(1e-315)]
    [InlineData(2.2250738585072009e-308)] // largest subnormal
    [InlineData(2.2250738585072014e-308)] // smallest normal
    [InlineData(1e-300)]
    [InlineData(0.7071067811865476)]
    [InlineData(1.4142135623730951)]
    [InlineData(1.0000000000000002)]
    [InlineData(0.9999999999999999)]
    [InlineData(2.718281828459045)]
    [InlineData(10.0)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    public void Log_EdgeArguments_MatchesMath(double x)
    {
        AssertRelative(DetMath.Log(x), Math.Log(x), LogTolerance, x);
    }

    [Fact]
    public void Log_One_ReturnsExactlyZero()
    {
        Assert.Equal(0.0, DetMath.Log(1.0));
    }

    [Fact]
    public void Log_PositiveOrNegativeZero_ReturnsNegativeInfinity()
    {
        Assert.Equal(double.NegativeInfinity, DetMath.Log(0.0));
        Assert.Equal(double.NegativeInfinity, DetMath.Log(-0.0));
    }

    [Theory]
    [InlineData(-5e-324)]
    [InlineData(-1e-300)]
    [InlineData(-1.0)]
    [InlineData(double.MinValue)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    public void Log_NegativeOrNaN_ReturnsNaN(double x)
    {
        Assert.True(double.IsNaN(DetMath.Log(x)));
    }

    [Fact]
    public void Log_PositiveInfinity_ReturnsPositiveInfinity()
    {
        Assert.Equal(double.PositiveInfinity, DetMath.Log(double.PositiveInfinity));
    }

    [Fact]
    public void Log_OfExp_ReturnsArgument()
    {
        // Exp's 1-ulp error becomes an absolute error of ~2.2e-16 after Log.
        Gen.Double[-708.0, 709.0].Sample(x =>
        {
            var error = Math.Abs(DetMath.Log(DetMath.Exp(x)) - x);
            Assert.True(error <= 4.5e-16 * Math.Max(1.0, Math.Abs(x)), $"x = {x:R}: error {error:E3}");
        }, iter: 100_000);
    }

    [Fact]
    public void Cos_RandomArgumentsInDocumentedRange_MatchesMath()
    {
        Gen.Double[-1e4, 1e4].Sample(x => AssertRelative(DetMath.Cos(x), Math.Cos(x), CosTolerance, x), iter: 200_000);
    }

    [Fact]
    public void Cos_BoxMullerRange_MatchesMath()
    {
        Gen.Double[0.0, 2 * Math.PI].Sample(x => AssertRelative(DetMath.Cos(x), Math.Cos(x), CosTolerance, x), iter: 200_000);
    }

    [Fact]
    public void Cos_NearEveryZeroInDocumentedRange_KeepsRelativeAccuracy()
    {
        // Regression: reducing with a rounded π/2 (or 2π) left an absolute error of ~1e-16 · n,
        // so cos(double nearest π/2) came out as 0 instead of 6.1e-17, and the relative error near
        // the zeros reached 1e-6 at |x| ~ 1e4. The zeros are the odd multiples of π/2; even multiples
        // (±1) are included too, checking the quadrant logic.
        for (var n = -6366; n <= 6366; n++)
        {
            var x = n * (Math.PI / 2);
            for (var i = 0; i < 4; i++) x = Math.BitDecrement(x);
            for (var i = 0; i < 9; i++, x = Math.BitIncrement(x))
            {
                if (Math.Abs(x) <= 1e4) AssertRelative(DetMath.Cos(x), Math.Cos(x), CosTolerance, x);
            }
        }
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(5e-324, 1.0)]
    [InlineData(1e-300, 1.0)]
    [InlineData(1.5707963267948966, 6.123233995736766e-17)] // double nearest π/2
    [InlineData(3.141592653589793, -1.0)]
    [InlineData(4.71238898038469, -1.8369701987210297e-16)] // double nearest 3π/2
    [InlineData(6.283185307179586, 1.0)]
    [InlineData(1e4, -0.9521553682590148)]
    [InlineData(-1e4, -0.9521553682590148)]
    public void Cos_EdgeArguments_MatchesReference(double x, double expected)
    {
        AssertRelative(DetMath.Cos(x), expected, CosTolerance, x);
    }

    [Fact]
    public void Cos_PositiveOrNegativeZero_ReturnsExactlyOne()
    {
        Assert.Equal(1.0, DetMath.Cos(0.0));
        Assert.Equal(1.0, DetMath.Cos(-0.0));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Cos_NonFinite_ReturnsNaN(double x)
    {
        Assert.True(double.IsNaN(DetMath.Cos(x)));
    }

    [Fact]
    public void Cos_NegatedArgument_ReturnsBitIdenticalValue()
    {
        Gen.Double[-1e4, 1e4].Sample(x => Assert.Equal(DetMath.Cos(x), DetMath.Cos(-x)), iter: 50_000);
    }

    [Fact]
    public void Cos_AnyArgumentInRange_StaysWithinMinusOneAndOne()
    {
        Gen.Double[-1e4, 1e4].Sample(x => Assert.InRange(DetMath.Cos(x), -1.0, 1.0), iter: 50_000);
    }

    [Fact]
    public void Sqrt_AnyNonNegative_IsBitIdenticalToMath()
    {
        Gen.Long[0, BitConverter.DoubleToInt64Bits(double.PositiveInfinity)].Select(BitConverter.Int64BitsToDouble)
            .Sample(x => Assert.Equal(Math.Sqrt(x), DetMath.Sqrt(x)), iter: 10_000);
    }

    [Fact]
    public void Logistic_Zero_ReturnsOneHalf()
    {
        Assert.Equal(0.5, DetMath.Logistic(0.0));
    }

    [Fact]
    public void Logistic_NegatedArgument_IsComplement()
    {
        // Measured worst |Logistic(−x) − (1 − Logistic(x))| is 1.7e-16.
        Gen.Double[-800.0, 800.0].Sample(x =>
        {
            var error = Math.Abs(DetMath.Logistic(-x) - (1.0 - DetMath.Logistic(x)));
            Assert.True(error <= 1e-15, $"x = {x:R}: error {error:E3}");
        }, iter: 100_000);
    }

    [Fact]
    public void Logistic_OrderedArguments_NonDecreasing()
    {
        Gen.Select(Gen.Double[-800.0, 800.0], Gen.Double[-800.0, 800.0]).Sample((a, b) =>
        {
            var (lo, hi) = a <= b ? (a, b) : (b, a);
            Assert.True(DetMath.Logistic(lo) <= DetMath.Logistic(hi), $"Logistic({lo:R}) > Logistic({hi:R})");
        }, iter: 100_000);
    }

    [Fact]
    public void Logistic_AdjacentDoubles_NeverDecreaseByMoreThanOneUlp()
    {
        // For x < 0 the value is Exp(x) / (1 + Exp(x)), two independently rounded operations, so
        // neighbouring arguments can come out one ulp out of order (measured: never more).
        Gen.Double[-745.0, 745.0].Sample(x =>
        {
            var here = DetMath.Logistic(x);
            var next = DetMath.Logistic(Math.BitIncrement(x));
            Assert.True(next >= Math.BitDecrement(here), $"x = {x:R}: {here:R} then {next:R}");
        }, iter: 200_000);
    }

    [Fact]
    public void Logistic_RandomArguments_MatchesMathReference()
    {
        Gen.Double[-700.0, 700.0].Sample(x =>
        {
            var expected = x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));
            AssertRelative(DetMath.Logistic(x), expected, 1e-15, x);
        }, iter: 100_000);
    }

    [Theory]
    [InlineData(40.0, 1.0)]
    [InlineData(1e300, 1.0)]
    [InlineData(double.PositiveInfinity, 1.0)]
    [InlineData(-746.0, 0.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    public void Logistic_LargeMagnitudes_SaturateAtClosedBounds(double x, double expected)
    {
        // In double precision 1/(1+e^−x) rounds to 1 from x ≈ 36.7, and e^x underflows below −745.
        Assert.Equal(expected, DetMath.Logistic(x));
    }

    [Fact]
    public void Logistic_AnyFiniteArgument_StaysInUnitInterval()
    {
        Gen.Double.Where(double.IsFinite).Sample(x => Assert.InRange(DetMath.Logistic(x), 0.0, 1.0), iter: 10_000);
    }
}
