using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class SimulatorTests
{
    private const int Runs = 4000;

    private sealed record Initial(int[] BorderClosedMonths, double[] MediatorSuccessor, double[] PrincipalSuccessor);

    /// <summary>The run-level draws of <paramref name="policy"/>'s month-0 state, through the batch simulator.</summary>
    private static Initial InitialDraws(string policy, ulong seed = 31, int draws = 8)
    {
        var spec = TestSpecs.Transition2021;
        var request = TestSpecs.Request(spec, policy, runs: Runs, months: 1, seed: seed, draws: draws, batchSize: Runs);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(policy), 1);
        Initial? result = null;
        BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, ctx =>
        {
            var s = ctx.State;
            result = new Initial([.. s.BorderClosedMonths], [.. s.MediatorSuccessorEngagement], [.. s.PrincipalSuccessorEngagement]);
        });
        return result!;
    }

    private static readonly Lazy<Initial> Principled = new(() => InitialDraws(TestSpecs.PrincipledDiplomacy));

    [Theory]
    [InlineData(TestSpecs.StrategicPatience)]
    [InlineData(TestSpecs.TopDownSummitry)]
    public void Initialize_TwoPoliciesSameSeed_SameBorderClosureAndSuccessorInEveryRun(string other)
    {
        var a = Principled.Value;
        var b = InitialDraws(other);

        Assert.Equal(a.BorderClosedMonths, b.BorderClosedMonths);
        Assert.Equal(a.MediatorSuccessor, b.MediatorSuccessor);
        Assert.Equal(a.PrincipalSuccessor, b.PrincipalSuccessor);
    }

    [Fact]
    public void Initialize_DifferentSeed_DifferentRunLevelDraws()
    {
        var other = InitialDraws(TestSpecs.PrincipledDiplomacy, seed: 32);

        Assert.NotEqual(Principled.Value.BorderClosedMonths, other.BorderClosedMonths);
        Assert.NotEqual(Principled.Value.MediatorSuccessor, other.MediatorSuccessor);
    }

    [Fact]
    public void Initialize_BorderClosure_LogNormalMedianTwelveWithinBounds()
    {
        var months = Principled.Value.BorderClosedMonths.Order().ToArray();

        Assert.All(months, m => Assert.InRange(m, 1, 60));
        Assert.InRange(months[Runs / 2], 11, 13);
        // P(closure <= 6.5 months) = Φ(ln(6.5/12)/0.6) = 0.153; sd of the share 0.0057.
        Assert.InRange(months.Count(m => m <= 6) / (double)Runs, 0.153 - 0.026, 0.153 + 0.026);
    }

    [Fact]
    public void Initialize_MediatorSuccessor_EachOptionWithItsProbability()
    {
        var successors = Principled.Value.MediatorSuccessor;

        Assert.All(successors, e => Assert.True(e is 1.0 or 0.25, e.ToString()));
        // Half and half; sd of the share 0.0079.
        Assert.InRange(successors.Count(e => e == 1.0) / (double)Runs, 0.5 - 0.036, 0.5 + 0.036);
    }

    [Fact]
    public void Initialize_PrincipalWithoutSuccessorDistribution_KeepsLastTermsEngagement()
    {
        Assert.All(Principled.Value.PrincipalSuccessor, e => Assert.Equal(1.0, e));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.4999, 1.0)]
    [InlineData(0.5, 0.25)]
    [InlineData(0.9999, 0.25)]
    public void DrawSuccessor_InverseCdf_PicksOptionByCumulativeProbability(double u, double expected)
    {
        Assert.Equal(expected, Simulator.DrawSuccessor(TestSpecs.Transition2021.Mediator!, u));
    }

    [Fact]
    public void Initialize_BorderOpenAtStart_NoClosure()
    {
        var spec = TestSpecs.Transition2021 with { Exogenous = TestSpecs.Transition2021.Exogenous with { BorderClosedAtStart = false } };
        var h = new ModuleHarness(spec, runs: 50);

        Assert.All(h.State.BorderClosedMonths, m => Assert.Equal(0, m));
    }

    [Fact]
    public void Initialize_InitialState_CopiedIntoEveryRun()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 3);
        var s = h.State;

        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(10, s.UnLayers[r]);
            Assert.Equal(8, s.UniLayers[r]);
            Assert.Equal(0.55, s.Enforcement[r]);
            Assert.Equal(0.75, s.Stress[r]);
            Assert.Equal(-0.3, s.TrustChallenger[r]);
            Assert.Equal(-0.4, s.TrustPrincipal[r]);
            Assert.Equal(0.3, s.Attention[r]);
            Assert.Equal(0.7, s.Capability[r]);
            Assert.Equal(2, s.Pipeline[r]);
            Assert.Equal(Phase.None, s.Phase[r]);
            Assert.Equal(0.168, s.Recent[r]);
            Assert.True(s.AgreementInForce[r]);
            Assert.Equal(FeatureFunction.SanctionsPressure(h.C, 10, 8, 0.55, 0), s.Pressure[r]);
        }
    }

    [Fact]
    public void StepOrder_DocumentedOrder_EachModuleOnce()
    {
        string[] expected =
        [
            "ExogenousModule", "ExerciseModule", "ChallengerModule", "PrincipalModule", "CouncilModule", "NegotiationModule",
            "AgreementModule", "SanctionsModule", "EconomyModule", "TrustModule", "AttentionModule", "PipelineModule",
            "MoratoriumModule", "MemoryModule",
        ];

        Assert.Equal(expected, Simulator.StepOrder.Select(m => m.GetType().Name).ToArray());
        Assert.All(Simulator.StepOrder, m => Assert.False(string.IsNullOrWhiteSpace(m.Serves)));
    }
}
