using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// The challenger's vector-lane path (four runs of one draw at a time) must give bit for bit what the per-run path
/// gives: the same ladder probabilities, levels and stances, for any state, any draws (groups straddling two draws
/// fall back to the per-run path) and any block length (a tail shorter than four runs).
/// </summary>
public sealed class ChallengerLanesTests
{
    private static readonly int ParameterCount = ParameterCatalog.All.Length;

    /// <summary>A parameter vector uniform within every catalog range.</summary>
    private static readonly Gen<double[]> GenVector = Gen.Double[0.0, 1.0].Array[ParameterCount].Select(u =>
    {
        var v = new double[u.Length];
        for (var i = 0; i < v.Length; i++) v[i] = ParameterCatalog.All[i].Min + u[i] * (ParameterCatalog.All[i].Max - ParameterCatalog.All[i].Min);
        return v;
    });

    private sealed record Outcome(int[] Level, bool[] Engaged, double[] LadderP);

    /// <summary>Fills a block from <paramref name="seed"/> (the same seed gives the same block) and applies the module.</summary>
    private static Outcome Run(SimulationSpec spec, PolicyPackage policy, Coefficients[] coefficients, int runs, int seed, int month, bool perRun)
    {
        var state = new SimState(runs, spec.Agreements.Length);
        var rng = new Random(seed);
        // Draws: non-decreasing along the block, as the runner assigns them, with boundaries anywhere.
        var draw = 0;
        for (var r = 0; r < runs; r++)
        {
            if (r > 0 && rng.NextDouble() < 0.15 && draw + 1 < coefficients.Length) draw++;
            state.Draw[r] = draw;
            state.RunIndex[r] = 5000 + r;
        }
        var random = new RandomSource((ulong)seed);
        Simulator.Initialize(state, spec, spec.Initial, coefficients, random);
        for (var r = 0; r < runs; r++)
        {
            state.LastLevel[r] = rng.Next(0, 7);
            state.Recent[r] = rng.NextDouble();
            state.Pipeline[r] = rng.Next(0, 80);
            state.Phase[r] = (Phase)rng.Next(0, Phases.Count);
            state.Stress[r] = rng.NextDouble();
            state.TrustChallenger[r] = 2 * rng.NextDouble() - 1;
            state.Attention[r] = rng.NextDouble();
            state.Moratorium[r] = rng.NextDouble() < 0.5;
            state.MessageDelivered[r] = rng.NextDouble() < 0.5;
            for (var a = 0; a < state.AgreementCount; a++) state.AgreementInForce[r * state.AgreementCount + a] = rng.NextDouble() < 0.3;
            state.FrameworkStrength[r] = rng.NextDouble() < 0.3 ? rng.NextDouble() : 0.0;
            state.UnLayers[r] = 6 * rng.NextDouble();
            state.UniLayers[r] = 6 * rng.NextDouble();
            state.Enforcement[r] = rng.NextDouble();
            state.Relief[r] = rng.NextDouble() < 0.3 ? rng.NextDouble() : 0.0;
            state.Pressure[r] = rng.NextDouble();
            state.EngagedLast[r] = rng.NextDouble() < 0.5;
            state.MediatorSuccessorEngagement[r] = rng.NextDouble();
        }
        var ctx = new StepContext(state, spec, policy, coefficients, random, SplitTheDifferenceZone.Instance)
        {
            Month = MonthContext.Build(spec, policy, month + 1)[month],
        };
        for (var r = 0; r < runs; r++) ctx.AidDelivered[r] = rng.NextDouble() < 0.5 ? rng.NextDouble() : 0.0;
        // Capturing features makes the module take the per-run path for every run.
        if (perRun) ctx.FeatureCapture = new double[runs * FeatureFunction.FeatureCount];
        new ChallengerModule().Apply(ctx);
        return new Outcome(state.Level, state.Engaged, ctx.LadderP);
    }

    [Fact]
    public void LanePath_RandomBlocks_IsBitIdenticalToThePerRunPath()
    {
        var spec = TestSpecs.Transition2021;
        Gen.Select(GenVector.Array[1, 4], Gen.Int[1, 41], Gen.Int, Gen.Int[0, spec.Months - 1], Gen.Int[0, spec.Policies.Length - 1])
            .Sample((vectors, runs, seed, month, policyIndex) =>
            {
                var coefficients = vectors.Select(v => new Coefficients(v)).ToArray();
                var policy = spec.Policies[policyIndex];
                var lanes = Run(spec, policy, coefficients, runs, seed, month, perRun: false);
                var perRun = Run(spec, policy, coefficients, runs, seed, month, perRun: true);
                Assert.Equal(perRun.Level, lanes.Level);
                Assert.Equal(perRun.Engaged, lanes.Engaged);
                for (var i = 0; i < perRun.LadderP.Length; i++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(perRun.LadderP[i]), BitConverter.DoubleToInt64Bits(lanes.LadderP[i]));
                }
            }, iter: 400, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void LanePath_ConditionalMessageAndExtremeIntercepts_IsBitIdenticalToThePerRunPath()
    {
        // A conditional message (the negotiation-risk feature), and intercepts far enough out that the logistics leave
        // the exponential's fast range on some lanes (the scalar fallback inside a vector).
        var spec = TestSpecs.Transition2021.WithPolicy(TestSpecs.PrincipledDiplomacy, p => p with
        {
            Message = new MessageLever(0, [new Channel("test", 0.8, ViaMediator: false)], Conditional: true),
            HoldThreshold = 3,
        });
        var policy = spec.PolicyOf(TestSpecs.PrincipledDiplomacy);
        foreach (var alpha in new[] { -800.0, -30.0, 0.0, 30.0, 800.0 })
        {
            var v = spec.Parameters.Means();
            for (var j = 1; j <= Ladder.Top; j++) v[ParameterCatalog.IndexOf("ladder.alpha." + j)] = j % 2 == 0 ? alpha : -alpha / 3;
            var coefficients = new[] { new Coefficients(v), spec.CentralCoefficients() };
            for (var seed = 0; seed < 20; seed++)
            {
                var lanes = Run(spec, policy, coefficients, 23, seed, seed % spec.Months, perRun: false);
                var perRun = Run(spec, policy, coefficients, 23, seed, seed % spec.Months, perRun: true);
                Assert.Equal(perRun.Level, lanes.Level);
                Assert.Equal(perRun.Engaged, lanes.Engaged);
                Assert.Equal(perRun.LadderP.Select(BitConverter.DoubleToInt64Bits), lanes.LadderP.Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }
}
