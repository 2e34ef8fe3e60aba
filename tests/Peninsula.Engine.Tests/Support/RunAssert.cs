using Peninsula.Engine.Runner;

namespace Peninsula.Engine.Tests.Support;

/// <summary>Exact comparison of merged run results.</summary>
internal static class RunAssert
{
    /// <summary>Every merged array equal, floating sums bit for bit.</summary>
    public static void Identical(RunResult expected, RunResult actual)
    {
        Assert.Equal(expected.Ladder, actual.Ladder);
        Assert.Equal(expected.Phase, actual.Phase);
        Assert.Equal(expected.Engage, actual.Engage);
        Assert.Equal(expected.Histograms, actual.Histograms);
        Assert.Equal(expected.FirstMonth, actual.FirstMonth);
        Assert.Equal(expected.DrawLadder, actual.DrawLadder);
        Assert.Equal(Bits(expected.Sums), Bits(actual.Sums));
    }

    public static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}

/// <summary>Synchronous progress sink (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
