using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Tests.Support;

/// <summary>
/// A <see cref="SimulationSpec"/> built in code (the engine must not depend on the scenario loader), modelled
/// on scenarios/transition-2021.yaml extending scenarios/base.yaml: the same roles, schedules, calendar,
/// exogenous drivers, initial state and priors, and three of its five policy packages.
/// </summary>
internal static class TestSpecs
{
    public const string PrincipledDiplomacy = "principled-diplomacy";
    public const string StrategicPatience = "strategic-patience";
    public const string TopDownSummitry = "top-down-summitry";

    /// <summary>Every fixture policy id, in declaration order.</summary>
    public static readonly ImmutableArray<string> PolicyIds =
        [PrincipledDiplomacy, StrategicPatience, TopDownSummitry];

    public static readonly Month Start = Month.Of(2021, 1);

    /// <summary>Fixed provenance for forecast documents built in tests.</summary>
    public static readonly Provenance Provenance =
        new("test-version", "scenario-sha256", "data-sha256", new CalibrationInfo("priors", null, "calibration-sha256"));

    /// <summary>(value, sd) of every catalog parameter: base.yaml, with ladder.alpha.* from transition-2021.yaml.</summary>
    private static readonly Dictionary<string, (double Value, double Sd)> Priors = new(StringComparer.Ordinal)
    {
        ["ladder.alpha.1"] = (-0.66, 0.3),
        ["ladder.alpha.2"] = (1.91, 0.3),
        ["ladder.alpha.3"] = (0.69, 0.3),
        ["ladder.alpha.4"] = (-0.11, 0.3),
        ["ladder.alpha.5"] = (-0.39, 0.4),
        ["ladder.alpha.6"] = (-0.27, 0.5),
        ["ladder.persist"] = (0.4, 0.3),
        ["ladder.recent"] = (0.4, 0.3),
        ["ladder.recent_decay"] = (0.8, 0.08),
        ["ladder.base_rate"] = (0.2, 0.0),
        ["ladder.upper_scale"] = (1.0, 0.0),
        ["ladder.season_cos"] = (-0.15, 0.15),
        ["ladder.season_sin"] = (0.15, 0.15),
        ["ladder.pipeline"] = (0.15, 0.1),
        ["ladder.exercise"] = (0.2, 0.15),
        ["ladder.transition_principal"] = (0.15, 0.2),
        ["ladder.transition_mediator"] = (0.1, 0.2),
        ["ladder.need"] = (0.0, 0.2),
        ["ladder.trust"] = (-0.3, 0.15),
        ["ladder.engaged"] = (-0.3, 0.2),
        ["ladder.inattention"] = (0.15, 0.2),
        ["ladder.moratorium"] = (-2.5, 1.0),
        ["ladder.agreement"] = (-2.0, 1.0),
        ["ladder.sanction_cost"] = (-4.0, 2.0),
        ["ladder.negotiation_risk"] = (-3.0, 1.5),
        ["stance.intercept"] = (-2.0, 0.5),
        ["stance.trust"] = (2.0, 0.7),
        ["stance.need"] = (1.0, 0.5),
        ["stance.offer"] = (1.0, 0.5),
        ["stance.mediator"] = (0.8, 0.4),
        ["stance.escalation"] = (-1.0, 0.5),
        ["stance.persist"] = (2.0, 0.5),
        ["principal.intercept"] = (-1.0, 0.5),
        ["principal.attention"] = (1.5, 0.5),
        ["principal.provocation"] = (-1.0, 0.4),
        ["principal.trust"] = (1.0, 0.4),
        ["principal.provocation_decay"] = (0.85, 0.05),
        ["principal.sanction_intercept"] = (-0.5, 0.5),
        ["principal.sanction_level"] = (0.8, 0.3),
        ["principal.sanction_pressure"] = (2.0, 0.5),
        ["principal.designation_intercept"] = (-4.0, 0.5),
        ["veto.intercept"] = (-1.5, 0.7),
        ["veto.severity"] = (-1.0, 0.4),
        ["veto.relations"] = (-2.0, 0.7),
        ["sanctions.un_layer"] = (1.0, 0.2),
        ["sanctions.nuclear_multiplier"] = (1.5, 0.3),
        ["sanctions.unilateral_layer"] = (0.5, 0.2),
        ["sanctions.veto_unilateral"] = (0.5, 0.2),
        ["sanctions.enforcement_gain"] = (0.1, 0.05),
        ["sanctions.enforcement_decay"] = (0.95, 0.02),
        ["sanctions.enforcement_base"] = (0.5, 0.15),
        ["sanctions.enforcement_engaged"] = (0.15, 0.08),
        ["sanctions.unilateral_weight"] = (0.5, 0.2),
        ["sanctions.scale"] = (8.0, 2.0),
        ["economy.retention"] = (0.85, 0.05),
        ["economy.base"] = (0.2, 0.1),
        ["economy.pressure"] = (0.6, 0.2),
        ["economy.border"] = (0.25, 0.1),
        ["economy.disaster"] = (0.15, 0.08),
        ["economy.aid"] = (0.15, 0.08),
        ["trust.retention"] = (0.95, 0.02),
        ["trust.message"] = (0.15, 0.08),
        ["trust.aid"] = (0.03, 0.02),
        ["trust.exercise"] = (0.05, 0.03),
        ["trust.sanctions"] = (0.05, 0.03),
        ["trust.talks"] = (0.02, 0.01),
        ["trust.summit"] = (0.15, 0.08),
        ["trust.provocation"] = (0.03, 0.015),
        ["trust.restraint"] = (0.01, 0.005),
        ["attention.retention"] = (0.8, 0.08),
        ["attention.jump"] = (0.5, 0.2),
        ["pipeline.display_rate"] = (0.04, 0.02),
        ["pipeline.consume"] = (0.3, 0.15),
        ["capability.gain"] = (0.03, 0.02),
        ["capability.nuclear_gain"] = (0.1, 0.05),
        ["moratorium.end_intercept"] = (-4.0, 0.7),
        ["moratorium.end_stall"] = (1.0, 0.5),
        ["moratorium.end_trust"] = (1.0, 0.5),
        ["moratorium.declare_intercept"] = (-3.0, 0.7),
        ["agreement.lapse"] = (0.1, 0.05),
        ["negotiation.contact_base"] = (0.1, 0.05),
        ["negotiation.talks"] = (-1.0, 0.5),
        ["negotiation.talks_trust"] = (1.5, 0.5),
        ["negotiation.summit_bottom_up"] = (0.1, 0.05),
        ["negotiation.summit_top_down"] = (0.3, 0.15),
        ["negotiation.groundwork_months"] = (6, 2),
        ["negotiation.framework"] = (0.08, 0.04),
        ["negotiation.no_zone_collapse"] = (0.08, 0.04),
        ["negotiation.defect_challenger"] = (-4.0, 0.7),
        ["negotiation.defect_principal"] = (-4.0, 0.7),
        ["negotiation.defect_trust"] = (1.0, 0.5),
        ["negotiation.step_months"] = (6, 2),
        ["negotiation.restart_months"] = (12, 4),
        ["negotiation.top_down_strength"] = (0.5, 0.2),
        ["zone.base"] = (20, 10),
        ["zone.need"] = (30, 10),
        ["zone.trust"] = (20, 10),
        ["zone.relief"] = (0.2, 0.1),
        ["zone.capability"] = (-20, 10),
    };

