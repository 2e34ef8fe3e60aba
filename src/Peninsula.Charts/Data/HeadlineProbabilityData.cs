using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>Probability of one headline outcome under one policy package, with an optional interval.</summary>
/// <param name="Outcome">Outcome, e.g. "level≥5 within 12 months".</param>
/// <param name="Policy">Policy package.</param>
/// <param name="Probability">Estimate in [0, 1].</param>
/// <param name="Lower">Optional interval lower end in [0, 1]; given together with <paramref name="Upper"/>.</param>
/// <param name="Upper">Optional interval upper end in [0, 1].</param>
public sealed record HeadlineProbability(string Outcome, string Policy, double Probability, double? Lower = null, double? Upper = null);

/// <summary>
/// Side-by-side bars of headline probabilities: one group per outcome, one bar per policy. Every
/// (outcome, policy) pair must appear exactly once; groups and bars keep the order of first appearance.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Probabilities">The grid of outcome × policy probabilities.</param>
public sealed record HeadlineProbabilityData(string Title, ImmutableArray<HeadlineProbability> Probabilities)
{
    /// <summary>Y-axis label; default "Probability (%)".</summary>
    public string YLabel { get; init; } = "Probability (%)";

    /// <summary>X-axis label; default "Headline outcome".</summary>
    public string XLabel { get; init; } = "Headline outcome";

    /// <summary>Meaning of the whiskers, shown in the legend when any interval is given.</summary>
    public string IntervalLabel { get; init; } = "90% interval (parameter uncertainty)";
}
