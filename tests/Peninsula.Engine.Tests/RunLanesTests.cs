using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// The modules written in vector lanes (<see cref="RunLanes"/>: trust, economy, attention, memory, sanctions) compute, bit for bit,
/// the per-run formulas they replaced (kept here as the reference), whether a run went through four lanes of one draw
/// or one lane alone: two blocks with the same state, one whose runs all share a draw (lanes of four) and one whose
/// draws alternate (every run alone; both draws carry the same coefficients), over many random states with values
/// beyond the clamps, every phase, level and event.
/// </summary>
public sealed class RunLanesTests
{
    private const int Runs = 37; // not a multiple of four: the last run goes alone even in the first block

    private sealed record Block(SimState State, StepContext Context);

    private static Block NewBlock(bool alternateDraws, int seed)
    {
        var spec = TestSpecs.Transition2021;
        var policy = spec.PolicyOf(TestSpecs.PrincipledDiplomacy);
        var central = spec.CentralCoefficients();
        Coefficients[] coefficients = [central, central];
        var s = new SimState(Runs, spec.Agreements.Length);
        var random = new RandomSource(7);
        for (var r = 0; r < Runs; r++)
        {
            s.RunIndex[r] = r;
            s.Draw[r] = alternateDraws ? r % 2 : 0;
        }
        Simulator.Initialize(s, spec, spec.Initial, coefficients, random);
        var ctx = new StepContext(s, spec, policy, coefficients, random, SplitTheDifferenceZone.Instance)
        {
            Month = MonthContext.Build(spec, policy, 1)[0],
        };
        var g = new Random(seed);
        double U(double lo, double hi) => lo + (hi - lo) * g.NextDouble();
        for (var r = 0; r < Runs; r++)
        {
            s.Level[r] = g.Next(Ladder.Levels);
            s.Phase[r] = (Phase)g.Next(7);
            s.Events[r] = (MonthEvents)g.Next(1 << 16);
            s.Engaged[r] = g.Next(2) == 1;
            s.TrustChallenger[r] = U(-1.3, 1.3);
            s.TrustPrincipal[r] = U(-1.3, 1.3);
            s.Stress[r] = U(-0.2, 1.2);
            s.Pressure[r] = U(0, 1);
            s.Attention[r] = U(-0.2, 1.2);
            s.Recent[r] = U(0, 1);
            ctx.AidDelivered[r] = g.Next(3) == 0 ? 0.0 : U(0, 1);
            ctx.Exercise[r] = U(0, 1.5);
            ctx.NewUnLayers[r] = g.Next(3) == 0 ? 0.0 : U(0, 3);
            ctx.NewUniLayers[r] = g.Next(3) == 0 ? 0.0 : U(0, 2);
            ctx.BorderClosed[r] = g.Next(2) == 1;
            s.UnLayers[r] = g.Next(4) == 0 ? 0.0 : U(0, 6);
            s.UniLayers[r] = g.Next(4) == 0 ? 0.0 : U(0, 6);
            s.Enforcement[r] = U(-0.1, 1.1);
            s.TermsRelief[r] = U(0, 100);
            s.StepsDone[r] = g.Next(5);
        }
        return new Block(s, ctx);
    }

    private static IEnumerable<double[]> Outputs(SimState s) =>
        [s.TrustChallenger, s.TrustPrincipal, s.Stress, s.Attention, s.Recent, s.UnLayers, s.UniLayers, s.Enforcement, s.Relief, s.Pressure];

