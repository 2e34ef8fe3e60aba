using System.Globalization;
using Peninsula.Core;

namespace Peninsula.History.Parsing;

/// <summary>
/// The eight curated files: exact headers, the as-of rule that dates each row for the no-look-ahead cut,
/// and the typed row builders with their checks.
/// </summary>
internal static class Tables
{
    public static readonly TableSpec<AdministrationRow> Administrations = new()
    {
        FileName = "administrations.csv",
        Columns =
        [
            "admin_id", "country", "leader", "party", "term_start", "term_end", "elected_on", "declared_dprk_policy",
            "orientation", "notes", "certainty",
        ],
        // Known from the election (a forecast at the end of 2020 knows who comes in); DPRK leaders from taking office.
        AsOf = r =>
        {
            var elected = r.OptionalDate("elected_on");
            var start = r.Date("term_start");
            return RowReader.MonthOf(elected ?? start);
        },
        Build = r =>
        {
            var start = r.Date("term_start");
            var end = r.OptionalDate("term_end");
            var elected = r.OptionalDate("elected_on");
            if (end is { } e && e < start)
                r.Fail("term_end", $"{RowReader.Iso(e)} is before term_start {RowReader.Iso(start)}");
            if (elected is { } el && el > start)
                r.Fail("elected_on", $"{RowReader.Iso(el)} is after term_start {RowReader.Iso(start)}");
            return new AdministrationRow(
                r.Text("admin_id"), r.OneOf("country", Vocabulary.Countries), r.Text("leader"), r.Text("party"),
                start, r.KnownBy(end), elected, r.Text("declared_dprk_policy"),
                r.OneOf("orientation", Vocabulary.Orientations), r.OptionalText("notes"),
                r.OneOf("certainty", Vocabulary.Certainty));
        },
        IdColumn = "admin_id",
        Id = row => row.AdminId,
    };

    public static readonly TableSpec<EventRow> Events = new()
    {
        FileName = "events.csv",
        Columns =
        [
            "event_id", "date", "date_precision", "end_date", "year", "month", "actor", "target", "category",
            "valence", "description", "source", "ref", "certainty", "origin",
        ],
        AsOf = r => DatedRow(r, "date"),
        Build = r =>
        {
            var date = r.Date("date");
            var precision = r.OneOf("date_precision", Vocabulary.DayOrMonth);
            RequireFirstDayForMonthPrecision(r, date, precision, "date");
            var end = r.OptionalDate("end_date");
            if (end is { } e && e < date)
                r.Fail("end_date", $"{RowReader.Iso(e)} is before date {RowReader.Iso(date)}");
            return new EventRow(
                r.Text("event_id"), date, precision, r.KnownBy(end), Codes(r, "actor"), Codes(r, "target"),
                r.OneOf("category", Vocabulary.EventCategories), r.OneOf("valence", Vocabulary.Valences),
                r.Text("description"), r.Text("source"), r.OptionalText("ref"),
                r.OneOf("certainty", Vocabulary.Certainty), r.OneOf("origin", Vocabulary.EventOrigins));
        },
        IdColumn = "event_id",
        Id = row => row.EventId,
    };

    public static readonly TableSpec<ExerciseRow> Exercises = new()
    {
        FileName = "exercises.csv",
        Columns =
        [
            "exercise_id", "year", "series", "name", "exercise_type", "start_date", "end_date", "start_month",
            "end_month", "date_precision", "date_basis", "imputed_days_by_month", "days_counted", "scale", "notes",
            "source", "certainty", "event_id",
        ],
        // Known once over: the last day (day precision), the last month (month precision), or the end of the
        // year for an exercise not held (its cancellation may be announced any time that year).
        AsOf = r =>
        {
            var year = r.Year("year");
            var precision = r.OneOf("date_precision", Vocabulary.ExercisePrecisions);
            if (r.HasErrors)
                return default;
            switch (precision)
            {
                case "day":
                    return RowReader.MonthOf(r.Date("end_date"));
                case "month":
                    var end = r.OptionalYearMonth("end_month");
                    if (end is null && !r.HasErrors)
                        r.Fail("end_month", "is empty but required when date_precision is month");
                    return end ?? default;
                default:
                    return Month.Of(year, 12);
            }
        },
        Build = BuildExercise,
        IdColumn = "exercise_id",
        Id = row => row.ExerciseId,
    };

