using Peninsula.Core;

namespace Peninsula.History;

/// <summary>One launch event = (local date, missile class, system) (missile_launches.csv).</summary>
/// <param name="LaunchId">ML0001…</param>
/// <param name="LaunchDayId">LD0001…, one per distinct local date.</param>
/// <param name="Date">Korea-local date; day 01 when <paramref name="DatePrecision"/> is <c>month</c>.</param>
/// <param name="DatePrecision">day or month.</param>
/// <param name="DateBasis">How the local date was derived.</param>
/// <param name="DateUtc">Original CNS date(s) in UTC, <c>;</c>-separated; null when blank.</param>
/// <param name="Class">SRBM, MRBM, IRBM, ICBM, SLBM, SLV, CRUISE, SAM, MLRS_ROCKET, BALLISTIC_UNSPEC, SHORT_RANGE_UNSPEC or UNSPECIFIED.</param>
/// <param name="System">Missile name.</param>
/// <param name="Count">Number of missiles; null when unknown.</param>
/// <param name="CountNote">How the count was established.</param>
/// <param name="Outcome">success, failure, mixed or unknown.</param>
/// <param name="NSuccess">Successes (CNS rows); null when blank.</param>
/// <param name="NFailure">Failures (CNS rows); null when blank.</param>
/// <param name="NUnknown">Unknown outcomes (CNS rows); null when blank.</param>
/// <param name="LaunchSite">Launch site; null when unknown.</param>
/// <param name="MaxDistanceKm">Maximum distance flown; null when unknown.</param>
/// <param name="MaxApogeeKm">Maximum apogee; null when unknown.</param>
/// <param name="Dataset">CNS (standard series) or CSIS (supplement).</param>
/// <param name="InCns">Whether the row is in the CNS database.</param>
/// <param name="ClassBasis">Where the class comes from.</param>
/// <param name="Source">Citation.</param>
/// <param name="Notes">Caveats; null when blank.</param>
public sealed record MissileLaunchRow(
    string LaunchId, string LaunchDayId, DateOnly Date, string DatePrecision, string DateBasis, string? DateUtc,
    string Class, string System, int? Count, string CountNote, string Outcome, int? NSuccess, int? NFailure,
    int? NUnknown, string? LaunchSite, double? MaxDistanceKm, double? MaxApogeeKm, string Dataset, bool InCns,
    string ClassBasis, string Source, string? Notes)
{
    /// <summary>The month of <see cref="Date"/>.</summary>
    public Month Month => Month.Of(Date.Year, Date.Month);
}
