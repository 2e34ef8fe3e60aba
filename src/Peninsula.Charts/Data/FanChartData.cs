using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// Quantiles of a probability across parameter draws in one month (each in [0, 1], ordered
/// <see cref="Q05"/> ≤ <see cref="Q25"/> ≤ <see cref="Median"/> ≤ <see cref="Q75"/> ≤ <see cref="Q95"/>).
/// </summary>
/// <param name="Median">50th percentile.</param>
/// <param name="Q25">25th percentile (lower edge of the 50% band).</param>
/// <param name="Q75">75th percentile (upper edge of the 50% band).</param>
/// <param name="Q05">5th percentile (lower edge of the 90% band).</param>
/// <param name="Q95">95th percentile (upper edge of the 90% band).</param>
public readonly record struct MonthQuantiles(double Median, double Q25, double Q75, double Q05, double Q95);

/// <summary>One fan: a probability (e.g. P(ladder level ≥ 4 in the month)) month by month.</summary>
/// <param name="Name">Legend text, e.g. "level ≥4".</param>
/// <param name="Points">One entry per month of <see cref="FanChartData.Months"/>.</param>
public sealed record FanSeries(string Name, ImmutableArray<MonthQuantiles> Points);

/// <summary>
/// Fan chart: for each series a median line, a 50% band and a lighter 90% band over months.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Months">Month labels "YYYY-MM", increasing.</param>
/// <param name="Series">At least one fan; names distinct.</param>
public sealed record FanChartData(string Title, ImmutableArray<string> Months, ImmutableArray<FanSeries> Series)
{
    /// <summary>Y-axis label (values are drawn in percent); default "Probability in the month (%)".</summary>
    /// <summary>What the central line is, shown in the legend as "name (…)"; default "median".</summary>
    public string CentralLabel { get; init; } = "median";

    public string YLabel { get; init; } = "Probability in the month (%)";

    /// <summary>X-axis label; default "Month (YYYY-MM)".</summary>
    public string XLabel { get; init; } = "Month (YYYY-MM)";
}
