using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>One simulated quantity (e.g. sanctions pressure) drawn in its own panel.</summary>
/// <param name="Name">Quantity name, shown as the panel's y-axis label.</param>
/// <param name="Unit">Unit shown in the y-axis label, e.g. "index 0–1".</param>
/// <param name="Series">Mean line and 5–95% band per series (e.g. per policy); names distinct.</param>
public sealed record PathQuantity(string Name, string Unit, ImmutableArray<BandedSeries> Series);

/// <summary>
/// Monthly paths of one or more quantities, one panel per quantity stacked with a shared month axis;
/// each series a mean line with a shaded 5–95% band.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Months">Month labels "YYYY-MM", increasing.</param>
/// <param name="Quantities">One or more quantities (at most 4 panels read well).</param>
public sealed record PathChartData(string Title, ImmutableArray<string> Months, ImmutableArray<PathQuantity> Quantities)
{
    /// <summary>X-axis label; default "Month (YYYY-MM)".</summary>
    public string XLabel { get; init; } = "Month (YYYY-MM)";

    /// <summary>Legend text of the bands; default "5–95% range across runs".</summary>
    public string BandLabel { get; init; } = "5–95% range across runs";
}