    private static readonly Lazy<SimulationSpec> Cached = new(Build);

    /// <summary>The fixture scenario (immutable; shared).</summary>
    public static SimulationSpec Transition2021 => Cached.Value;

    /// <summary>The parameter set: every catalog entry in catalog order, bounds from the catalog.</summary>
    public static ParameterSet Parameters(IReadOnlyDictionary<string, double>? overrides = null)
    {
        var specs = ParameterCatalog.All.Select(p =>
        {
            var (value, sd) = Priors[p.Name];
            if (overrides is not null && overrides.TryGetValue(p.Name, out var v)) value = v;
            return new ParameterSpec(p.Name, value, sd, p.Min, p.Max, "test fixture: copied from scenarios/base.yaml");
        });
        return new ParameterSet(specs);
    }

    private static SimulationSpec Build()
    {
        var roles = new RoleAssignment(
            Challenger: "DPRK",
            Principal: "USA",
            Mediator: "ROK",
            Council: "UNSC",
            VetoPlayers: [new VetoPlayer("CHN", -0.4, 0.9), new VetoPlayer("RUS", -0.6, 0.03)],
            Sanctioners: ["USA", "JPN", "EU"]);

        var principal = new AdministrationSchedule(
            "USA",
            [
                new Term("Donald Trump", Month.Of(2017, 1), Month.Of(2021, 1), Month.Of(2016, 11), 0.75, "maximum pressure, then top-down summitry"),
                new Term("Joe Biden", Month.Of(2021, 1), Month.Of(2025, 1), Month.Of(2020, 11), 1.0, "principled diplomacy"),
            ],
            SuccessorElection: null,
            Successors: []);

        var mediator = new AdministrationSchedule(
            "ROK",
            [new Term("Moon Jae-in", Month.Of(2017, 5), Start.Plus(16), Month.Of(2017, 5), 1.0, "engagement and peace process")],
            SuccessorElection: Month.Of(2022, 3),
            Successors: [new SuccessorOption("progressive successor", 0.5, 1.0), new SuccessorOption("conservative successor", 0.5, 0.25)]);

        var calendar = new double[12];
        calendar[2] = 0.5; // March
        calendar[7] = 0.5; // August
        var disasters = new double[12];
        disasters[6] = disasters[7] = disasters[8] = 0.08; // July-September

        var initial = new InitialState(
            UnSanctions: 10,
            UnilateralSanctions: 8,
            Enforcement: 0.55,
            Relief: 0,
            EconomicStress: 0.75,
            TrustChallenger: -0.3,
            TrustPrincipal: -0.4,
            Attention: 0.3,
            Capability: 0.7,
            Pipeline: 2,
            Moratorium: false,
            Phase: Phase.None,
            LastLevel: 0,
            RecentActivity: 0.168,
            AgreementsInForce: ["singapore"]);

        var exogenous = new ExogenousSpec(
            BorderClosedAtStart: true,
            BorderClosureRemaining: new LogNormalDistribution(12, 0.6, 1, 60),
            AidBlockedWhenClosed: 0.7,
            DisasterProbabilityByMonth: [.. disasters]);

        return new SimulationSpec(
            Name: "transition-2021-fixture",
            Start: Start,
            Months: 48,
            Roles: roles,
            Principal: principal,
            Mediator: mediator,
            TransitionWindowMonths: 6,
            UnTriggerLevel: 5,
            MoratoriumFromLevel: 5,
            ExerciseCalendar: [.. calendar],
            Agreements: [new AgreementSpec("singapore", "Singapore joint statement", Month.Of(2018, 6), true, 0.2, 5)],
            Initial: initial,
            Exogenous: exogenous,
            BaseAttention: 1.0 - (0.4 + 0.2 + 0.1),
            ImplementationSteps: 4,
            Parameters: Parameters(),
            Policies: Policies(),
            LevelLabels: [.. Ladder.DefaultLabels]);
    }

