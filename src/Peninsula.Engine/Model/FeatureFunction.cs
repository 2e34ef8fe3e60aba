using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>
/// The one feature function (DESIGN section 2): a pure map from (state of one run, month, scenario,
/// policy) to the challenger's choice features. The simulator and the likelihood both call it, so
/// what is fitted is exactly what is simulated.
/// </summary>
public static class FeatureFunction
{
    /// <summary>Number of shared features (slopes common to every rung).</summary>
    public const int SharedCount = 12;

    /// <summary>Number of rung-specific features.</summary>
    public const int RungCount = 4;

    /// <summary>Features per run-month: the shared ones, then 6 rungs × the rung-specific ones.</summary>
    public const int FeatureCount = SharedCount + 6 * RungCount;

    /// <summary>Names of the shared features, in order (each pairs with the parameter <c>ladder.&lt;name&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> SharedNames =
    [
        "persist", "recent", "season_cos", "season_sin", "pipeline", "exercise",
        "transition_principal", "transition_mediator", "need", "trust", "engaged", "inattention",
    ];

    /// <summary>Names of the rung-specific features, in order.</summary>
    public static readonly IReadOnlyList<string> RungNames = ["moratorium", "agreement", "sanction_cost", "negotiation_risk"];

    internal const double Ln2 = 0.6931471805599453;

    /// <summary>log(1 + n) for the pipeline counts met in practice (same values as <see cref="DetMath.Log"/>).</summary>
    private static readonly double[] LogOnePlusTable = [.. Enumerable.Range(0, 64).Select(n => DetMath.Log(1.0 + n))];

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static double LogOnePlus(int n) => (uint)n < (uint)LogOnePlusTable.Length ? LogOnePlusTable[n] : DetMath.Log(1.0 + n);

    /// <summary>
    /// Fills <paramref name="shared"/> (length <see cref="SharedCount"/>) and <paramref name="rung"/>
    /// (length 6·<see cref="RungCount"/>, rung j ∈ 1…6 at offset (j−1)·<see cref="RungCount"/>).
    /// Reads the state; writes nothing else.
    /// </summary>
    public static void Compute(
        SimState s, int r, in MonthContext ctx, SimulationSpec spec, PolicyPackage policy, Coefficients c,
        Span<double> shared, Span<double> rung) =>
        Compute(s, r, ctx, spec, policy, c, SanctionOdds.Of(c, spec, policy), shared, rung);

    /// <summary>As above with the draw's sanction odds precomputed (identical values).</summary>
    public static void Compute(
        SimState s, int r, in MonthContext ctx, SimulationSpec spec, PolicyPackage policy, Coefficients c, SanctionOdds odds,
        Span<double> shared, Span<double> rung)
    {
        Span<double> sanctionExp = stackalloc double[SanctionLanes];
        SanctionExponents(s, r, spec, c, odds, sanctionExp);
        DetMathVector.Exp(sanctionExp);
        Compute(s, r, ctx, spec, policy, c, sanctionExp, shared, rung);
    }

    /// <summary>Slots per run of <see cref="SanctionExponents"/>: levels 4, 5, 6 and one unused lane.</summary>
    public const int SanctionLanes = 4;

    /// <summary>
    /// As above with the exponentials of the expected sanction costs already taken: <paramref name="sanctionExp"/> holds
    /// e^x of <see cref="SanctionExponents"/>'s values (the simulator takes them for a whole block at once; identical values).
    /// </summary>
    public static void Compute(
        SimState s, int r, in MonthContext ctx, SimulationSpec spec, PolicyPackage policy, Coefficients c, ReadOnlySpan<double> sanctionExp,
        Span<double> shared, Span<double> rung)
    {
        var phase = s.Phase[r];
        var talking = IsTalking(phase);
        shared[0] = (s.LastLevel[r] >= 3 ? 1.0 : 0.0) - c.BaseRateGe3;
        shared[1] = s.Recent[r] - c.BaseRateGe3;
        shared[2] = ctx.SeasonCos;
        shared[3] = ctx.SeasonSin;
        shared[4] = LogOnePlus(s.Pipeline[r]) - Ln2;
        shared[5] = ExerciseIntensity(s, r, ctx, policy) - ctx.ExerciseCentre;
        shared[6] = ctx.PrincipalTransition ? 1.0 : 0.0;
        shared[7] = ctx.MediatorTransition ? 1.0 : 0.0;
        shared[8] = s.Stress[r] - 0.5;
        shared[9] = s.TrustChallenger[r];
        shared[10] = talking ? 1.0 : 0.0;
        shared[11] = 0.5 - s.Attention[r];

        var conditional = policy.Message is { Conditional: true } && s.MessageDelivered[r];
        var offerValue = (policy.ReliefOffer + policy.NormalizationOffer) / 200.0;
        var prospect = phase == Core.Phase.Implementation ? 1.0 : talking ? 1.0 : phase == Core.Phase.Contact ? 0.5 : 0.25;
        var currentPressure = s.Pressure[r];

        Span<double> restraint = stackalloc double[Ladder.Levels];
        AgreementRestraints(s, r, spec, policy, restraint);
        Span<double> cost = stackalloc double[Ladder.Levels];
        SanctionCostsFromExp(s, r, sanctionExp, currentPressure, cost);
        for (var j = 1; j <= 6; j++)
        {
            var o = (j - 1) * RungCount;
            rung[o] = s.Moratorium[r] && j >= spec.MoratoriumFromLevel ? 1.0 : 0.0;
            rung[o + 1] = restraint[j];
            rung[o + 2] = cost[j];
            rung[o + 3] = conditional && j >= policy.HoldThreshold ? offerValue * prospect : 0.0;
        }
    }

