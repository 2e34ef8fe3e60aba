using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// Cumulative probability of a first event by month t (e.g. the first ladder level ≥5 event), one
/// line per policy, each with an optional 90% band. All values are probabilities in [0, 1].
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Months">Month labels "YYYY-MM", increasing.</param>
/// <param name="Series">One line per policy (names distinct), each as long as <paramref name="Months"/>.</param>
public sealed record CumulativeProbabilityData(string Title, ImmutableArray<string> Months, ImmutableArray<BandedSeries> Series)
{
    /// <summary>Y-axis label; default "P(first level ≥5 event by month) (%)".</summary>
    public string YLabel { get; init; } = "P(first level ≥5 event by month) (%)";

    /// <summary>X-axis label; default "Month (YYYY-MM)".</summary>
    public string XLabel { get; init; } = "Month (YYYY-MM)";

    /// <summary>Legend text of the bands; default "90% interval (parameter uncertainty)".</summary>
    public string BandLabel { get; init; } = "90% interval (parameter uncertainty)";
}
