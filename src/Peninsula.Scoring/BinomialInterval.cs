using MathNet.Numerics.Distributions;

namespace Peninsula.Scoring;

/// <summary>Which confidence interval to report for an observed relative frequency.</summary>
public enum FrequencyInterval
{
    /// <summary>
    /// Jeffreys interval: equal-tailed quantiles of Beta(x + ½, n − x + ½), with the lower end set to 0
    /// when x = 0 and the upper end to 1 when x = n (Brown, Cai &amp; DasGupta 2001).
    /// </summary>
    Jeffreys,

    /// <summary>Wilson score interval (closed form, never leaves [0, 1]).</summary>
    Wilson,
}

/// <summary>Confidence intervals for a binomial proportion x / n.</summary>
public static class BinomialInterval
{
    /// <summary>Default two-sided coverage of reported frequency intervals (90%).</summary>
    public const double DefaultLevel = 0.9;

    /// <summary>Interval for x events out of n trials by the chosen method.</summary>
    /// <param name="events">x, in 0..n.</param>
    /// <param name="trials">n ≥ 1.</param>
    /// <param name="level">Two-sided coverage in (0, 1), e.g. 0.9.</param>
    /// <param name="method">Jeffreys or Wilson.</param>
    public static (double Lower, double Upper) Compute(int events, int trials, double level = DefaultLevel, FrequencyInterval method = FrequencyInterval.Jeffreys) =>
        method switch
        {
            FrequencyInterval.Jeffreys => Jeffreys(events, trials, level),
            FrequencyInterval.Wilson => Wilson(events, trials, level),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown interval method."),
        };

    /// <summary>Jeffreys interval: Beta(x + ½, n − x + ½) quantiles at (1 ∓ level) / 2.</summary>
    /// <param name="events">x, in 0..n.</param>
    /// <param name="trials">n ≥ 1.</param>
    /// <param name="level">Two-sided coverage in (0, 1).</param>
    public static (double Lower, double Upper) Jeffreys(int events, int trials, double level = DefaultLevel)
    {
        Check(events, trials, level);
        var a = events + 0.5;
        var b = trials - events + 0.5;
        var tail = (1.0 - level) / 2.0;
        var lower = events == 0 ? 0.0 : Beta.InvCDF(a, b, tail);
        var upper = events == trials ? 1.0 : Beta.InvCDF(a, b, 1.0 - tail);
        return (lower, upper);
    }

    /// <summary>Wilson score interval: (x + z²/2 ± z √(x(n − x)/n + z²/4)) / (n + z²).</summary>
    /// <param name="events">x, in 0..n.</param>
    /// <param name="trials">n ≥ 1.</param>
    /// <param name="level">Two-sided coverage in (0, 1).</param>
    public static (double Lower, double Upper) Wilson(int events, int trials, double level = DefaultLevel)
    {
        Check(events, trials, level);
        var z = Normal.InvCDF(0.0, 1.0, 0.5 + level / 2.0);
        var z2 = z * z;
        double x = events, n = trials;
        var centre = (x + z2 / 2.0) / (n + z2);
        var half = z / (n + z2) * Math.Sqrt(x * (n - x) / n + z2 / 4.0);
        // At x = 0 (x = n) the lower (upper) end is exactly 0 (1); set it so rounding cannot exclude ō.
        var lower = events == 0 ? 0.0 : Math.Max(0.0, centre - half);
        var upper = events == trials ? 1.0 : Math.Min(1.0, centre + half);
        return (lower, upper);
    }

    private static void Check(int events, int trials, double level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, trials);
        if (!(level > 0.0 && level < 1.0))
            throw new ArgumentOutOfRangeException(nameof(level), level, "Coverage must be in (0, 1).");
    }
}
