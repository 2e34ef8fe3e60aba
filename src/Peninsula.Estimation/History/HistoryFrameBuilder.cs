using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.History;

namespace Peninsula.Estimation.History;

/// <summary>One month of the reconstruction, as the adapter read it from the record (for tests and reports).</summary>
/// <param name="Month">Calendar month.</param>
/// <param name="Observed">The observed actions forced that month.</param>
/// <param name="PolicyId">Package in force (the declared orientation at the end of the previous month).</param>
/// <param name="Era">Challenger leadership era.</param>
/// <param name="PartialCoverage">Rung-3 record incomplete (cruise missiles before the coverage start).</param>
public sealed record ReconstructedMonth(Month Month, ObservedMonth Observed, string PolicyId, string Era, bool PartialCoverage);

/// <summary>
/// Reads the historical record into a forced replay (DESIGN section 2): the observed actions of every month,
/// the package in force (declared orientation, lagged one month), governments and agreements from data, eras
/// and the coverage indicator. The rules are generic (roles, categories and orientations, no country names):
/// the record's actor codes are matched against the replay scenario's role assignment.
/// </summary>
public static class HistoryFrameBuilder
{
    /// <summary>Months a negotiation phase reached by talks or a summit persists without a new meeting.</summary>
    public const int TalksMemoryMonths = 12;

    /// <summary>Months contact persists after talks fade before the channel counts as dormant.</summary>
    public const int ContactMemoryMonths = 12;

    /// <summary>Exercise-days equal to intensity 1 (a full-scale field exercise of about two weeks).</summary>
    public const double FullExerciseDays = 14.0;

    /// <summary>
    /// Builds the frame for <paramref name="from"/> … <paramref name="until"/> (inclusive). The dataset must have
    /// been loaded with a cut no later than <paramref name="until"/>; nothing later is read.
    /// </summary>
    public static (EstimationFrame Frame, ImmutableArray<ReconstructedMonth> Months) Build(
        HistoricalDataset data, IReadOnlyList<AgreementRow> agreements, IReadOnlyList<ExogenousRow> exogenous, SimulationSpec history, Month from, Month until, IAgreementZone zone)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(exogenous);
        ArgumentNullException.ThrowIfNull(history);
        if (data.Until is { } cut && cut < until) throw new ArgumentException($"the data were cut at {cut}, before {until}");
        if (from < data.FirstMonth) throw new ArgumentException($"the record starts at {data.FirstMonth}, after {from}");
        if (until > data.LastMonth) throw new ArgumentException($"the record ends at {data.LastMonth}, before {until}");
        var n = until.MonthsSince(from) + 1;
        var roles = history.Roles;

        var knownAgreements = agreements.Where(a => Month.Of(a.Signed.Year, a.Signed.Month) <= until).ToList();
        if (knownAgreements.Count > 64) throw new ArgumentException("at most 64 agreements can be replayed");
        var spec = history with
        {
            Start = from,
            Months = n,
            Principal = Schedule(data, roles.Principal, history.Principal, until),
            Mediator = roles.Mediator is { } med && history.Mediator is not null ? Schedule(data, med, history.Mediator, until) : history.Mediator,
            Agreements = [.. knownAgreements.Select(a => new AgreementSpec(a.AgreementId, a.Name, Month.Of(a.Signed.Year, a.Signed.Month), false, a.Strength, a.RestrainsFromLevel))],
            Initial = history.Initial with { AgreementsInForce = [] },
        };

        var eras = data.Administrations
            .Where(a => a.Country == roles.Challenger && Month.Of(a.TermStart.Year, a.TermStart.Month) <= until)
            .OrderBy(a => a.TermStart)
            .ToList();
        if (eras.Count == 0) throw new ArgumentException($"no government of the challenger '{roles.Challenger}' in the record");
        var eraNames = eras.Select(a => a.Leader).ToImmutableArray();

