using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// The simulator's all-levels-at-once feature paths (one pass over agreements; the three sanction exponentials as one
/// vector) must give exactly the per-level definitions, in every state.
/// </summary>
public sealed class FeatureFunctionBatchTests
{
    [Fact]
    public void AllLevelsAtOnce_EqualsPerLevelDefinitions_BitForBit_AcrossRandomStates()
    {
        var random = new Random(99);
        Span<double> cost = stackalloc double[Ladder.Levels];
        Span<double> restraint = stackalloc double[Ladder.Levels];
        for (var trial = 0; trial < 400; trial++)
        {
            var h = new ModuleHarness(TestSpecs.Transition2021, trial % 2 == 0 ? TestSpecs.PrincipledDiplomacy : TestSpecs.TopDownSummitry);
            var s = h.State;
            s.UnLayers[0] = random.NextDouble() * 8;
            s.UniLayers[0] = random.NextDouble() * 8;
            s.Enforcement[0] = random.NextDouble();
            s.Relief[0] = random.NextDouble() * 0.8;
            s.Pressure[0] = random.NextDouble();
            s.FrameworkStrength[0] = random.NextDouble() < 0.3 ? random.NextDouble() : 0.0;
            for (var a = 0; a < s.AgreementCount; a++) s.AgreementInForce[a] = random.NextDouble() < 0.5;
            var c = h.C;
            var odds = SanctionOdds.Of(c, h.Spec, h.Policy);

            FeatureFunction.ExpectedSanctionCosts(s, 0, h.Spec, c, odds, s.Pressure[0], cost);
            FeatureFunction.AgreementRestraints(s, 0, h.Spec, h.Policy, restraint);
            for (var level = 1; level <= Ladder.Top; level++)
            {
                var expectedCost = FeatureFunction.ExpectedSanctionCost(s, 0, h.Spec, h.Policy, c, level, s.Pressure[0]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedCost), BitConverter.DoubleToInt64Bits(cost[level]));
                Assert.Equal(FeatureFunction.AgreementRestraint(s, 0, h.Spec, h.Policy, level), restraint[level]);
            }
        }
    }
}
