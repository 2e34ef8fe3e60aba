using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// Paired difference of one headline outcome's probability between a policy package and the reference
/// package (policy − reference, in [−1, 1]), with its two intervals.
/// </summary>
/// <param name="Outcome">Outcome, e.g. "level≥5 within 12 months".</param>
/// <param name="Policy">Policy package compared with the reference.</param>
/// <param name="Estimate">Point estimate of the difference; inside the Monte Carlo interval.</param>
/// <param name="McLower">Lower end of the Monte Carlo 95% interval.</param>
/// <param name="McUpper">Upper end of the Monte Carlo 95% interval.</param>
/// <param name="ParameterLower">Lower end of the parameter-uncertainty 90% interval.</param>
/// <param name="ParameterUpper">Upper end of the parameter-uncertainty 90% interval.</param>
public sealed record PolicyDifference(
    string Outcome, string Policy, double Estimate,
    double McLower, double McUpper, double ParameterLower, double ParameterUpper);

/// <summary>
/// Paired differences against a reference package: one row per outcome × policy, a point with the
/// Monte Carlo 95% interval (thin, capped) and the parameter-uncertainty 90% interval (thick, light)
/// drawn apart, and a zero line.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="ReferencePolicy">Name of the reference package (shown in the axis label).</param>
/// <param name="Differences">At least one; each (outcome, policy) pair at most once.</param>
public sealed record PolicyComparisonData(string Title, string ReferencePolicy, ImmutableArray<PolicyDifference> Differences)
{
    /// <summary>Category-axis label; default "Outcome · policy".</summary>
    public string CategoryLabel { get; init; } = "Outcome · policy package";
}
