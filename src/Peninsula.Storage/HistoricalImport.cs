using Peninsula.Core;

namespace Peninsula.Storage;

/// <summary>What the event base currently holds: the <c>hist_import</c> row.</summary>
/// <param name="DataSha256">SHA-256 of the data folder the rows came from (HistoricalData.ComputeSha256).</param>
/// <param name="Until">The no-look-ahead cut the data was loaded with; null for everything.</param>
/// <param name="FirstMonth">First month of the monthly series.</param>
/// <param name="LastMonth">Last month of the monthly series.</param>
/// <param name="AdministrationRows">Rows in <c>hist_administrations</c>.</param>
/// <param name="EventRows">Rows in <c>hist_events</c>.</param>
/// <param name="ExerciseRows">Rows in <c>hist_exercises</c>.</param>
/// <param name="MissileLaunchRows">Rows in <c>hist_missile_launches</c>.</param>
/// <param name="MonthlyRows">Rows in <c>hist_monthly_series</c>.</param>
/// <param name="NuclearTestRows">Rows in <c>hist_nuclear_tests</c>.</param>
/// <param name="PolicyPhaseRows">Rows in <c>hist_policy_phases</c>.</param>
/// <param name="WeaponsPipelineRows">Rows in <c>hist_weapons_pipeline</c>.</param>
public sealed record HistoricalImport(
    string DataSha256, Month? Until, Month FirstMonth, Month LastMonth, int AdministrationRows, int EventRows,
    int ExerciseRows, int MissileLaunchRows, int MonthlyRows, int NuclearTestRows, int PolicyPhaseRows,
    int WeaponsPipelineRows);