    /// <summary>
    /// <see cref="AgreementRestraint"/> for every level 1…6 in one pass over the agreements (index = level; the
    /// maximum of the same strengths, so the same values).
    /// </summary>
    public static void AgreementRestraints(SimState s, int r, SimulationSpec spec, PolicyPackage policy, Span<double> byLevel)
    {
        byLevel.Clear();
        var n = s.AgreementCount;
        for (var a = 0; a < n; a++)
        {
            if (!s.AgreementInForce[r * n + a]) continue;
            var strength = spec.Agreements[a].Strength;
            for (var j = Math.Max(1, spec.Agreements[a].RestrainsFromLevel); j <= Ladder.Top; j++) byLevel[j] = Math.Max(byLevel[j], strength);
        }
        if (s.FrameworkStrength[r] > 0)
        {
            for (var j = Math.Max(1, policy.HoldThreshold); j <= Ladder.Top; j++) byLevel[j] = Math.Max(byLevel[j], s.FrameworkStrength[r]);
        }
    }

    /// <summary>
    /// <see cref="ExpectedSanctionCost(SimState, int, SimulationSpec, Coefficients, SanctionOdds, int, double)"/> for
    /// every level (index = level; 0 below 4), the three exponentials of levels 4–6 evaluated together
    /// (<see cref="DetMathVector"/>: the same operations, so the same values).
    /// </summary>
    public static void ExpectedSanctionCosts(SimState s, int r, SimulationSpec spec, Coefficients c, SanctionOdds odds, double currentPressure, Span<double> byLevel)
    {
        Span<double> e = stackalloc double[SanctionLanes];
        SanctionExponents(s, r, spec, c, odds, e);
        DetMathVector.Exp(e);
        SanctionCostsFromExp(s, r, e, currentPressure, byLevel);
    }

    /// <summary>
    /// The exponents −(enforcement·UN + w·unilateral)/scale of the sanctions pressure after an act at levels 4, 5, 6
    /// (slots 0–2; slot 3 set to 0), whose exponentials <see cref="SanctionCostsFromExp"/> turns into costs.
    /// </summary>
    public static void SanctionExponents(SimState s, int r, SimulationSpec spec, Coefficients c, SanctionOdds odds, Span<double> exponent)
    {
        for (var level = 4; level <= Ladder.Top; level++)
        {
            var (un, uni, enforcement) = AfterAct(s, r, spec, c, odds, level);
            exponent[level - 4] = -(enforcement * un + c.SanctionsUnilateralWeight * uni) / c.SanctionsScale;
        }
        exponent[3] = 0.0;
    }

    /// <summary>Expected sanction cost by level (index = level; 0 below 4) from the exponentials of <see cref="SanctionExponents"/>.</summary>
    public static void SanctionCostsFromExp(SimState s, int r, ReadOnlySpan<double> e, double currentPressure, Span<double> byLevel)
    {
        byLevel.Clear();
        var relief = s.Relief[r];
        for (var level = 4; level <= Ladder.Top; level++)
        {
            var after = (1.0 - relief) * (1.0 - e[level - 4]);
            byLevel[level] = Math.Max(0.0, after - currentPressure);
        }
    }

    /// <summary>
    /// Expected council layers, unilateral layers and enforcement after an act at <paramref name="level"/> ≥ 4
    /// (enforcement tightens only after a passed resolution, so its gain is weighted by P(pass) like the layers).
    /// </summary>
    private static (double Un, double Uni, double Enforcement) AfterAct(SimState s, int r, SimulationSpec spec, Coefficients c, SanctionOdds odds, int level)
    {
        var (addUn, addUni, pass) = ActAdditions(spec, c, odds, level);
        return (s.UnLayers[r] + addUn, s.UniLayers[r] + addUni, Math.Min(1.0, s.Enforcement[r] + pass * c.SanctionsEnforcementGain));
    }

