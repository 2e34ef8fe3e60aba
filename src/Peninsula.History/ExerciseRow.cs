using System.Globalization;
using Peninsula.Core;

namespace Peninsula.History;

/// <summary>A major combined US–ROK exercise in one year (exercises.csv).</summary>
/// <param name="ExerciseId">EX001…</param>
/// <param name="Year">Calendar year of the (planned) start.</param>
/// <param name="Series">TEAM_SPIRIT, SPRING_CPX, FOAL_EAGLE or SUMMER_CPX.</param>
/// <param name="Name">Name that year.</param>
/// <param name="ExerciseType">FTX, CPX or CPX+FTX.</param>
/// <param name="StartDate">First day (Korea time) when <paramref name="DatePrecision"/> is <c>day</c>.</param>
/// <param name="EndDate">Last day, inclusive, when <paramref name="DatePrecision"/> is <c>day</c>.</param>
/// <param name="StartMonth">First month when <paramref name="DatePrecision"/> is <c>month</c>.</param>
/// <param name="EndMonth">Last month when <paramref name="DatePrecision"/> is <c>month</c>.</param>
/// <param name="DatePrecision">day, month or none (not held).</param>
/// <param name="DateBasis">documented, partly_documented, public_record, month_documented, month_inferred or n/a.</param>
/// <param name="ImputedDaysByMonth">Month-precision rows: <c>YYYY-MM:n;…</c> nominal days per month; see <see cref="ImputedDays"/>.</param>
/// <param name="DaysCounted">Days the row contributes (0 if not held).</param>
/// <param name="Scale">full, reduced, computer-simulation-only, suspended or cancelled.</param>
/// <param name="Notes">Own wording; null when blank.</param>
/// <param name="Source">Source.</param>
/// <param name="Certainty">high or medium.</param>
/// <param name="EventId">Related events.csv row; null when blank.</param>
public sealed record ExerciseRow(
    string ExerciseId, int Year, string Series, string Name, string ExerciseType, DateOnly? StartDate,
    DateOnly? EndDate, Month? StartMonth, Month? EndMonth, string DatePrecision, string DateBasis,
    string? ImputedDaysByMonth, int DaysCounted, string Scale, string? Notes, string Source, string Certainty,
    string? EventId)
{
    /// <summary>The imputed days per month of a month-precision row (empty otherwise), in stored order.</summary>
    public IReadOnlyList<(Month Month, int Days)> ImputedDays()
    {
        if (ImputedDaysByMonth is null)
            return [];
        var result = new List<(Month, int)>();
        foreach (var part in ImputedDaysByMonth.Split(';'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            result.Add((Month.Parse(part[..colon]), int.Parse(part[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