    public static readonly TableSpec<MissileLaunchRow> MissileLaunches = new()
    {
        FileName = "missile_launches.csv",
        Columns =
        [
            "launch_id", "launch_day_id", "date", "date_precision", "date_basis", "date_utc", "year", "month", "class",
            "system", "count", "count_note", "outcome", "n_success", "n_failure", "n_unknown", "launch_site",
            "max_distance_km", "max_apogee_km", "dataset", "in_cns", "class_basis", "source", "notes",
        ],
        AsOf = r => DatedRow(r, "date"),
        Build = r =>
        {
            var date = r.Date("date");
            var precision = r.OneOf("date_precision", Vocabulary.DayOrMonth);
            RequireFirstDayForMonthPrecision(r, date, precision, "date");
            var count = r.OptionalCount("count");
            var success = r.OptionalCount("n_success");
            var failure = r.OptionalCount("n_failure");
            var unknown = r.OptionalCount("n_unknown");
            if (count is { } c && success is { } s && failure is { } f && unknown is { } u && s + f + u != c)
                r.Fail("count", $"{c} is not n_success + n_failure + n_unknown = {s + f + u}");
            var dataset = r.OneOf("dataset", Vocabulary.Datasets);
            var inCns = r.YesNo("in_cns");
            if (!r.HasErrors && inCns != (dataset == "CNS"))
                r.Fail("in_cns", $"'{(inCns ? "yes" : "no")}' contradicts dataset {dataset}");
            return new MissileLaunchRow(
                r.Text("launch_id"), r.Text("launch_day_id"), date, precision, r.Text("date_basis"),
                r.OptionalText("date_utc"), r.OneOf("class", Vocabulary.MissileClasses), r.Text("system"), count,
                r.Text("count_note"), r.OneOf("outcome", Vocabulary.Outcomes), success, failure, unknown,
                r.OptionalText("launch_site"), r.OptionalNumber("max_distance_km"), r.OptionalNumber("max_apogee_km"),
                dataset, inCns, r.Text("class_basis"), r.Text("source"), r.OptionalText("notes"));
        },
        IdColumn = "launch_id",
        Id = row => row.LaunchId,
    };

    public static readonly TableSpec<MonthlySeriesRow> MonthlySeries = new()
    {
        FileName = "monthly_series.csv",
        Columns = ["year", "month", .. MonthlySeriesRow.CountColumns],
        AsOf = r =>
        {
            var year = r.Year("year");
            var month = r.MonthOfYear("month");
            return r.HasErrors ? default : Month.Of(year, month);
        },
        Build = r =>
        {
            var month = Month.Of(r.Year("year"), r.MonthOfYear("month"));
            var counts = new int[MonthlySeriesRow.CountColumns.Count];
            for (var i = 0; i < counts.Length; i++)
                counts[i] = r.Count(MonthlySeriesRow.CountColumns[i]);
            return MonthlySeriesRow.FromCounts(month, counts);
        },
    };

    public static readonly TableSpec<NuclearTestRow> NuclearTests = new()
    {
        FileName = "nuclear_tests.csv",
        Columns =
        [
            "test_id", "date_local", "year", "month", "time_utc_approx", "site", "body_wave_magnitude_mb",
            "yield_kt_estimate", "yield_certainty", "notes", "sources",
        ],
        AsOf = r => DatedRow(r, "date_local"),
        Build = r => new NuclearTestRow(
            r.Text("test_id"), r.Date("date_local"), r.Time("time_utc_approx"), r.Text("site"),
            r.LeadingNumber("body_wave_magnitude_mb"), r.Text("body_wave_magnitude_mb"), r.Text("yield_kt_estimate"),
            r.Text("yield_certainty"), r.Text("notes"), r.Text("sources")),
        IdColumn = "test_id",
        Id = row => row.TestId,
    };

