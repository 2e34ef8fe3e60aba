using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>The deterministic, run-independent facts of one simulated month under one policy.</summary>
/// <param name="Month">Calendar month.</param>
/// <param name="Offset">Months since the start (t).</param>
/// <param name="SeasonCos">cos(2π·(month of year − 1)/12).</param>
/// <param name="SeasonSin">sin(2π·(month of year − 1)/12).</param>
/// <param name="ExerciseIntensity">Planned exercise intensity after the package's scale (before suspension during talks).</param>
/// <param name="PrincipalTransition">In the principal's transition window.</param>
/// <param name="MediatorTransition">In the mediator's transition window.</param>
/// <param name="MediatorEngagement">Engagement of the mediator's known government, or NaN when the run's drawn successor governs.</param>
/// <param name="PrincipalUsesSuccessor">The principal's drawn successor governs this month.</param>
/// <param name="MessageActive">The principal's message is being sent.</param>
/// <param name="AidLevel">Aid on offer this month, 0–1.</param>
/// <param name="InReview">The principal is still reviewing policy.</param>
/// <param name="DisasterProbability">Probability of a disaster this month.</param>
/// <param name="ExerciseCentre">Mean planned exercise intensity over the calendar year (the exercise feature's centre).</param>
public readonly record struct MonthContext(
    Month Month,
    int Offset,
    double SeasonCos,
    double SeasonSin,
    double ExerciseIntensity,
    bool PrincipalTransition,
    bool MediatorTransition,
    double MediatorEngagement,
    bool PrincipalUsesSuccessor,
    bool MessageActive,
    double AidLevel,
    bool InReview,
    double DisasterProbability,
    double ExerciseCentre)
{
    /// <summary>Precomputes every month of a horizon for one scenario and policy.</summary>
    public static MonthContext[] Build(SimulationSpec spec, PolicyPackage policy, int months)
    {
        var result = new MonthContext[months];
        var exerciseCentre = FeatureFunction.CalendarMean(spec);
        for (var t = 0; t < months; t++)
        {
            var m = spec.Start.Plus(t);
            var moy = m.MonthOfYear;
            var angle = 2.0 * Math.PI * (moy - 1) / 12.0;
            var mediatorEngagement = double.NaN;
            if (spec.Mediator is { } med)
            {
                var term = med.TermAt(m);
                if (term >= 0) mediatorEngagement = med.Terms[term].Engagement;
                else if (med.Successors.IsEmpty && med.Terms.Length > 0) mediatorEngagement = med.Terms[^1].Engagement;
            }
            var principalTerm = spec.Principal.TermAt(m);
            result[t] = new MonthContext(
                m,
                t,
                DetMath.Cos(angle),
                DetMath.Cos(angle - Math.PI / 2),
                spec.ExerciseCalendar[moy - 1] * policy.Exercises.Scale,
                InTransition(spec.Principal, m, spec.TransitionWindowMonths),
                spec.Mediator is { } md && InTransition(md, m, spec.TransitionWindowMonths),
                mediatorEngagement,
                principalTerm < 0 && spec.Principal.SuccessorStart is { } ps && m >= ps,
                policy.Message is { } msg && t >= msg.StartOffset,
                policy.Aid is { } aid && t >= aid.StartOffset ? aid.Level : 0.0,
                t < policy.ReviewMonths,
                spec.Exogenous.DisasterProbabilityByMonth[moy - 1],
                exerciseCentre);
        }
        return result;
    }

    /// <summary>
    /// True from an election to the end of the window after the inauguration it decides, for every
    /// known term and for the successor.
    /// </summary>
    public static bool InTransition(AdministrationSchedule schedule, Month m, int windowMonths)
    {
        foreach (var term in schedule.Terms)
        {
            if (Within(term.ElectedOn ?? term.Start, term.Start, m, windowMonths)) return true;
        }
        if (schedule.SuccessorStart is { } s && !schedule.Successors.IsEmpty &&
            Within(schedule.SuccessorElection ?? s, s, m, windowMonths))
        {
            return true;
        }
        return false;
    }

    private static bool Within(Month elected, Month inaugurated, Month m, int window) =>
        m >= elected && m < inaugurated.Plus(window);
}
