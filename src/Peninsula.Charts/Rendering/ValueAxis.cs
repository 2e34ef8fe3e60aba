using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts.Rendering;

/// <summary>
/// Round-numbered ticks for value axes: at most a given number of intervals with steps 1, 2, 2.5 or
/// 5 × 10ⁿ, so tick labels stay sparse enough to read at briefing size.
/// </summary>
internal static class ValueAxis
{
    private static readonly double[] PercentTops = [1, 2, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100];

    /// <summary>The smallest round top (percent) above <paramref name="maxPercent"/> with 5% headroom, at most 100.</summary>
    public static double PercentTop(double maxPercent) =>
        PercentTops.FirstOrDefault(t => t >= maxPercent * 1.05, 100);

    /// <summary>The round step that splits <paramref name="span"/> into at most <paramref name="maxIntervals"/> parts.</summary>
    public static double Step(double span, int maxIntervals)
    {
        double raw = span / Math.Max(maxIntervals, 1);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (double m in (double[])[1, 2, 2.5, 5, 10])
        {
            if (m * magnitude >= raw * (1 - 1e-9))
                return m * magnitude;
        }
        return 10 * magnitude;
    }

    /// <summary>Major ticks at multiples of a round step in [<paramref name="low"/>, <paramref name="high"/>], minor ticks halfway.</summary>
    public static void Apply(IAxis axis, double low, double high, int maxIntervals = 8)
    {
        double step = Step(high - low, maxIntervals);
        double exponent = Math.Floor(Math.Log10(step) + 1e-9);
        bool half = !IsWhole(step / Math.Pow(10, exponent)); // a step of 2.5 × 10ⁿ needs one more decimal
        int decimals = Math.Max(0, (int)-exponent + (half ? 1 : 0));
        string format = decimals == 0 ? "0" : "0." + new string('0', decimals);
        var ticks = new List<Tick>();
        for (double v = Math.Ceiling((low / step) - 1e-9) * step; v <= high + (step * 1e-9); v += step)
        {
            double rounded = Math.Round(v, 10);
            if (rounded == 0)
                rounded = 0; // no "-0"
            ticks.Add(Tick.Major(rounded, rounded.ToString(format, CultureInfo.InvariantCulture)));
            double minor = rounded + (step / 2);
            if (minor < high)
                ticks.Add(Tick.Minor(minor));
        }
        axis.TickGenerator = new NumericManual([.. ticks]);
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
}