    /// <summary>
    /// The state-free part of <see cref="AfterAct"/>: expected council layers and unilateral layers an act at
    /// <paramref name="level"/> ≥ 4 adds, and P(a resolution passes), for one draw under one package.
    /// </summary>
    internal static (double AddUn, double AddUni, double Pass) ActAdditions(SimulationSpec spec, Coefficients c, SanctionOdds odds, int level)
    {
        var addUn = 0.0;
        var pass = 0.0;
        var addUni = odds.PrincipalSanction[level] * c.SanctionsUnilateralLayer;
        if (level >= spec.UnTriggerLevel)
        {
            pass = odds.Pass[level];
            addUn = pass * UnLayersAdded(c, level);
            addUni += (1.0 - pass) * c.SanctionsVetoUnilateral * spec.Roles.Sanctioners.Length;
        }
        return (addUn, addUni, pass);
    }

    /// <summary>Mean planned exercise intensity over the calendar year (the exercise feature's centre).</summary>
    public static double CalendarMean(SimulationSpec spec)
    {
        var sum = 0.0;
        foreach (var x in spec.ExerciseCalendar) sum += x;
        return sum / 12.0;
    }

    /// <summary>Talks, a summit, a framework or implementation under way.</summary>
    public static bool IsTalking(Phase phase) => phase is Core.Phase.Talks or Core.Phase.Summit or Core.Phase.Framework or Core.Phase.Implementation;

    /// <summary>This month's exercise intensity after the package's posture (suspended during talks if it says so).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double ExerciseIntensity(SimState s, int r, in MonthContext ctx, PolicyPackage policy) =>
        policy.Exercises.SuspendDuringTalks && IsTalking(s.Phase[r]) ? 0.0 : ctx.ExerciseIntensity;

    /// <summary>Strongest agreement in force that an act at level <paramref name="level"/> would violate.</summary>
    public static double AgreementRestraint(SimState s, int r, SimulationSpec spec, PolicyPackage policy, int level)
    {
        var best = 0.0;
        var n = s.AgreementCount;
        for (var a = 0; a < n; a++)
        {
            if (s.AgreementInForce[r * n + a] && level >= spec.Agreements[a].RestrainsFromLevel)
                best = Math.Max(best, spec.Agreements[a].Strength);
        }
        if (s.FrameworkStrength[r] > 0 && level >= policy.HoldThreshold) best = Math.Max(best, s.FrameworkStrength[r]);
        return best;
    }

    /// <summary>
    /// Expected rise in sanctions pressure caused by an act at level <paramref name="level"/>: council layers
    /// weighted by the chance no veto player blocks them, plus unilateral layers (after a veto and by the
    /// principal's own reaction), passed through the saturating pressure function.
    /// </summary>
    public static double ExpectedSanctionCost(SimState s, int r, SimulationSpec spec, PolicyPackage policy, Coefficients c, int level, double currentPressure) =>
        ExpectedSanctionCost(s, r, spec, c, SanctionOdds.Of(c, spec, policy), level, currentPressure);

    /// <summary>As above with the draw's sanction odds precomputed.</summary>
    public static double ExpectedSanctionCost(SimState s, int r, SimulationSpec spec, Coefficients c, SanctionOdds odds, int level, double currentPressure)
    {
        if (level < 4) return 0.0;
        var (un, uni, enforcement) = AfterAct(s, r, spec, c, odds, level);
        var after = SanctionsPressure(c, un, uni, enforcement, s.Relief[r]);
        return Math.Max(0.0, after - currentPressure);
    }

    /// <summary>Council layers a passed resolution adds after an act at <paramref name="level"/>.</summary>
    public static double UnLayersAdded(Coefficients c, int level) =>
        c.SanctionsUnLayer * (level >= Ladder.Top ? c.SanctionsNuclearMultiplier : 1.0);

    /// <summary>Pressure = (1 − relief)·(1 − exp(−(enforcement·UN + w·unilateral)/scale)), in [0, 1).</summary>
    public static double SanctionsPressure(Coefficients c, double un, double uni, double enforcement, double relief) =>
        (1.0 - relief) * (1.0 - DetMath.Exp(SanctionsExponent(c, un, uni, enforcement)));

    /// <summary>The exponent −(enforcement·UN + w·unilateral)/scale of <see cref="SanctionsPressure"/>.</summary>
    public static double SanctionsExponent(Coefficients c, double un, double uni, double enforcement) =>
        -(enforcement * un + c.SanctionsUnilateralWeight * uni) / c.SanctionsScale;
}