    private static ImmutableArray<PolicyPackage> Policies()
    {
        var newYork = new Channel("new-york", 0.3, ViaMediator: false);
        var viaSeoul = new Channel("via-seoul", 0.3, ViaMediator: true);
        var thirdCountry = new Channel("third-country", 0.1, ViaMediator: false);
        var leaderLetters = new Channel("leader-letters", 0.4, ViaMediator: false);

        var principled = new PolicyPackage(
            Id: PrincipledDiplomacy,
            Label: "Principled diplomacy",
            Description: "Early conditional message through several channels, aid, coordination with the mediator, bottom-up talks.",
            Engagement: 0.5,
            Pressure: 0.3,
            ReviewMonths: 2,
            Message: new MessageLever(1, [newYork, viaSeoul, thirdCountry], Conditional: true),
            Aid: new AidLever(1, 0.5),
            Format: TalksFormat.BottomUp,
            Demand: 40,
            ReliefOffer: 50,
            NormalizationOffer: 40,
            Exercises: new ExerciseLever(0.7, SuspendDuringTalks: false),
            MediatorCoordination: 0.9,
            HoldThreshold: 5,
            HoldMonths: 6,
            Honors: ["singapore"],
            AttentionBoost: 0.0);

        var patience = new PolicyPackage(
            Id: StrategicPatience,
            Label: "Strategic patience",
            Description: "Sanctions and alliance coordination; no message, no aid.",
            Engagement: -1.0,
            Pressure: 0.5,
            ReviewMonths: 3,
            Message: null,
            Aid: null,
            Format: TalksFormat.None,
            Demand: 100,
            ReliefOffer: 10,
            NormalizationOffer: 10,
            Exercises: new ExerciseLever(1.0, SuspendDuringTalks: false),
            MediatorCoordination: 0.5,
            HoldThreshold: 5,
            HoldMonths: 12,
            Honors: [],
            AttentionBoost: -0.1);

        var topDown = new PolicyPackage(
            Id: TopDownSummitry,
            Label: "Top-down summitry",
            Description: "Leader letters and early summits, exercises suspended during talks, complete denuclearization.",
            Engagement: 1.0,
            Pressure: 0.3,
            ReviewMonths: 1,
            Message: new MessageLever(1, [leaderLetters, newYork], Conditional: false),
            Aid: null,
            Format: TalksFormat.TopDown,
            Demand: 100,
            ReliefOffer: 60,
            NormalizationOffer: 60,
            Exercises: new ExerciseLever(0.3, SuspendDuringTalks: true),
            MediatorCoordination: 0.5,
            HoldThreshold: 6,
            HoldMonths: 3,
            Honors: ["singapore"],
            AttentionBoost: 0.3);

        return [principled, patience, topDown];
    }

