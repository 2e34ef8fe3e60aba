using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class BatchSimulatorTests
{
    /// <summary>A scripted history: quiet, short-range tests, a nuclear test in month 3, an ICBM in month 6.</summary>
    private static readonly int[] Script = [0, 1, 3, 6, 2, 0, 5, 4, 0, 0, 3, 0];

    private const int Runs = 400;

    /// <summary>Per-month copies of the state the replay reconstructs.</summary>
    private sealed record Snapshot(
        int[] Level, double[] Capability, double[] ProvocationMemory, bool[] Moratorium, double[] UnLayers, double[] UniLayers,
        double[] TrustPrincipal, double[] Attention, MonthEvents[] Events);

    private static (BatchResult Batch, List<Snapshot> Months, SimulationRequest Request) Replay(SimulationSpec spec)
    {
        // Central parameter values, so the directions asserted below do not hinge on a drawn coefficient near zero.
        var request = TestSpecs.Request(spec, runs: Runs, months: Script.Length, seed: 99, draws: 1, batchSize: Runs);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(request.PolicyId), request.Months);
        var observed = Script.Select(level => (ObservedMonth?)new ObservedMonth { Level = level }).ToList();
        var snapshots = new List<Snapshot>();
        var batch = BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, ctx =>
        {
            var s = ctx.State;
            snapshots.Add(new Snapshot(
                [.. s.Level], [.. s.Capability], [.. s.ProvocationMemory], [.. s.Moratorium], [.. s.UnLayers], [.. s.UniLayers],
                [.. s.TrustPrincipal], [.. s.Attention], [.. s.Events]));
        }, observed);
        return (batch, snapshots, request);
    }

    private static readonly Lazy<(BatchResult Batch, List<Snapshot> Months, SimulationRequest Request)> WithMoratorium =
        new(() => Replay(TestSpecs.Transition2021.WithInitial(i => i with { Moratorium = true })));

    [Fact]
    public void Run_ObservedLevels_EveryRunRecordsTheScript()
    {
        var (batch, months, _) = WithMoratorium.Value;

        for (var t = 0; t < Script.Length; t++)
        {
            Assert.Equal(Runs, batch.Ladder[t * Ladder.Levels + Script[t]]);
            Assert.All(months[t].Level, level => Assert.Equal(Script[t], level));
        }
        Assert.Equal(batch.Ladder, batch.DrawLadder); // a single parameter draw
    }

    [Theory]
    [InlineData(Outcomes.Event.LevelGe3, 2)]
    [InlineData(Outcomes.Event.LevelGe4, 3)]
    [InlineData(Outcomes.Event.LevelGe5, 3)]
    [InlineData(Outcomes.Event.Level6, 3)]
    public void Run_ObservedLevels_FirstMonthOfEachLevelEventFollowsTheScript(Outcomes.Event ev, int month)
    {
        var (batch, _, _) = WithMoratorium.Value;

        for (var j = 0; j < Runs; j++) Assert.Equal(month, batch.FirstMonth[(int)ev * Runs + j]);
    }

    [Fact]
    public void Run_ObservedNuclearTest_CapabilityRisesAndProvocationIsRemembered()
    {
        var (_, months, _) = WithMoratorium.Value;

        for (var r = 0; r < Runs; r++)
        {
            Assert.True(months[3].Capability[r] > months[2].Capability[r]);
            Assert.True(months[2].Capability[r] >= 0.7);
            Assert.Equal(0.0, months[2].ProvocationMemory[r]);
            Assert.True(months[3].ProvocationMemory[r] >= 1.0);
            Assert.True(months[4].ProvocationMemory[r] < months[3].ProvocationMemory[r], "the memory decays");
            Assert.True(months[6].ProvocationMemory[r] > 1.0, "a second act adds to what is remembered");
            Assert.True(months[3].TrustPrincipal[r] < months[2].TrustPrincipal[r]);
            Assert.True(months[3].Attention[r] > months[2].Attention[r]);
        }
    }

    [Fact]
    public void Run_ObservedNuclearTest_EndsTheMoratorium()
    {
        var (_, months, _) = WithMoratorium.Value;

        var stillOn = 0;
        for (var r = 0; r < Runs; r++)
        {
            Assert.False(months[3].Moratorium[r]);
            if (!months[2].Moratorium[r]) continue;
            stillOn++;
            Assert.True(months[3].Events[r].HasFlag(MonthEvents.MoratoriumEnded));
        }
        Assert.True(stillOn > Runs / 2, $"the hazard alone ended the moratorium in {Runs - stillOn} of {Runs} runs within 3 months");
    }

    [Fact]
    public void Run_ObservedLevel6And5_CouncilActsAndSanctionsLayersRise()
    {
        var (batch, months, _) = WithMoratorium.Value;

        foreach (var t in new[] { 3, 6 })
        {
            for (var r = 0; r < Runs; r++)
            {
                var ev = months[t].Events[r];
                Assert.True(ev.HasFlag(MonthEvents.UnResolution) ^ ev.HasFlag(MonthEvents.Veto), ev.ToString());
                var before = months[t - 1].UnLayers[r] + months[t - 1].UniLayers[r];
                var after = months[t].UnLayers[r] + months[t].UniLayers[r];
                Assert.True(after >= before + 0.9, $"run {r} month {t}: layers {before} -> {after}");
            }
        }
        for (var j = 0; j < Runs; j++)
        {
            var resolution = batch.FirstMonth[(int)Outcomes.Event.UnResolution * Runs + j];
            var veto = batch.FirstMonth[(int)Outcomes.Event.Veto * Runs + j];
            Assert.True(resolution == 3 || veto == 3, "the council takes up the month-3 nuclear test");
        }
    }

    [Fact]
    public void Run_NoObservations_LevelsVaryAcrossRuns()
    {
        var spec = TestSpecs.Transition2021;
        var request = TestSpecs.Request(spec, runs: Runs, months: Script.Length, seed: 99, draws: 4, batchSize: Runs);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(request.PolicyId), request.Months);

        var batch = BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance);

        for (var t = 0; t < Script.Length; t++) Assert.True(batch.Ladder.Skip(t * Ladder.Levels).Take(Ladder.Levels).Max() < Runs);
    }

    [Fact]
    public void Run_ObservationsForPartOfTheHorizon_ForcedThenDrawn()
    {
        var spec = TestSpecs.Transition2021;
        var request = TestSpecs.Request(spec, runs: Runs, months: 6, seed: 99, batchSize: Runs);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(spec, spec.PolicyOf(request.PolicyId), request.Months);
        ObservedMonth?[] observed = [new ObservedMonth { Level = 6 }, null, new ObservedMonth { Level = 0 }];

        var batch = BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, observed: observed);

        Assert.Equal(Runs, batch.Ladder[0 * Ladder.Levels + 6]);
        Assert.True(batch.Ladder.Skip(1 * Ladder.Levels).Take(Ladder.Levels).Max() < Runs);
        Assert.Equal(Runs, batch.Ladder[2 * Ladder.Levels + 0]);
        Assert.True(batch.Ladder.Skip(3 * Ladder.Levels).Take(Ladder.Levels).Max() < Runs);
    }
}
