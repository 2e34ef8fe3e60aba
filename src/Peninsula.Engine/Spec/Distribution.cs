using Peninsula.Core;

namespace Peninsula.Engine.Spec;

/// <summary>
/// A distribution for an exogenous quantity (e.g. how many more months a border closure lasts).
/// Draws are keyed like every other draw; results are rounded to whole months where used as durations.
/// </summary>
public abstract record Distribution
{
    /// <summary>Draws a value from a uniform <paramref name="u"/> in (0,1) and a standard normal <paramref name="z"/>.</summary>
    public abstract double Sample(double u, double z);

    /// <summary>The distribution's median (for documentation and tests).</summary>
    public abstract double Median { get; }
}

/// <summary>A fixed value.</summary>
public sealed record FixedDistribution(double Value) : Distribution
{
    /// <inheritdoc />
    public override double Sample(double u, double z) => Value;

    /// <inheritdoc />
    public override double Median => Value;
}

/// <summary>Log-normal with the given median and log-scale standard deviation, truncated to [Min, Max].</summary>
public sealed record LogNormalDistribution(double MedianValue, double SdLog, double Min, double Max) : Distribution
{
    /// <inheritdoc />
    public override double Sample(double u, double z) =>
        Math.Clamp(MedianValue * DetMath.Exp(SdLog * z), Min, Max);

    /// <inheritdoc />
    public override double Median => MedianValue;
}

/// <summary>Uniform on [Min, Max].</summary>
public sealed record UniformDistribution(double Min, double Max) : Distribution
{
    /// <inheritdoc />
    public override double Sample(double u, double z) => Min + (Max - Min) * u;

    /// <inheritdoc />
    public override double Median => 0.5 * (Min + Max);
}
