using System.Runtime.Intrinsics;

namespace Peninsula.Core.Tests;

/// <summary>The four-lane exponential and logistic must equal the scalar ones bit for bit, everywhere.</summary>
public sealed class DetMathVectorTests
{
    private static readonly double[] Edges =
    [
        0.0, -0.0, 1e-300, -1e-300, 0.5, -0.5, 0.34657359027997264, -0.34657359027997264, 1.0, -1.0, 20.0, -20.0, 36.7, -36.7,
        700.0, -700.0, 707.9, -707.9, 708.0, -708.0, 708.5, -708.5, 709.78, 709.79, 710.0, -744.0, -745.0, -746.0, -1e6, 1e6,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue,
    ];

    public static IEnumerable<object[]> Batches()
    {
        var random = new Random(4242);
        var values = new List<double>(Edges);
        for (var i = 0; i < 40_000; i++) values.Add((random.NextDouble() - 0.5) * 80.0);
        for (var i = 0; i < 4_000; i++) values.Add((random.NextDouble() - 0.5) * 1500.0);
        for (var i = 0; i < 4_000; i++) values.Add(Math.Round((random.NextDouble() - 0.5) * 200.0) * 0.6931471805599453 / 2); // near half-way k
        while (values.Count % 4 != 0) values.Add(0.25);
        yield return [values.ToArray()];
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Exp_EveryLane_BitIdenticalToScalar(double[] values)
    {
        for (var i = 0; i < values.Length; i += 4)
        {
            var v = DetMathVector.Exp(Vector256.Create(values[i], values[i + 1], values[i + 2], values[i + 3]));
            for (var lane = 0; lane < 4; lane++)
            {
                var expected = DetMath.Exp(values[i + lane]);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(v.GetElement(lane)),
                    $"exp({values[i + lane]:R}): scalar {expected:R}, lane {v.GetElement(lane):R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void Logistic_EveryLane_BitIdenticalToScalar(double[] values)
    {
        for (var i = 0; i < values.Length; i += 4)
        {
            var v = DetMathVector.Logistic(Vector256.Create(values[i], values[i + 1], values[i + 2], values[i + 3]));
            for (var lane = 0; lane < 4; lane++)
            {
                var expected = DetMath.Logistic(values[i + lane]);
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(v.GetElement(lane)),
                    $"logistic({values[i + lane]:R}): scalar {expected:R}, lane {v.GetElement(lane):R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void SpanExpAndLogistic_AnyLengthIncludingTail_BitIdenticalToScalar(double[] values)
    {
        foreach (var length in new[] { 0, 1, 3, 4, 7, 13, values.Length - 1, values.Length })
        {
            var exp = values[..length];
            var logistic = values[..length];
            DetMathVector.Exp(exp.AsSpan());
            DetMathVector.Logistic(logistic.AsSpan());
            for (var i = 0; i < length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(DetMath.Exp(values[i])), BitConverter.DoubleToInt64Bits(exp[i]));
                Assert.Equal(BitConverter.DoubleToInt64Bits(DetMath.Logistic(values[i])), BitConverter.DoubleToInt64Bits(logistic[i]));
            }
        }
    }
}
