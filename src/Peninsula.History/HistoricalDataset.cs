using Peninsula.Core;

namespace Peninsula.History;

/// <summary>
/// The curated historical record as typed, immutable rows, each file in its stored order. When loaded with
/// an <see cref="Until"/> month, nothing dated after that month is present (see <see cref="HistoricalData.Load"/>).
/// Two datasets are equal when <see cref="Until"/>, the months and every row of every table are equal.
/// </summary>
/// <param name="Until">The no-look-ahead cut the data was loaded with; null when everything was loaded.</param>
/// <param name="FirstMonth">First month of <paramref name="MonthlySeries"/>.</param>
/// <param name="LastMonth">Last month of <paramref name="MonthlySeries"/>: the last month actually present.</param>
/// <param name="Administrations">administrations.csv.</param>
/// <param name="Events">events.csv.</param>
/// <param name="Exercises">exercises.csv.</param>
/// <param name="MissileLaunches">missile_launches.csv.</param>
/// <param name="MonthlySeries">monthly_series.csv: one row per month, contiguous from <paramref name="FirstMonth"/> to <paramref name="LastMonth"/>.</param>
/// <param name="NuclearTests">nuclear_tests.csv.</param>
/// <param name="PolicyPhases">policy_phases.csv.</param>
/// <param name="WeaponsPipeline">weapons_pipeline.csv.</param>
public sealed record HistoricalDataset(
    Month? Until,
    Month FirstMonth,
    Month LastMonth,
    IReadOnlyList<AdministrationRow> Administrations,
    IReadOnlyList<EventRow> Events,
    IReadOnlyList<ExerciseRow> Exercises,
    IReadOnlyList<MissileLaunchRow> MissileLaunches,
    IReadOnlyList<MonthlySeriesRow> MonthlySeries,
    IReadOnlyList<NuclearTestRow> NuclearTests,
    IReadOnlyList<PolicyPhaseRow> PolicyPhases,
    IReadOnlyList<WeaponsPipelineRow> WeaponsPipeline)
{
    /// <summary>The ladder label of every month of <see cref="MonthlySeries"/>, in order.</summary>
    public IReadOnlyList<LadderMonth> LadderLabels() => MonthlySeries.Select(LadderLabel.Label).ToArray();

    /// <summary>The monthly row of <paramref name="month"/>, or null when it is outside the series.</summary>
    public MonthlySeriesRow? MonthlyRow(Month month)
    {
        var offset = month.MonthsSince(FirstMonth);
        return offset >= 0 && offset < MonthlySeries.Count ? MonthlySeries[offset] : null;
    }

    /// <summary>Value equality over the cut, the months and every row of every table.</summary>
    public bool Equals(HistoricalDataset? other) =>
        other is not null
        && Until == other.Until
        && FirstMonth == other.FirstMonth
        && LastMonth == other.LastMonth
        && Administrations.SequenceEqual(other.Administrations)
        && Events.SequenceEqual(other.Events)
        && Exercises.SequenceEqual(other.Exercises)
        && MissileLaunches.SequenceEqual(other.MissileLaunches)
        && MonthlySeries.SequenceEqual(other.MonthlySeries)
        && NuclearTests.SequenceEqual(other.NuclearTests)
        && PolicyPhases.SequenceEqual(other.PolicyPhases)
        && WeaponsPipeline.SequenceEqual(other.WeaponsPipeline);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(
        Until, FirstMonth, LastMonth, Administrations.Count, Events.Count, MissileLaunches.Count, MonthlySeries.Count);
}
