using Peninsula.Core;

namespace Peninsula.History;

/// <summary>One month of the derived monthly panel (monthly_series.csv); every count is non-negative.</summary>
/// <param name="Month">The calendar month (columns <c>year</c>, <c>month</c>).</param>
/// <param name="CnsLaunchDays"><c>cns_launch_days</c>: Distinct CNS launch days.</param>
/// <param name="CnsMissiles"><c>cns_missiles</c>: CNS missiles launched.</param>
/// <param name="SrbmDays"><c>srbm_days</c>: Days with an SRBM launch.</param>
/// <param name="MrbmIrbmDays"><c>mrbm_irbm_days</c>: Days with an MRBM or IRBM launch.</param>
/// <param name="IcbmMissiles"><c>icbm_missiles</c>: ICBMs launched.</param>
/// <param name="SlbmMissiles"><c>slbm_missiles</c>: SLBMs launched.</param>
/// <param name="SlvLaunches"><c>slv_launches</c>: Satellite launch vehicle launches.</param>
/// <param name="CsisOnlyBallisticDays"><c>csis_only_ballistic_days</c>: Ballistic launch days found only in the CSIS supplement.</param>
/// <param name="CruiseDays"><c>cruise_days</c>: Cruise-missile launch days (CSIS supplement; incomplete before 2010).</param>
/// <param name="SamOrRocketDays"><c>sam_or_rocket_days</c>: SAM or rocket-artillery launch days (CSIS supplement).</param>
/// <param name="AllLaunchDays"><c>all_launch_days</c>: Launch days, CNS plus CSIS supplement.</param>
/// <param name="EvNuclearTest"><c>ev_nuclear_test</c>: events.csv rows of category nuclear_test.</param>
/// <param name="EvNuclearProgram"><c>ev_nuclear_program</c>: events.csv rows of category nuclear_program.</param>
/// <param name="EvSanctionsUn"><c>ev_sanctions_un</c>: events.csv rows of category sanctions_un.</param>
/// <param name="EvSanctionsUnilateral"><c>ev_sanctions_unilateral</c>: events.csv rows of category sanctions_unilateral.</param>
/// <param name="EvSanctionsRelief"><c>ev_sanctions_relief</c>: events.csv rows of category sanctions_relief.</param>
/// <param name="EvVeto"><c>ev_veto</c>: events.csv rows of category veto.</param>
/// <param name="EvAgreement"><c>ev_agreement</c>: events.csv rows of category agreement.</param>
/// <param name="EvSummit"><c>ev_summit</c>: events.csv rows of category summit.</param>
/// <param name="EvTalks"><c>ev_talks</c>: events.csv rows of category talks.</param>
/// <param name="EvTalksCollapse"><c>ev_talks_collapse</c>: events.csv rows of category talks_collapse.</param>
/// <param name="EvAid"><c>ev_aid</c>: events.csv rows of category aid.</param>
/// <param name="EvProvocationInterkorean"><c>ev_provocation_interkorean</c>: events.csv rows of category provocation_interkorean.</param>
/// <param name="EvProvocationOther"><c>ev_provocation_other</c>: events.csv rows of category provocation_other.</param>
/// <param name="EvWeaponsTestOther"><c>ev_weapons_test_other</c>: events.csv rows of category weapons_test_other.</param>
/// <param name="EvStatement"><c>ev_statement</c>: events.csv rows of category statement.</param>
/// <param name="EvMilitaryPosture"><c>ev_military_posture</c>: events.csv rows of category military_posture.</param>
/// <param name="EvLeadership"><c>ev_leadership</c>: events.csv rows of category leadership.</param>
/// <param name="EvCoop"><c>ev_coop</c>: events.csv rows with valence coop.</param>
/// <param name="EvConflict"><c>ev_conflict</c>: events.csv rows with valence conflict.</param>
/// <param name="DprkConflictEvents"><c>dprk_conflict_events</c>: events.csv rows whose actors include DPRK with valence conflict (ladder level 1).</param>
/// <param name="ExerciseDaysFull"><c>exercise_days_full</c>: Days covered by full-scale exercises.</param>
/// <param name="ExerciseDaysReduced"><c>exercise_days_reduced</c>: Days covered by reduced or computer-simulation-only exercises.</param>
/// <param name="ExerciseDaysImputed"><c>exercise_days_imputed</c>: How many exercise days are imputed from month-precision rows.</param>
/// <param name="PipelineDisplayOrGoal"><c>pipeline_display_or_goal</c>: weapons_pipeline.csv rows of kind parade_display_new_system or declared_goal.</param>
public sealed record MonthlySeriesRow(
    Month Month,
    int CnsLaunchDays,
    int CnsMissiles,
    int SrbmDays,
    int MrbmIrbmDays,
    int IcbmMissiles,
    int SlbmMissiles,
    int SlvLaunches,
    int CsisOnlyBallisticDays,
    int CruiseDays,
    int SamOrRocketDays,
    int AllLaunchDays,
    int EvNuclearTest,
    int EvNuclearProgram,
    int EvSanctionsUn,
    int EvSanctionsUnilateral,
    int EvSanctionsRelief,
    int EvVeto,
    int EvAgreement,
    int EvSummit,
    int EvTalks,
    int EvTalksCollapse,
    int EvAid,
    int EvProvocationInterkorean,
    int EvProvocationOther,
    int EvWeaponsTestOther,
    int EvStatement,
    int EvMilitaryPosture,
    int EvLeadership,
    int EvCoop,
    int EvConflict,
    int DprkConflictEvents,
    int ExerciseDaysFull,
    int ExerciseDaysReduced,
    int ExerciseDaysImputed,
    int PipelineDisplayOrGoal)
{
    /// <summary>The count columns in file order (every column after <c>year</c> and <c>month</c>).</summary>
    public static IReadOnlyList<string> CountColumns { get; } =
    [
        "cns_launch_days",
        "cns_missiles",
        "srbm_days",
        "mrbm_irbm_days",
        "icbm_missiles",
        "slbm_missiles",
        "slv_launches",
        "csis_only_ballistic_days",
        "cruise_days",
        "sam_or_rocket_days",
        "all_launch_days",
        "ev_nuclear_test",
        "ev_nuclear_program",
        "ev_sanctions_un",
        "ev_sanctions_unilateral",
        "ev_sanctions_relief",
        "ev_veto",
        "ev_agreement",
        "ev_summit",
        "ev_talks",
        "ev_talks_collapse",
        "ev_aid",
        "ev_provocation_interkorean",
        "ev_provocation_other",
        "ev_weapons_test_other",
        "ev_statement",
        "ev_military_posture",
        "ev_leadership",
        "ev_coop",
        "ev_conflict",
        "dprk_conflict_events",
        "exercise_days_full",
        "exercise_days_reduced",
        "exercise_days_imputed",
        "pipeline_display_or_goal",
    ];

    /// <summary>The counts in <see cref="CountColumns"/> order.</summary>
    public IReadOnlyList<int> Counts() =>
    [
        CnsLaunchDays,
        CnsMissiles,
        SrbmDays,
        MrbmIrbmDays,
        IcbmMissiles,
        SlbmMissiles,
        SlvLaunches,
        CsisOnlyBallisticDays,
        CruiseDays,
        SamOrRocketDays,
        AllLaunchDays,
        EvNuclearTest,
        EvNuclearProgram,
        EvSanctionsUn,
        EvSanctionsUnilateral,
        EvSanctionsRelief,
        EvVeto,
        EvAgreement,
        EvSummit,
        EvTalks,
        EvTalksCollapse,
        EvAid,
        EvProvocationInterkorean,
        EvProvocationOther,
        EvWeaponsTestOther,
        EvStatement,
        EvMilitaryPosture,
        EvLeadership,
        EvCoop,
        EvConflict,
        DprkConflictEvents,
        ExerciseDaysFull,
        ExerciseDaysReduced,
        ExerciseDaysImputed,
        PipelineDisplayOrGoal,
    ];

    /// <summary>Builds a row from counts in <see cref="CountColumns"/> order.</summary>
    /// <exception cref="ArgumentException"><paramref name="counts"/> does not have one value per count column.</exception>
    public static MonthlySeriesRow FromCounts(Month month, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Count != CountColumns.Count)
            throw new ArgumentException($"expected {CountColumns.Count} counts, got {counts.Count}", nameof(counts));
        return new MonthlySeriesRow(month,
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
            counts[5],
            counts[6],
            counts[7],
            counts[8],
            counts[9],
            counts[10],
            counts[11],
            counts[12],
            counts[13],
            counts[14],
            counts[15],
            counts[16],
            counts[17],
            counts[18],
            counts[19],
            counts[20],
            counts[21],
            counts[22],
            counts[23],
            counts[24],
            counts[25],
            counts[26],
            counts[27],
            counts[28],
            counts[29],
            counts[30],
            counts[31],
            counts[32],
            counts[33],
            counts[34]);
    }
}
