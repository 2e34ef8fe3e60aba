using System.Globalization;
using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>One <c>hist_</c> table: its columns (in the order of <see cref="Values"/>) and how a row maps to them.</summary>
/// <typeparam name="T">The typed row.</typeparam>
internal sealed record HistTable<T>(string Name, IReadOnlyList<string> Columns, Func<T, int, object?[]> Values)
{
    /// <summary>An insert of one row with parameters @p0, @p1, … in column order.</summary>
    public string InsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";

    /// <summary>A select of every column, in column order.</summary>
    public string SelectSql => $"SELECT {string.Join(", ", Columns)} FROM {Name}";
}

/// <summary>
/// The mapping between the typed historical rows and the <c>hist_</c> tables of schema version 2. Dates are
/// ISO <c>YYYY-MM-DD</c> TEXT, months <c>YYYY-MM</c> TEXT, flags INTEGER 0/1; <c>row_order</c> keeps the
/// files' order; <c>year_month</c> is the row's month for range queries.
/// </summary>
internal static class EventBaseTables
{
    public static readonly HistTable<AdministrationRow> Administrations = new(
        "hist_administrations",
        ["admin_id", "row_order", "country", "leader", "party", "term_start", "term_end", "elected_on", "declared_dprk_policy", "orientation", "notes", "certainty"],
        (r, i) => [r.AdminId, i, r.Country, r.Leader, r.Party, r.TermStart, r.TermEnd, r.ElectedOn, r.DeclaredDprkPolicy, r.Orientation, r.Notes, r.Certainty]);

    public static readonly HistTable<PolicyPhaseRow> PolicyPhases = new(
        "hist_policy_phases",
        ["phase_id", "row_order", "country", "leader", "phase_start", "phase_end", "label", "orientation", "notes"],
        (r, i) => [r.PhaseId, i, r.Country, r.Leader, r.PhaseStart, r.PhaseEnd, r.Label, r.Orientation, r.Notes]);

    public static readonly HistTable<EventRow> Events = new(
        "hist_events",
        ["event_id", "row_order", "year_month", "date", "date_precision", "end_date", "actor", "target", "category", "valence", "description", "source", "ref", "certainty", "origin"],
        (r, i) => [r.EventId, i, r.Month, r.Date, r.DatePrecision, r.EndDate, r.Actor, r.Target, r.Category, r.Valence, r.Description, r.Source, r.Ref, r.Certainty, r.Origin]);

    public static readonly HistTable<MissileLaunchRow> MissileLaunches = new(
        "hist_missile_launches",
        ["launch_id", "row_order", "year_month", "launch_day_id", "date", "date_precision", "date_basis", "date_utc", "class", "system", "count", "count_note", "outcome", "n_success", "n_failure", "n_unknown", "launch_site", "max_distance_km", "max_apogee_km", "dataset", "in_cns", "class_basis", "source", "notes"],
        (r, i) => [r.LaunchId, i, r.Month, r.LaunchDayId, r.Date, r.DatePrecision, r.DateBasis, r.DateUtc, r.Class, r.System, r.Count, r.CountNote, r.Outcome, r.NSuccess, r.NFailure, r.NUnknown, r.LaunchSite, r.MaxDistanceKm, r.MaxApogeeKm, r.Dataset, r.InCns, r.ClassBasis, r.Source, r.Notes]);

    public static readonly HistTable<NuclearTestRow> NuclearTests = new(
        "hist_nuclear_tests",
        ["test_id", "row_order", "year_month", "date_local", "time_utc_approx", "site", "body_wave_magnitude", "body_wave_magnitude_text", "yield_kt_estimate", "yield_certainty", "notes", "sources"],
        (r, i) => [r.TestId, i, r.Month, r.DateLocal, r.TimeUtcApprox, r.Site, r.BodyWaveMagnitude, r.BodyWaveMagnitudeText, r.YieldKtEstimate, r.YieldCertainty, r.Notes, r.Sources]);

    public static readonly HistTable<ExerciseRow> Exercises = new(
        "hist_exercises",
        ["exercise_id", "row_order", "year", "series", "name", "exercise_type", "start_date", "end_date", "start_month", "end_month", "date_precision", "date_basis", "imputed_days_by_month", "days_counted", "scale", "notes", "source", "certainty", "event_id"],
        (r, i) => [r.ExerciseId, i, r.Year, r.Series, r.Name, r.ExerciseType, r.StartDate, r.EndDate, r.StartMonth, r.EndMonth, r.DatePrecision, r.DateBasis, r.ImputedDaysByMonth, r.DaysCounted, r.Scale, r.Notes, r.Source, r.Certainty, r.EventId]);

    public static readonly HistTable<WeaponsPipelineRow> WeaponsPipeline = new(
        "hist_weapons_pipeline",
        ["pipeline_id", "row_order", "year_month", "date", "date_precision", "kind", "system", "description", "event_id", "source", "certainty", "notes"],
        (r, i) => [r.PipelineId, i, r.Month, r.Date, r.DatePrecision, r.Kind, r.System, r.Description, r.EventId, r.Source, r.Certainty, r.Notes]);

    public static readonly HistTable<MonthlySeriesRow> MonthlySeries = new(
        "hist_monthly_series",
        ["year_month", "year", "month", .. MonthlySeriesRow.CountColumns],
        (r, _) => [r.Month, r.Month.Year, r.Month.MonthOfYear, .. r.Counts().Select(c => (object?)c)]);

    /// <summary>Every table a replacing import empties (none references another, so the order does not matter).</summary>
    public static readonly IReadOnlyList<string> AllTables =
    [
        Administrations.Name, PolicyPhases.Name, Events.Name, MissileLaunches.Name, NuclearTests.Name,
        Exercises.Name, WeaponsPipeline.Name, MonthlySeries.Name, "hist_import",
    ];

    /// <summary>A value as stored: null → DBNull, dates and months → ISO text, flags → 0/1, ints → 64-bit.</summary>
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH':'mm", CultureInfo.InvariantCulture),
        Month m => m.ToString(),
        bool b => b ? 1L : 0L,
        int n => (long)n,
        _ => value,
    };
}
