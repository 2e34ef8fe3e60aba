using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>A period in office, shaded in the historical chart; months inclusive.</summary>
/// <param name="Name">Label, e.g. "Clinton".</param>
/// <param name="Start">First month "YYYY-MM".</param>
/// <param name="End">Last month "YYYY-MM", not before <paramref name="Start"/>.</param>
public sealed record AdministrationPeriod(string Name, string Start, string End);

/// <summary>
/// The historical record: the monthly ladder level (step line) with administration periods shaded
/// and labelled and, when given, the model's fitted probability in a panel below on the same time axis.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Months">Month labels "YYYY-MM", increasing.</param>
/// <param name="Levels">Observed ladder level per month, each in [0, <see cref="MaxLevel"/>].</param>
/// <param name="Administrations">Periods to shade (may be empty), in order and not overlapping.</param>
public sealed record HistoricalRecordData(
    string Title, ImmutableArray<string> Months, ImmutableArray<int> Levels, ImmutableArray<AdministrationPeriod> Administrations)
{
    /// <summary>Highest ladder level; default 6.</summary>
    public int MaxLevel { get; init; } = 6;

    /// <summary>Fitted probability per month in [0, 1] (as long as <see cref="Months"/>), or empty for none.</summary>
    public ImmutableArray<double> Fitted { get; init; } = [];

    /// <summary>Y-axis label of the fitted panel; default "Fitted P(level ≥3) (%)".</summary>
    public string FittedLabel { get; init; } = "Fitted P(level ≥3) (%)";

    /// <summary>Level at or above which months are marked on the fitted panel; default 3, null for none.</summary>
    public int? MarkLevelAtLeast { get; init; } = 3;

    /// <summary>Y-axis label of the level panel; default "Ladder level (0–6)".</summary>
    public string LevelLabel { get; init; } = "Ladder level (0–6)";

    /// <summary>X-axis label; default "Year".</summary>
    public string XLabel { get; init; } = "Year";
}