    public static readonly TableSpec<PolicyPhaseRow> PolicyPhases = new()
    {
        FileName = "policy_phases.csv",
        Columns = ["phase_id", "country", "leader", "phase_start", "phase_end", "label", "orientation", "notes"],
        AsOf = r => RowReader.MonthOf(r.Date("phase_start")),
        Build = r =>
        {
            var start = r.Date("phase_start");
            var end = r.Date("phase_end");
            if (end <= start && !r.HasErrors)
                r.Fail("phase_end", $"{RowReader.Iso(end)} is not after phase_start {RowReader.Iso(start)}");
            return new PolicyPhaseRow(
                r.Text("phase_id"), r.OneOf("country", Vocabulary.Countries), r.Text("leader"), start, r.KnownBy(end),
                r.Text("label"), r.OneOf("orientation", Vocabulary.Orientations), r.OptionalText("notes"));
        },
        IdColumn = "phase_id",
        Id = row => row.PhaseId,
    };

    public static readonly TableSpec<WeaponsPipelineRow> WeaponsPipeline = new()
    {
        FileName = "weapons_pipeline.csv",
        Columns =
        [
            "pipeline_id", "date", "date_precision", "year", "month", "kind", "system", "description", "event_id",
            "source", "certainty", "notes",
        ],
        AsOf = r => DatedRow(r, "date"),
        Build = r =>
        {
            var date = r.Date("date");
            var precision = r.OneOf("date_precision", Vocabulary.DayOrMonth);
            RequireFirstDayForMonthPrecision(r, date, precision, "date");
            return new WeaponsPipelineRow(
                r.Text("pipeline_id"), date, precision, r.OneOf("kind", Vocabulary.PipelineKinds), r.Text("system"),
                r.Text("description"), r.OptionalText("event_id"), r.Text("source"),
                r.OneOf("certainty", Vocabulary.Certainty), r.OptionalText("notes"));
        },
        IdColumn = "pipeline_id",
        Id = row => row.PipelineId,
    };

    /// <summary>The file names, in ordinal order (the order files are read and errors reported).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
    [
        Administrations.FileName, Events.FileName, Exercises.FileName, MissileLaunches.FileName,
        MonthlySeries.FileName, NuclearTests.FileName, PolicyPhases.FileName, WeaponsPipeline.FileName,
    ];

    /// <summary>A row dated by one date column whose <c>year</c> and <c>month</c> columns must agree with it.</summary>
    private static Month DatedRow(RowReader r, string dateColumn)
    {
        var date = r.Date(dateColumn);
        if (r.HasErrors)
            return default;
        r.RequireSameMonth(date, dateColumn, "year", "month");
        return RowReader.MonthOf(date);
    }

    private static void RequireFirstDayForMonthPrecision(RowReader r, DateOnly date, string precision, string column)
    {
        if (precision == "month" && date.Day != 1)
            r.Fail(column, $"{RowReader.Iso(date)} should be stored as day 01 when date_precision is month");
    }

    private static string Codes(RowReader r, string column)
    {
        var value = r.Text(column);
        if (value.Length == 0)
            return value;
        foreach (var code in value.Split(';'))
        {
            if (!Vocabulary.ActorCodes.Contains(code))
            {
                r.Fail(column, $"{ErrorLog.Show(code)} is not a known actor code");
                break;
            }
        }
        return value;
    }

