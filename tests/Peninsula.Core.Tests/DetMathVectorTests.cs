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
        foreach (var length in new[] { 0, 1, 3, 4, 7, 13, 16, 17, 31, 36, 52, values.Length - 1, values.Length })
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

    [Theory]
    [MemberData(nameof(Batches))]
    public void FourVectorExpAndLogistic_EdgesInAnyPosition_BitIdenticalToScalar(double[] values)
    {
        // Sixteen lanes at a time from every offset of the first 200 values (the edge cases) and a stride through the
        // rest, so a NaN, an overflow or a subnormal result lands in each of the four vectors and each lane.
        var starts = Enumerable.Range(0, 200).Concat(Enumerable.Range(0, (values.Length - 16) / 997).Select(i => 200 + i * 997));
        foreach (var start in starts)
        {
            if (start + 16 > values.Length) continue;
            var x = new Vector256<double>[4];
            for (var v = 0; v < 4; v++) x[v] = Vector256.Create(values[start + 4 * v], values[start + 4 * v + 1], values[start + 4 * v + 2], values[start + 4 * v + 3]);
            var e = (Vector256<double>[])x.Clone();
            var l = (Vector256<double>[])x.Clone();
            DetMathVector.Exp(ref e[0], ref e[1], ref e[2], ref e[3]);
            DetMathVector.Logistic(ref l[0], ref l[1], ref l[2], ref l[3]);
            for (var i = 0; i < 16; i++)
            {
                var value = values[start + i];
                Assert.True(BitConverter.DoubleToInt64Bits(DetMath.Exp(value)) == BitConverter.DoubleToInt64Bits(e[i / 4].GetElement(i % 4)), $"exp({value:R})");
                Assert.True(BitConverter.DoubleToInt64Bits(DetMath.Logistic(value)) == BitConverter.DoubleToInt64Bits(l[i / 4].GetElement(i % 4)), $"logistic({value:R})");
            }
        }
    }
}