    /// <summary>The spec with parameter <paramref name="name"/>'s central value replaced.</summary>
    public static SimulationSpec WithParameter(this SimulationSpec spec, string name, double value) =>
        spec.WithParameters(new Dictionary<string, double>(StringComparer.Ordinal) { [name] = value });

    /// <summary>The spec with several central values replaced (sds and bounds kept).</summary>
    public static SimulationSpec WithParameters(this SimulationSpec spec, IReadOnlyDictionary<string, double> overrides)
    {
        foreach (var name in overrides.Keys)
        {
            if (spec.Parameters.IndexOf(name) < 0) throw new ArgumentException($"unknown parameter '{name}'", nameof(overrides));
        }
        var specs = spec.Parameters.Specs.Select(p => overrides.TryGetValue(p.Name, out var v) ? p with { Mean = v } : p);
        return spec with { Parameters = new ParameterSet(specs) };
    }

    /// <summary>The spec with policy <paramref name="id"/> changed by <paramref name="change"/> (records support <c>with</c>).</summary>
    public static SimulationSpec WithPolicy(this SimulationSpec spec, string id, Func<PolicyPackage, PolicyPackage> change)
    {
        var index = spec.Policies.Select(p => p.Id).ToList().IndexOf(id);
        if (index < 0) throw new ArgumentException($"unknown policy '{id}'", nameof(id));
        return spec with { Policies = spec.Policies.SetItem(index, change(spec.Policies[index])) };
    }

    /// <summary>The spec with its initial state changed.</summary>
    public static SimulationSpec WithInitial(this SimulationSpec spec, Func<InitialState, InitialState> change) =>
        spec with { Initial = change(spec.Initial) };

    /// <summary>The policy package with the given id (throws when absent).</summary>
    public static PolicyPackage PolicyOf(this SimulationSpec spec, string id) =>
        spec.Policy(id) ?? throw new ArgumentException($"unknown policy '{id}'", nameof(id));

    /// <summary>Coefficients at the central values.</summary>
    public static Coefficients CentralCoefficients(this SimulationSpec spec) => new(spec.Parameters.Means());

    /// <summary>A request on the fixture's horizon unless stated.</summary>
    public static SimulationRequest Request(
        SimulationSpec? spec = null, string policy = PrincipledDiplomacy, int runs = 1000, int? months = null,
        ulong seed = 20210101, int draws = 1, int batchSize = 1000) =>
        new(spec ?? Transition2021, policy, runs, months ?? (spec ?? Transition2021).Months, seed, draws, batchSize);
}
