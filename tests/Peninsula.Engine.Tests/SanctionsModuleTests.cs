using CsCheck;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class SanctionsModuleTests
{
    private readonly record struct MonthInput(double NewUn, double NewUni, bool Resolution, Phase Phase, int StepsDone, double TermsRelief);

    private static readonly Gen<MonthInput> GenMonth =
        Gen.Select(Gen.Double[0.0, 2.0], Gen.Double[0.0, 2.0], Gen.Bool, Gen.Int[0, Phases.Count - 1], Gen.Int[0, 4], Gen.Double[0.0, 100.0])
            .Select((un, uni, res, phase, steps, relief) => new MonthInput(un, uni, res, (Phase)phase, steps, relief));

    [Fact]
    public void Apply_RandomMonths_LayersNeverNegativeOrFallingAndPressureInUnitInterval()
    {
        Gen.Select(Gen.Double[0.0, 20.0], Gen.Double[0.0, 20.0], Gen.Double[0.0, 1.0], GenMonth.Array[1, 48]).Sample((un0, uni0, enf0, months) =>
        {
            var h = new ModuleHarness(TestSpecs.Transition2021);
            var s = h.State;
            s.UnLayers[0] = un0;
            s.UniLayers[0] = uni0;
            s.Enforcement[0] = enf0;
            var module = new SanctionsModule();
            foreach (var m in months)
            {
                var (un, uni) = (s.UnLayers[0], s.UniLayers[0]);
                h.Context.NewUnLayers[0] = m.NewUn;
                h.Context.NewUniLayers[0] = m.NewUni;
                s.Events[0] = m.Resolution ? MonthEvents.UnResolution : MonthEvents.None;
                s.Phase[0] = m.Phase;
                s.StepsDone[0] = m.StepsDone;
                s.TermsRelief[0] = m.TermsRelief;

                h.Apply(module);

                Assert.True(s.UnLayers[0] >= un && s.UnLayers[0] >= 0);
                Assert.True(s.UniLayers[0] >= uni && s.UniLayers[0] >= 0);
                Assert.InRange(s.Enforcement[0], 0.0, 1.0);
                Assert.InRange(s.Relief[0], 0.0, 1.0);
                Assert.True(s.Pressure[0] >= 0 && s.Pressure[0] < 1, $"pressure {s.Pressure[0]}");
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Apply_ImplementationTwoOfFourSteps_ReliefProportionalToStepsDone()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 5);
        var s = h.State;
        h.ForAll(r =>
        {
            s.Phase[r] = Phase.Implementation;
            s.TermsRelief[r] = 60;
            s.StepsDone[r] = r; // 0 … 4 of 4 steps
        });

        h.Apply(new SanctionsModule());

        for (var r = 0; r < 5; r++)
        {
            Assert.Equal(0.6 * r / 4, s.Relief[r], 1e-15);
            var unrelieved = FeatureFunction.SanctionsPressure(h.C, s.UnLayers[r], s.UniLayers[r], s.Enforcement[r], 0);
            Assert.Equal((1 - 0.6 * r / 4) * unrelieved, s.Pressure[r], 1e-15);
        }
    }

    [Theory]
    [InlineData(Phase.None)]
    [InlineData(Phase.Talks)]
    [InlineData(Phase.Framework)]
    [InlineData(Phase.Collapsed)]
    public void Apply_OutsideImplementation_NoRelief(Phase phase)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021);
        var s = h.State;
        s.Phase[0] = phase;
        s.TermsRelief[0] = 60;
        s.StepsDone[0] = 4;
        s.Relief[0] = 0.5;

        h.Apply(new SanctionsModule());

        Assert.Equal(0.0, s.Relief[0]);
    }

    [Fact]
    public void Apply_NewLayers_AddedAndPressureRecomputed()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021);
        var s = h.State;
        h.Context.NewUnLayers[0] = 1.5;
        h.Context.NewUniLayers[0] = 0.5;

        h.Apply(new SanctionsModule());

        Assert.Equal(11.5, s.UnLayers[0]);
        Assert.Equal(8.5, s.UniLayers[0]);
        // No resolution: enforcement relaxes from 0.55 toward e* = (1 − 0.93) + 0.93·0.5 = 0.535 (docs/model.md §4).
        Assert.Equal(0.535 + 0.015 * 0.95, s.Enforcement[0], 1e-15);
        Assert.Equal(FeatureFunction.SanctionsPressure(h.C, 11.5, 8.5, s.Enforcement[0], 0), s.Pressure[0]);
    }

    [Fact]
    public void Apply_ResolutionEvent_EnforcementRisesByGainAfterOneMonthsDecay()
    {
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 2);
        var s = h.State;
        s.Events[1] = MonthEvents.UnResolution;

        h.Apply(new SanctionsModule());

        Assert.Equal(0.1 * 0.95, s.Enforcement[1] - s.Enforcement[0], 1e-15);
    }

    [Fact]
    public void Apply_TalksUnderway_EnforcementRelaxesTowardLowerTradeWeightedBaseline()
    {
        // Veto players carry S = 0.93 of trade: e* = (1 − S) + S·max(0, base − engaged·1[talks]).
        var h = new ModuleHarness(TestSpecs.Transition2021, runs: 2);
        var s = h.State;
        s.Phase[1] = Phase.Talks;

        for (var t = 0; t < 400; t++) h.Apply(new SanctionsModule());

        Assert.Equal(0.07 + 0.93 * 0.5, s.Enforcement[0], 1e-6);
        Assert.Equal(0.07 + 0.93 * 0.35, s.Enforcement[1], 1e-6);
    }
}
