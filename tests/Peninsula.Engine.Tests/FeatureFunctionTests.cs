using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class FeatureFunctionTests
{
    private const int Persist = 0, Recent = 1, SeasonCos = 2, SeasonSin = 3, Pipeline = 4, Exercise = 5;
    private const int TransitionPrincipal = 6, TransitionMediator = 7, Need = 8, Trust = 9, Engaged = 10, Inattention = 11;
    private const int Moratorium = 0, Agreement = 1, SanctionCost = 2, NegotiationRisk = 3;
    private const int March = 2;

    private static (double[] Shared, double[] Rung) Features(ModuleHarness h, int r = 0)
    {
        var shared = new double[FeatureFunction.SharedCount];
        var rung = new double[6 * FeatureFunction.RungCount];
        FeatureFunction.Compute(h.State, r, h.Context.Month, h.Spec, h.Policy, h.C, shared, rung);
        return (shared, rung);
    }

    /// <summary>Rung feature <paramref name="feature"/> at rung <paramref name="j"/> (1–6).</summary>
    private static double Rung(double[] rung, int j, int feature) => rung[(j - 1) * FeatureFunction.RungCount + feature];

    private static ModuleHarness Harness(string policy = TestSpecs.PrincipledDiplomacy, int month = 0, SimulationSpec? spec = null) =>
        new(spec ?? TestSpecs.Transition2021, policy, month: month);

    [Fact]
    public void Names_OnePerFeature_EachPairsWithACatalogParameter()
    {
        Assert.Equal(FeatureFunction.SharedCount, FeatureFunction.SharedNames.Count);
        Assert.Equal(FeatureFunction.RungCount, FeatureFunction.RungNames.Count);
        Assert.All(FeatureFunction.SharedNames.Concat(FeatureFunction.RungNames), n => Assert.True(ParameterCatalog.IndexOf("ladder." + n) >= 0, n));
    }

    /// <summary>
    /// Shared feature <paramref name="feature"/> after <paramref name="set"/>, minus its value in the initial state:
    /// features may be centred, so each is checked by how it responds to its state variable.
    /// </summary>
    private static double Response(int feature, Action<SimState> set, string policy = TestSpecs.PrincipledDiplomacy, int month = 0)
    {
        var reference = Harness(policy, month);
        var changed = Harness(policy, month);
        set(changed.State);
        return Features(changed).Shared[feature] - Features(reference).Shared[feature];
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 1.0)]
    [InlineData(6, 1.0)]
    public void Compute_LastLevel_PersistRisesByOneFromLevel3(int lastLevel, double expected)
    {
        Assert.Equal(expected, Response(Persist, s => s.LastLevel[0] = lastLevel), 1e-15);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(3, 1.3862943611198906)] // ln 4
    [InlineData(7, 2.0794415416798357)] // ln 8
    public void Compute_Pipeline_LogOfOnePlusSystems(int pipeline, double expected)
    {
        // Relative to an empty pipeline: log(1 + n) − log 1.
        var empty = Response(Pipeline, s => s.Pipeline[0] = 0);

        Assert.Equal(expected, Response(Pipeline, s => s.Pipeline[0] = pipeline) - empty, 1e-15);
    }

    [Theory]
    [InlineData(Phase.None, 0.0)]
    [InlineData(Phase.Contact, 0.0)]
    [InlineData(Phase.Talks, 1.0)]
    [InlineData(Phase.Summit, 1.0)]
    [InlineData(Phase.Framework, 1.0)]
    [InlineData(Phase.Implementation, 1.0)]
    [InlineData(Phase.Collapsed, 0.0)]
    public void Compute_Phase_EngagedOnlyFromTalks(Phase phase, double expected)
    {
        Assert.Equal(expected, Response(Engaged, s => s.Phase[0] = phase));
    }

    [Theory]
    [InlineData(TestSpecs.TopDownSummitry, Phase.Contact, 0.0)]
    [InlineData(TestSpecs.TopDownSummitry, Phase.Talks, -0.15)]     // 0.5 · scale 0.3, suspended during talks
    [InlineData(TestSpecs.TopDownSummitry, Phase.Implementation, -0.15)]
    [InlineData(TestSpecs.PrincipledDiplomacy, Phase.Talks, 0.0)]    // this package does not suspend
    public void Compute_MarchExercise_SuspendedDuringTalksOnlyWhenPackageSaysSo(string policy, Phase phase, double expected)
    {
        Assert.Equal(expected, Response(Exercise, s => s.Phase[0] = phase, policy, March), 1e-15);
    }

    [Theory]
    [InlineData(TestSpecs.TopDownSummitry, 0.15)]     // 0.5 · scale 0.3
    [InlineData(TestSpecs.PrincipledDiplomacy, 0.35)] // 0.5 · scale 0.7
    [InlineData(TestSpecs.StrategicPatience, 0.5)]
    public void Compute_MarchVersusJanuary_ExerciseScaledByPosture(string policy, double expected)
    {
        var january = Features(Harness(policy, month: 0)).Shared[Exercise];
        var march = Features(Harness(policy, March)).Shared[Exercise];

        Assert.Equal(expected, march - january, 1e-15);
    }

    [Fact]
    public void ExerciseIntensity_TalksUnderPackageThatSuspends_Zero()
    {
        var h = Harness(TestSpecs.TopDownSummitry, March);
        h.State.Phase[0] = Phase.Talks;

        Assert.Equal(0.0, FeatureFunction.ExerciseIntensity(h.State, 0, h.Context.Month, h.Policy));
        h.State.Phase[0] = Phase.Contact;
        Assert.Equal(0.15, FeatureFunction.ExerciseIntensity(h.State, 0, h.Context.Month, h.Policy), 1e-15);
    }

    [Theory]
    [InlineData(0, 1.0, 0.0)] // January
    [InlineData(3, 0.0, 1.0)] // April
    [InlineData(6, -1.0, 0.0)] // July
    [InlineData(9, 0.0, -1.0)] // October
    public void Compute_Season_CosineAndSineOfMonthOfYear(int month, double cos, double sin)
    {
        var (shared, _) = Features(Harness(month: month));

        Assert.Equal(cos, shared[SeasonCos], 1e-15);
        Assert.Equal(sin, shared[SeasonSin], 1e-15);
    }

    [Theory]
    [InlineData(0, 1.0)]  // 2021-01: elected 2020-11, inaugurated 2021-01
    [InlineData(5, 1.0)]  // 2021-06: last month of the six-month window
    [InlineData(6, 0.0)]
    [InlineData(47, 0.0)] // no principal successor is scheduled
    public void Compute_PrincipalTransition_ElectionToSixMonthsAfterInauguration(int month, double expected)
    {
        Assert.Equal(expected, Features(Harness(month: month)).Shared[TransitionPrincipal]);
    }

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(13, 0.0)] // 2022-02
    [InlineData(14, 1.0)] // 2022-03: successor election
    [InlineData(16, 1.0)] // 2022-05: successor inaugurated, 16 months after the start
    [InlineData(21, 1.0)] // 2022-10
    [InlineData(22, 0.0)] // 2022-11
    public void Compute_MediatorTransition_FromSuccessorElectionToSixMonthsAfterInauguration(int month, double expected)
    {
        Assert.Equal(expected, Features(Harness(month: month)).Shared[TransitionMediator]);
    }

    [Fact]
    public void Compute_ContinuousState_FeaturesMoveOneForOne()
    {
        Assert.Equal(0.42 - 0.168, Response(Recent, s => s.Recent[0] = 0.42), 1e-15);
        Assert.Equal(0.61 - 0.75, Response(Need, s => s.Stress[0] = 0.61), 1e-15);
        Assert.Equal(-0.37 - -0.3, Response(Trust, s => s.TrustChallenger[0] = -0.37), 1e-15);
        Assert.Equal(-(0.9 - 0.3), Response(Inattention, s => s.Attention[0] = 0.9), 1e-15); // inattention falls as attention rises
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_Moratorium_OnlyForRungsFromMoratoriumFromLevel(bool moratorium)
    {
        var h = Harness();
        h.State.Moratorium[0] = moratorium;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(moratorium && j >= 5 ? 1.0 : 0.0, Rung(rung, j, Moratorium));
    }

    [Fact]
    public void Compute_MoratoriumFromLevel3_CoversRungs3To6()
    {
        var h = Harness(spec: TestSpecs.Transition2021 with { MoratoriumFromLevel = 3 });
        h.State.Moratorium[0] = true;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(j >= 3 ? 1.0 : 0.0, Rung(rung, j, Moratorium));
    }

    [Theory]
    [InlineData(Phase.None, 0.1125)]   // deal value (50 + 40)/200 = 0.45, prospect 0.25
    [InlineData(Phase.Contact, 0.225)] // prospect 0.5
    [InlineData(Phase.Talks, 0.45)]
    [InlineData(Phase.Implementation, 0.45)]
    public void Compute_DeliveredConditionalMessage_NegotiationRiskOnlyFromHoldThreshold(Phase phase, double expected)
    {
        var h = Harness();
        h.State.MessageDelivered[0] = true;
        h.State.Phase[0] = phase;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(j >= h.Policy.HoldThreshold ? expected : 0.0, Rung(rung, j, NegotiationRisk), 1e-15);
    }

    [Fact]
    public void Compute_ConditionalMessageNotYetDelivered_NoNegotiationRisk()
    {
        var h = Harness();
        h.State.MessageDelivered[0] = false;
        h.State.Phase[0] = Phase.Talks;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(0.0, Rung(rung, j, NegotiationRisk));
    }

    [Theory]
    [InlineData(TestSpecs.TopDownSummitry)]    // unconditional message
    [InlineData(TestSpecs.StrategicPatience)] // no message
    public void Compute_NoConditionalMessage_NoNegotiationRiskEvenIfDelivered(string policy)
    {
        var h = Harness(policy);
        h.State.MessageDelivered[0] = true;
        h.State.Phase[0] = Phase.Talks;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(0.0, Rung(rung, j, NegotiationRisk));
    }

    [Fact]
    public void Compute_AgreementInForce_RestrainsFromItsLevelWithItsStrength()
    {
        var h = Harness();

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(j >= 5 ? 0.2 : 0.0, Rung(rung, j, Agreement));
    }

    [Fact]
    public void Compute_AgreementEndedButFrameworkInForce_FrameworkRestrainsFromHoldThreshold()
    {
        var h = Harness(TestSpecs.TopDownSummitry); // hold threshold 6
        h.State.AgreementInForce[0] = false;
        h.State.FrameworkStrength[0] = 0.35;

        var (_, rung) = Features(h);

        for (var j = 1; j <= 6; j++) Assert.Equal(j >= 6 ? 0.35 : 0.0, Rung(rung, j, Agreement));
    }

    [Fact]
    public void Compute_ExpectedSanctionCost_ZeroBelowLevel4AndPositiveFrom4()
    {
        var (_, rung) = Features(Harness());

        for (var j = 1; j <= 3; j++) Assert.Equal(0.0, Rung(rung, j, SanctionCost));
        for (var j = 4; j <= 6; j++) Assert.True(Rung(rung, j, SanctionCost) > 0, $"rung {j}");
        Assert.True(Rung(rung, 5, SanctionCost) > Rung(rung, 4, SanctionCost), "a council resolution is possible from level 5");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void ExpectedSanctionCost_VetoCertainWithoutUnilateralResponse_LowerThanVetoNever(int level)
    {
        var certain = Harness(spec: TestSpecs.Transition2021.WithParameter("veto.intercept", 12).WithParameter("sanctions.veto_unilateral", 0));
        var never = Harness(spec: TestSpecs.Transition2021.WithParameter("veto.intercept", -12).WithParameter("sanctions.veto_unilateral", 0));

        var costCertain = Rung(Features(certain).Rung, level, SanctionCost);
        var costNever = Rung(Features(never).Rung, level, SanctionCost);

        Assert.True(costCertain > 0, "the principal's own sanctions still cost something");
        Assert.True(costCertain < costNever, $"veto certain {costCertain} vs never {costNever}");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void ExpectedSanctionCost_VetoCertainWithoutUnilateralResponse_OnlyThePrincipalsSanctionsCount(int level)
    {
        // A vetoed resolution adds no council layers and does not tighten enforcement, so with no unilateral
        // response to the veto only the principal's own expected round of sanctions remains.
        var spec = TestSpecs.Transition2021.WithParameter("veto.intercept", 12).WithParameter("sanctions.veto_unilateral", 0);
        var h = Harness(spec: spec);
        var s = h.State;
        var c = h.C;
        var principal = ChoiceModels.PrincipalSanctionProbability(c, h.Policy, level) * c.SanctionsUnilateralLayer;
        var expected = FeatureFunction.SanctionsPressure(c, s.UnLayers[0], s.UniLayers[0] + principal, s.Enforcement[0], s.Relief[0]) - s.Pressure[0];

        var cost = FeatureFunction.ExpectedSanctionCost(s, 0, spec, h.Policy, c, level, s.Pressure[0]);

        Assert.Equal(expected, cost, 1e-6);
    }

    [Fact]
    public void ExpectedSanctionCost_VetoNeverLevel6_CountsNuclearMultiplierAndEnforcementGain()
    {
        var spec = TestSpecs.Transition2021.WithParameter("veto.intercept", -12);
        var h = Harness(spec: spec);
        var s = h.State;
        var c = h.C;
        var principal = ChoiceModels.PrincipalSanctionProbability(c, h.Policy, 6) * c.SanctionsUnilateralLayer;
        var expected = FeatureFunction.SanctionsPressure(c, s.UnLayers[0] + 1.5, s.UniLayers[0] + principal, s.Enforcement[0] + 0.1, 0) - s.Pressure[0];

        Assert.Equal(expected, FeatureFunction.ExpectedSanctionCost(s, 0, spec, h.Policy, c, 6, s.Pressure[0]), 1e-5);
    }

    [Fact]
    public void SanctionsPressure_KnownInputs_SaturatingFunctionScaledByRelief()
    {
        var c = TestSpecs.Transition2021.CentralCoefficients();

        // (0.55·10 + 0.5·8)/8 = 1.1875.
        Assert.Equal(1 - Math.Exp(-1.1875), FeatureFunction.SanctionsPressure(c, 10, 8, 0.55, 0), 1e-15);
        Assert.Equal(0.7 * (1 - Math.Exp(-1.1875)), FeatureFunction.SanctionsPressure(c, 10, 8, 0.55, 0.3), 1e-15);
        Assert.Equal(0.0, FeatureFunction.SanctionsPressure(c, 0, 0, 0.55, 0));
    }

    [Fact]
    public void Compute_ReadsOnlyTheRequestedRun()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 2);
        var (before, _) = Features(h, 0);
        h.State.LastLevel[1] = 6;
        h.State.Pipeline[1] = 9;
        h.State.Moratorium[1] = true;

        var (shared, rung) = Features(h, 0);

        Assert.Equal(before, shared);
        Assert.Equal(0.0, Rung(rung, 6, Moratorium));
    }
}
