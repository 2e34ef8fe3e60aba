using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// Probabilities of the negotiation phases month by month, drawn as a stacked area. Each month's
/// shares are in [0, 1] and sum to 1 (within 0.001).
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Months">Month labels "YYYY-MM", increasing.</param>
/// <param name="Phases">Phase names in stacking order (bottom first), distinct.</param>
/// <param name="Shares">Per month (outer, as long as <paramref name="Months"/>) the share of each phase (inner, as long as <paramref name="Phases"/>).</param>
public sealed record PhaseChartData(
    string Title, ImmutableArray<string> Months, ImmutableArray<string> Phases, ImmutableArray<ImmutableArray<double>> Shares)
{
    /// <summary>Y-axis label; default "Share of runs in phase (%)".</summary>
    public string YLabel { get; init; } = "Share of runs in phase (%)";

    /// <summary>X-axis label; default "Month (YYYY-MM)".</summary>
    public string XLabel { get; init; } = "Month (YYYY-MM)";
}