        var policies = new PolicyPackage[n];
        var observed = new ObservedMonth[n];
        var eraOf = new int[n];
        var partial = new bool[n];
        var months = ImmutableArray.CreateBuilder<ReconstructedMonth>(n);
        var phase = history.Initial.Phase;
        var lastMeeting = -1000;
        var lastContact = -1000;
        var moratorium = history.Initial.Moratorium;
        var actorIds = new HashSet<string>(roles.Sanctioners.Append(roles.Principal).Append(roles.Challenger)
            .Concat(roles.VetoPlayers.Select(v => v.Actor)).Concat(new[] { roles.Mediator, roles.Council }.OfType<string>()), StringComparer.Ordinal);
        for (var t = 0; t < n; t++)
        {
            var m = from.Plus(t);
            var row = data.MonthlyRow(m) ?? throw new ArgumentException($"{m}: no monthly row");
            var level = LadderLabel.Of(row);

            // Policy covariate lagged one month: the orientation in force on the last day of the previous month.
            var lagDay = new DateOnly(m.Year, m.MonthOfYear, 1).AddDays(-1);
            var policy = PolicyFor(data, history, roles.Principal, lagDay);
            policies[t] = policy;

            // Negotiation phase from the principal-challenger events of the month.
            var events = data.Events.Where(e => e.Month == m && Concerns(e, roles, actorIds)).ToList();
            var mask = Mask(knownAgreements, m);
            var previous = phase;
            if (events.Any(e => e.Category == "talks_collapse")) phase = Phase.Collapsed;
            else if (events.Any(e => e.Category == "agreement") && mask != 0) phase = Phase.Framework;
            else if (events.Any(e => e.Category == "summit")) phase = Implementing(previous, mask) ? Phase.Implementation : Phase.Summit;
            else if (events.Any(e => e.Category == "talks")) phase = Implementing(previous, mask) ? Phase.Implementation : Phase.Talks;
            else phase = Carry(previous, t, lastMeeting, lastContact, mask);
            if (phase == Phase.Implementation && mask == 0) phase = Phase.Collapsed;
            // Memory runs from the last month with a meeting or an agreement, not from months the phase was carried.
            if (events.Any(e => e.Category is "talks" or "summit" or "agreement")) lastMeeting = t;
            if (phase is Phase.Talks or Phase.Summit or Phase.Framework or Phase.Implementation) lastContact = t;

            // Moratorium: declared and renounced in the pipeline record; broken by an act it covers.
            foreach (var w in data.WeaponsPipeline.Where(w => w.Month == m))
            {
                if (w.Kind == "moratorium_declared") moratorium = true;
                if (w.Kind == "moratorium_renounced") moratorium = false;
            }
            if (level >= spec.MoratoriumFromLevel) moratorium = false;

            var talking = FeatureFunction.IsTalking(phase);
            var engaged = phase is not (Phase.None or Phase.Collapsed);
            var aid = data.Events.Any(e => e.Month == m && e.Category == "aid" && e.Valence == "coop" && e.Targets.Contains(roles.Challenger)) ? 0.5 : 0.0;
            var closed = Active(exogenous, "border_closure", m);
            var disaster = Active(exogenous, "disaster", m);
            observed[t] = new ObservedMonth
            {
                Level = level,
                Engage = engaged,
                PrincipalWilling = talking || policy.Engagement > 0,
                UnResolution = row.EvSanctionsUn > 0,
                Veto = row.EvVeto > 0,
                UnilateralSanctions = row.EvSanctionsUnilateral > 0,
                Phase = phase,
                Moratorium = moratorium,
                PipelineDisplays = row.PipelineDisplayOrGoal,
                PipelineTested = level >= 4,
                ExerciseIntensity = Math.Min(1.0, (row.ExerciseDaysFull + 0.5 * row.ExerciseDaysReduced) / FullExerciseDays),
                Disaster = disaster,
                BorderClosed = closed,
                AidDelivered = aid,
                AgreementMask = mask,
            };
            var era = 0;
            for (var e = 0; e < eras.Count; e++) if (Month.Of(eras[e].TermStart.Year, eras[e].TermStart.Month) <= m) era = e;
            eraOf[t] = era;
            partial[t] = !LadderLabel.CruiseCovered(m);
            months.Add(new ReconstructedMonth(m, observed[t], policy.Id, eraNames[era], partial[t]));
        }