    [Fact]
    public void LaneModules_FourLanesOrOne_EqualThePerRunFormulasBitForBit()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var lanes = NewBlock(alternateDraws: false, seed);
            var alone = NewBlock(alternateDraws: true, seed);
            var reference = NewBlock(alternateDraws: false, seed);
            foreach (var module in new IMechanism[] { new TrustModule(), new EconomyModule(), new AttentionModule(), new MemoryModule(), new SanctionsModule() })
            {
                module.Apply(lanes.Context);
                module.Apply(alone.Context);
            }
            PerRun(reference.Context);
            foreach (var (expected, actual, other) in Outputs(reference.State).Zip(Outputs(lanes.State), Outputs(alone.State)))
            {
                for (var r = 0; r < Runs; r++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[r]), BitConverter.DoubleToInt64Bits(actual[r]));
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expected[r]), BitConverter.DoubleToInt64Bits(other[r]));
                }
            }
            Assert.Equal(lanes.State.Level, lanes.State.LastLevel);
            Assert.Equal(lanes.State.Engaged, lanes.State.EngagedLast);
        }
    }

    /// <summary>The four modules as they were written per run before the lanes (same order of operations).</summary>
    private static void PerRun(StepContext ctx)
    {
        var s = ctx.State;
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var ev = s.Events[r];
            var phase = s.Phase[r];
            var dc = ((ev & MonthEvents.MessageDelivered) != 0 ? c.TrustMessage : 0.0)
                + c.TrustAid * ctx.AidDelivered[r]
                + (FeatureFunction.IsTalking(phase) ? c.TrustTalks : 0.0)
                + ((ev & MonthEvents.Summit) != 0 ? c.TrustSummit : 0.0)
                - c.TrustExercise * ctx.Exercise[r]
                - c.TrustSanctions * (ctx.NewUnLayers[r] + ctx.NewUniLayers[r]);
            s.TrustChallenger[r] = Math.Clamp(c.TrustRetention * s.TrustChallenger[r] + dc, -1.0, 1.0);
            var level = s.Level[r];
            var inContact = phase is not (Phase.None or Phase.Collapsed);
            var dp = -c.TrustProvocation * Math.Max(0, level - 2) + (level <= 2 && inContact ? c.TrustRestraint : 0.0);
            s.TrustPrincipal[r] = Math.Clamp(c.TrustRetention * s.TrustPrincipal[r] + dp, -1.0, 1.0);
        }
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var target = c.EconomyBase + c.EconomyPressure * s.Pressure[r]
                + (ctx.BorderClosed[r] ? c.EconomyBorder : 0.0)
                + ((s.Events[r] & MonthEvents.Disaster) != 0 ? c.EconomyDisaster : 0.0)
                - c.EconomyAid * ctx.AidDelivered[r];
            target = Math.Clamp(target, 0.0, 1.0);
            s.Stress[r] = c.EconomyRetention * s.Stress[r] + (1.0 - c.EconomyRetention) * target;
        }
        var attentionTarget = Math.Clamp(ctx.Spec.BaseAttention + ctx.Policy.AttentionBoost, 0.0, 1.0);
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            var a = c.AttentionRetention * s.Attention[r] + (1.0 - c.AttentionRetention) * attentionTarget;
            if (s.Level[r] >= 5) a += c.AttentionJump * (1.0 - a);
            s.Attention[r] = Math.Clamp(a, 0.0, 1.0);
        }
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            s.Recent[r] = c.LadderRecentDecay * s.Recent[r] + (1.0 - c.LadderRecentDecay) * (s.Level[r] >= 3 ? 1.0 : 0.0);
        }
        var steps = ctx.Spec.ImplementationSteps;
        var decay = new double[s.Runs];
        for (var r = 0; r < s.Runs; r++)
        {
            var c = ctx.C(r);
            s.UnLayers[r] += ctx.NewUnLayers[r];
            s.UniLayers[r] += ctx.NewUniLayers[r];
            var e = s.Enforcement[r];
            if ((s.Events[r] & MonthEvents.UnResolution) != 0) e += c.SanctionsEnforcementGain;
            var baseline = SanctionsModule.EnforcementBaseline(ctx, c, talking: FeatureFunction.IsTalking(s.Phase[r]));
            e = baseline + (e - baseline) * c.SanctionsEnforcementDecay;
            s.Enforcement[r] = Math.Clamp(e, 0.0, 1.0);
            s.Relief[r] = s.Phase[r] == Phase.Implementation && steps > 0
                ? Math.Clamp(s.TermsRelief[r] / 100.0 * s.StepsDone[r] / steps, 0.0, 1.0)
                : 0.0;
            decay[r] = DetMath.Exp(FeatureFunction.SanctionsExponent(c, s.UnLayers[r], s.UniLayers[r], s.Enforcement[r]));
        }
        for (var r = 0; r < s.Runs; r++) s.Pressure[r] = (1.0 - s.Relief[r]) * (1.0 - decay[r]);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void PrincipalUtilities_FourLanesOrOne_EqualThePerRunFormula(bool review, bool successor)
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var block = NewBlock(alternateDraws: false, seed);
            var s = block.State;
            var g = new Random(seed + 1000);
            for (var r = 0; r < Runs; r++)
            {
                s.ProvocationMemory[r] = 3 * g.NextDouble();
                s.PrincipalSuccessorEngagement[r] = g.NextDouble();
                block.Context.Scratch[r] = double.NaN;
            }
            var memory = (double[])s.ProvocationMemory.Clone();
            var c = block.Context.C(0);
            // four runs, one run, then the rest four at a time
            PrincipalModule.Utilities(block.Context, 0, RunLanes.Width, review, successor);
            PrincipalModule.Utilities(block.Context, 4, 1, review, successor);
            for (var r = 5; r + RunLanes.Width <= Runs; r += RunLanes.Width) PrincipalModule.Utilities(block.Context, r, RunLanes.Width, review, successor);
            for (var r = 0; r < Runs - (Runs - 5) % RunLanes.Width; r++)
            {
                var m = c.PrincipalProvocationDecay * memory[r] + (s.Level[r] >= 5 ? 1.0 : 0.0);
                Assert.Equal(BitConverter.DoubleToInt64Bits(m), BitConverter.DoubleToInt64Bits(s.ProvocationMemory[r]));
                var engagement = successor ? (s.PrincipalSuccessorEngagement[r] - 0.5) * 2.0 : block.Context.Policy.Engagement;
                var expected = review ? double.NaN : ChoiceModels.PrincipalUtility(c, engagement, s.Attention[r], m, s.TrustPrincipal[r]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(block.Context.Scratch[r]));
            }
        }
    }

    [Fact]
    public void BinOfUnit_EqualsBin_ForEveryKindOfDouble()
    {
        double[] edges = [0.0, -0.0, 1.0, -1.0, 0.5, 0.995, 0.9975, 0.99999999, 1e-300, -1e-300, 2.0, -2.0, 1e300, -1e300,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1.0 - 1e-16, 5e9, -5e9];
        foreach (var v in edges) Check(v);
        Gen.Double.Sample(Check, iter: 20_000, seed: "0N0XIzNsQ0O2");
        Gen.Double[-1.5, 1.5].Sample(Check, iter: 20_000, seed: "0N0XIzNsQ0O2");

        static void Check(double v)
        {
            Assert.Equal(BatchResult.Bin(0, v), BatchResult.BinOfUnit(v));
            Assert.Equal(BatchResult.Bin(1, v), BatchResult.BinOfUnit(v));
            Assert.Equal(BatchResult.Bin(2, v), BatchResult.BinOfUnit((v + 1.0) * 0.5));
        }
    }
}