    private static ExerciseRow BuildExercise(RowReader r)
    {
        var year = r.Year("year");
        var precision = r.OneOf("date_precision", Vocabulary.ExercisePrecisions);
        var startDate = r.OptionalDate("start_date");
        var endDate = r.OptionalDate("end_date");
        var startMonth = r.OptionalYearMonth("start_month");
        var endMonth = r.OptionalYearMonth("end_month");
        var imputed = r.OptionalText("imputed_days_by_month");
        var days = r.Count("days_counted");
        if (!r.HasErrors)
        {
            switch (precision)
            {
                case "day":
                    RequirePresent(r, "start_date", startDate is not null, precision);
                    RequireAbsent(r, "start_month", startMonth is null, precision);
                    RequireAbsent(r, "end_month", endMonth is null, precision);
                    RequireAbsent(r, "imputed_days_by_month", imputed is null, precision);
                    if (startDate is { } s && endDate is { } e)
                    {
                        if (e < s)
                            r.Fail("end_date", $"{RowReader.Iso(e)} is before start_date {RowReader.Iso(s)}");
                        else if (e.DayNumber - s.DayNumber + 1 != days)
                            r.Fail("days_counted", $"{days} differs from the {e.DayNumber - s.DayNumber + 1} days from start_date to end_date");
                        if (s.Year != year)
                            r.Fail("year", $"{year} is not the year of start_date {RowReader.Iso(s)}");
                    }
                    break;
                case "month":
                    RequirePresent(r, "start_month", startMonth is not null, precision);
                    RequireAbsent(r, "start_date", startDate is null, precision);
                    RequireAbsent(r, "end_date", endDate is null, precision);
                    RequirePresent(r, "imputed_days_by_month", imputed is not null, precision);
                    if (startMonth is { } sm && endMonth is { } em)
                    {
                        if (em < sm)
                            r.Fail("end_month", $"{em} is before start_month {sm}");
                        if (sm.Year != year)
                            r.Fail("year", $"{year} is not the year of start_month {sm}");
                        if (imputed is not null)
                            CheckImputed(r, imputed, sm, em, days);
                    }
                    break;
                default:
                    RequireAbsent(r, "start_date", startDate is null, precision);
                    RequireAbsent(r, "end_date", endDate is null, precision);
                    RequireAbsent(r, "start_month", startMonth is null, precision);
                    RequireAbsent(r, "end_month", endMonth is null, precision);
                    RequireAbsent(r, "imputed_days_by_month", imputed is null, precision);
                    if (days != 0)
                        r.Fail("days_counted", $"{days} should be 0 when date_precision is none");
                    break;
            }
        }
        return new ExerciseRow(
            r.Text("exercise_id"), year, r.OneOf("series", Vocabulary.ExerciseSeries), r.Text("name"),
            r.OneOf("exercise_type", Vocabulary.ExerciseTypes), startDate, endDate, startMonth, endMonth, precision,
            r.OneOf("date_basis", Vocabulary.ExerciseDateBases), imputed, days,
            r.OneOf("scale", Vocabulary.ExerciseScales), r.OptionalText("notes"), r.Text("source"),
            r.OneOf("certainty", Vocabulary.Certainty), r.OptionalText("event_id"));
    }

    private static void RequirePresent(RowReader r, string column, bool present, string precision)
    {
        if (!present)
            r.Fail(column, $"is empty but required when date_precision is {precision}");
    }

    private static void RequireAbsent(RowReader r, string column, bool absent, string precision)
    {
        if (!absent)
            r.Fail(column, $"must be empty when date_precision is {precision}");
    }

    /// <summary>Checks <c>YYYY-MM:n;…</c>: months within the span, in order, days summing to <paramref name="days"/>.</summary>
    private static void CheckImputed(RowReader r, string imputed, Month start, Month end, int days)
    {
        const string column = "imputed_days_by_month";
        var total = 0;
        Month? previous = null;
        foreach (var part in imputed.Split(';'))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon != 7 || !Month.TryParse(part[..colon], out var month)
                || !int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                || part.Length - colon - 1 is < 1 or > 2)
            {
                r.Fail(column, $"{ErrorLog.Show(part)} is not YYYY-MM:days");
                return;
            }
            if (month < start || month > end || previous is { } p && month <= p)
            {
                r.Fail(column, $"{month} is out of order or outside {start}..{end}");
                return;
            }
            previous = month;
            total += n;
        }
        if (total != days)
            r.Fail("days_counted", $"{days} differs from the {total} imputed days");
    }
}