        var input = new ReplayInput(spec, spec.Initial, [.. policies], [.. observed]);
        var frame = new EstimationFrame(input, spec.Parameters.Means(), eraOf, eraNames, partial, zone);
        return (frame, months.MoveToImmutable());
    }

    /// <summary>Whether an exogenous condition of <paramref name="kind"/> held during part of month <paramref name="m"/>.</summary>
    private static bool Active(IReadOnlyList<ExogenousRow> rows, string kind, Month m) =>
        rows.Any(x => x.Kind == kind && Month.Of(x.Start.Year, x.Start.Month) <= m && (x.End is not { } e || m <= Month.Of(e.Year, e.Month)));

    /// <summary>Meetings held while an agreement is being implemented are part of implementing it.</summary>
    private static bool Implementing(Phase previous, ulong mask) => mask != 0 && previous is Phase.Framework or Phase.Implementation;

    private static Phase Carry(Phase previous, int t, int lastMeeting, int lastContact, ulong mask) => previous switch
    {
        Phase.Collapsed => Phase.None,
        Phase.Framework => Phase.Implementation,
        Phase.Implementation => mask != 0 ? Phase.Implementation : Phase.Collapsed,
        Phase.Talks or Phase.Summit => t - lastMeeting < TalksMemoryMonths ? previous : Phase.Contact,
        Phase.Contact => t - lastContact < ContactMemoryMonths ? Phase.Contact : Phase.None,
        _ => previous,
    };

    /// <summary>
    /// Whether an event belongs to the principal-challenger negotiation: the challenger is a party and so is the
    /// principal or a body outside the scenario's actors (a multilateral forum the principal sits in).
    /// </summary>
    private static bool Concerns(EventRow e, RoleAssignment roles, HashSet<string> actorIds)
    {
        var parties = e.Actors.Concat(e.Targets).ToList();
        if (!parties.Contains(roles.Challenger)) return false;
        return parties.Contains(roles.Principal) || parties.Any(p => !actorIds.Contains(p));
    }

    private static ulong Mask(List<AgreementRow> agreements, Month m)
    {
        var mask = 0UL;
        for (var a = 0; a < agreements.Count; a++)
        {
            var g = agreements[a];
            var signed = Month.Of(g.Signed.Year, g.Signed.Month);
            var inForce = signed <= m && (g.Ended is not { } end || m < Month.Of(end.Year, end.Month));
            if (inForce) mask |= 1UL << a;
        }
        return mask;
    }

    private static PolicyPackage PolicyFor(HistoricalDataset data, SimulationSpec history, string principal, DateOnly day)
    {
        var phase = data.PolicyPhases.FirstOrDefault(p => p.Country == principal && p.PhaseStart <= day && (p.PhaseEnd is not { } end || day < end));
        var orientation = phase?.Orientation
            ?? data.Administrations.FirstOrDefault(a => a.Country == principal && a.TermStart <= day && (a.TermEnd is not { } end || day < end))?.Orientation
            ?? "mixed";
        var id = Orientation.TryScore(orientation, out var score)
            ? score >= 0.75 ? "engagement" : score <= 0.25 ? "pressure" : "mixed"
            : "mixed";
        return history.Policy(id) ?? throw new ArgumentException($"the history scenario has no package '{id}' (one per orientation: engagement, mixed, pressure)");
    }

    private static AdministrationSchedule Schedule(HistoricalDataset data, string actor, AdministrationSchedule fallback, Month until)
    {
        var terms = data.Administrations
            .Where(a => a.Country == actor && Month.Of(a.TermStart.Year, a.TermStart.Month) <= until)
            .OrderBy(a => a.TermStart)
            .Select(a => new Term(
                a.Leader,
                Month.Of(a.TermStart.Year, a.TermStart.Month),
                a.TermEnd is { } e ? Month.Of(e.Year, e.Month) : null,
                a.ElectedOn is { } el ? Month.Of(el.Year, el.Month) : null,
                Orientation.TryScore(a.Orientation, out var s) ? s : 0.5,
                a.DeclaredDprkPolicy))
            .ToImmutableArray();
        return terms.IsEmpty ? fallback : fallback with { Terms = terms, Successors = [], SuccessorElection = null };
    }
}
