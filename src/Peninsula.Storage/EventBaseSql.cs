namespace Peninsula.Storage;

/// <summary>
/// The statements of the event base that are not plain per-table inserts, kept portable (SQLite and
/// PostgreSQL): months are <c>YYYY-MM</c> TEXT, so ranges compare as text.
/// </summary>
internal static class EventBaseSql
{
    /// <summary>The import row.</summary>
    public const string SelectImport =
        "SELECT data_sha256, until_month, first_month, last_month, administration_rows, event_rows, exercise_rows, " +
        "missile_launch_rows, monthly_rows, nuclear_test_rows, policy_phase_rows, weapons_pipeline_rows FROM hist_import WHERE import_key = 1";

    /// <summary>Records an import (after the table has been emptied).</summary>
    public const string InsertImport =
        "INSERT INTO hist_import (import_key, data_sha256, until_month, first_month, last_month, administration_rows, event_rows, " +
        "exercise_rows, missile_launch_rows, monthly_rows, nuclear_test_rows, policy_phase_rows, weapons_pipeline_rows) VALUES " +
        "(1, @data_sha256, @until_month, @first_month, @last_month, @administration_rows, @event_rows, @exercise_rows, " +
        "@missile_launch_rows, @monthly_rows, @nuclear_test_rows, @policy_phase_rows, @weapons_pipeline_rows)";

    /// <summary>Labels of the months in [@from, @to]: month, level, level without cruise, cruise covered (month ≥ @cruise_start).</summary>
    public static readonly string SelectLabels =
        "SELECT year_month, " + LevelCase("cruise_days") + ", " + LevelCase("0") + ", " +
        "CASE WHEN year_month >= @cruise_start THEN 1 ELSE 0 END " +
        "FROM hist_monthly_series WHERE year_month >= @from AND year_month <= @to ORDER BY year_month";

    /// <summary>Suffix selecting rows whose month is in [@from, @to], in file order.</summary>
    public const string InMonthRange = " WHERE year_month >= @from AND year_month <= @to ORDER BY row_order";

    /// <summary>
    /// The ladder label of DESIGN section 3 in SQL, rung by rung as in <c>LadderLabel.Of</c>;
    /// <paramref name="cruiseDays"/> is the cruise term (<c>cruise_days</c>, or <c>0</c> for the level without cruise).
    /// </summary>
    private static string LevelCase(string cruiseDays) =>
        "CASE WHEN ev_nuclear_test > 0 THEN 6 " +
        "WHEN icbm_missiles > 0 OR slv_launches > 0 THEN 5 " +
        "WHEN mrbm_irbm_days > 0 OR slbm_missiles > 0 THEN 4 " +
        "WHEN srbm_days > 0 OR csis_only_ballistic_days > 0 OR " + cruiseDays + " > 0 OR cns_launch_days > 0 THEN 3 " +
        "WHEN ev_provocation_interkorean > 0 THEN 2 " +
        "WHEN dprk_conflict_events > 0 THEN 1 " +
        "ELSE 0 END";
}
