using Peninsula.Core;

namespace Peninsula.History;

/// <summary>One month's observed ladder level.</summary>
/// <param name="Month">The month.</param>
/// <param name="Level">The ladder level 0–6 (<see cref="LadderLabel.Of"/>).</param>
/// <param name="LevelWithoutCruise">The level computed as if <c>cruise_days</c> were 0: a definition that does not depend on the incomplete early cruise record.</param>
/// <param name="CruiseCovered">Whether the cruise-missile record is complete for this month (<see cref="LadderLabel.CruiseCovered"/>).</param>
public readonly record struct LadderMonth(Month Month, int Level, int LevelWithoutCruise, bool CruiseCovered);

/// <summary>
/// The observed escalation-ladder label of a month (DESIGN section 3), computed from the monthly panel:
/// the highest rung reached that month.
/// </summary>
/// <remarks>
/// <para>Rules, first match wins: 6 if <c>ev_nuclear_test</c> &gt; 0; 5 if <c>icbm_missiles</c> or
/// <c>slv_launches</c> &gt; 0; 4 if <c>mrbm_irbm_days</c> or <c>slbm_missiles</c> &gt; 0; 3 if
/// <c>srbm_days</c>, <c>csis_only_ballistic_days</c>, <c>cruise_days</c> or <c>cns_launch_days</c> &gt; 0;
/// 2 if <c>ev_provocation_interkorean</c> &gt; 0; 1 if <c>dprk_conflict_events</c> &gt; 0; else 0.</para>
/// <para><b>Cruise coverage.</b> Cruise launches come only from the CSIS supplement, which SOURCES.md states
/// is incomplete before 2010. So a month before <see cref="CruiseCoverageStart"/> (2010-01) is not
/// <see cref="CruiseCovered"/>: a recorded cruise launch there is a fact, but a month labelled below 3 may
/// hide an unrecorded one (its level is a lower bound as far as rung 3 is concerned). From 2010-01 the
/// record is treated as complete. <see cref="LadderMonth.LevelWithoutCruise"/> gives a series that is
/// consistent across the break.</para>
/// </remarks>
public static class LadderLabel
{
    /// <summary>First month from which the cruise-missile record is treated as complete (2010-01).</summary>
    public static Month CruiseCoverageStart { get; } = Month.Of(2010, 1);

    /// <summary>The ladder level 0–6 of a monthly row.</summary>
    public static int Of(MonthlySeriesRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Level(row, row.CruiseDays);
    }

    /// <summary>Whether the cruise-missile record is complete for <paramref name="month"/> (from 2010-01).</summary>
    public static bool CruiseCovered(Month month) => month >= CruiseCoverageStart;

    /// <summary>The full label of a monthly row.</summary>
    public static LadderMonth Label(MonthlySeriesRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LadderMonth(row.Month, Level(row, row.CruiseDays), Level(row, 0), CruiseCovered(row.Month));
    }

    private static int Level(MonthlySeriesRow row, int cruiseDays)
    {
        if (row.EvNuclearTest > 0)
            return 6;
        if (row.IcbmMissiles > 0 || row.SlvLaunches > 0)
            return 5;
        if (row.MrbmIrbmDays > 0 || row.SlbmMissiles > 0)
            return 4;
        if (row.SrbmDays > 0 || row.CsisOnlyBallisticDays > 0 || cruiseDays > 0 || row.CnsLaunchDays > 0)
            return 3;
        if (row.EvProvocationInterkorean > 0)
            return 2;
        return row.DprkConflictEvents > 0 ? 1 : 0;
    }
}
