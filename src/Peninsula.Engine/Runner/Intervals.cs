namespace Peninsula.Engine.Runner;

/// <summary>Interval estimates used in forecasts and comparisons.</summary>
public static class Intervals
{
    /// <summary>Wilson score interval for a proportion (z = 1.96 for 95%).</summary>
    public static (double Lo, double Hi) Wilson(long successes, long n, double z = 1.959963984540054)
    {
        if (n <= 0) return (0, 1);
        var p = (double)successes / n;
        var z2 = z * z;
        var denom = 1 + z2 / n;
        var centre = (p + z2 / (2.0 * n)) / denom;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        // The interval always contains p; at p = 0 or 1 rounding alone could leave it an ulp short.
        return (Math.Max(0, Math.Min(p, centre - half)), Math.Min(1, Math.Max(p, centre + half)));
    }

    /// <summary>
    /// 90% interval due to parameter uncertainty from per-draw estimates <paramref name="perDraw"/>, each the
    /// mean of a Monte Carlo sample with variance <paramref name="mcVariance"/>[k]. The spread between
    /// draws includes Monte Carlo noise; the empirical 5–95% quantiles are shrunk toward the centre by
    /// √(max(0, 1 − mean MC variance / between-draw variance)) so that only the parameter part remains.
    /// The interval always contains <paramref name="centre"/>.
    /// </summary>
    public static (double Lo, double Hi) Parameter90(ReadOnlySpan<double> perDraw, ReadOnlySpan<double> mcVariance, double centre) =>
        Parameter(perDraw, mcVariance, centre, 0.90);

    /// <summary>
    /// Central <paramref name="level"/> interval due to parameter uncertainty (as <see cref="Parameter90"/>, with the
    /// (1 − level)/2 and (1 + level)/2 quantiles of the per-draw estimates).
    /// </summary>
    public static (double Lo, double Hi) Parameter(ReadOnlySpan<double> perDraw, ReadOnlySpan<double> mcVariance, double centre, double level)
    {
        if (!(level is > 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1)");
        var k = perDraw.Length;
        if (k < 2) return (centre, centre);
        var mean = 0.0;
        foreach (var v in perDraw) mean += v;
        mean /= k;
        var between = 0.0;
        foreach (var v in perDraw) between += (v - mean) * (v - mean);
        between /= k - 1;
        var mc = 0.0;
        foreach (var v in mcVariance) mc += v;
        mc /= k;
        var shrink = between > 0 ? Math.Sqrt(Math.Max(0.0, 1.0 - mc / between)) : 0.0;
        var sorted = perDraw.ToArray();
        Array.Sort(sorted);
        var lo = Quantile(sorted, (1 - level) / 2);
        var hi = Quantile(sorted, (1 + level) / 2);
        // When few draws carry all the mass (rare events), the mean can lie outside the 5–95% range of the
        // per-draw values; the interval is widened to keep its own point estimate inside.
        return (Math.Min(centre, centre + shrink * (lo - mean)), Math.Max(centre, centre + shrink * (hi - mean)));
    }

    /// <summary>Linear-interpolation quantile (type 7) of sorted data.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>Quantile of a histogram with equal-width bins starting at <paramref name="low"/>.</summary>
    public static double HistogramQuantile(ReadOnlySpan<long> counts, double low, double width, double q)
    {
        long total = 0;
        foreach (var c in counts) total += c;
        if (total == 0) return double.NaN;
        var target = q * total;
        double acc = 0;
        for (var b = 0; b < counts.Length; b++)
        {
            if (counts[b] == 0) continue;
            if (acc + counts[b] >= target)
            {
                var frac = (target - acc) / counts[b];
                return low + width * (b + frac);
            }
            acc += counts[b];
        }
        return low + width * counts.Length;
    }
}
