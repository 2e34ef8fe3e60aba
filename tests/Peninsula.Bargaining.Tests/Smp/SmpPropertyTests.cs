using CsCheck;
using Peninsula.Bargaining.Smp;

namespace Peninsula.Bargaining.Tests.Smp;

/// <summary>Properties of the SMP on random issue spaces.</summary>
public sealed class SmpPropertyTests
{
    // Positions sometimes on a coarse grid, so that actors share positions (the 1e-3 merging is exercised).
    private static readonly Gen<double> PositionGen = Gen.OneOf(Gen.Double[0, 100], Gen.Int[0, 4].Select(i => i * 25.0));

    private static Gen<Stakeholder> ActorGen(int nd) =>
        from cap in Gen.OneOf(Gen.Double[0, 200], Gen.Double[1, 200])
        from pos in PositionGen.Array[nd]
        from sal in Gen.Double[0, 100.0 / nd].Array[nd]
        select new Stakeholder("a", "", cap, [.. pos], [.. sal]);

    private static readonly Gen<IssueSpace> SpaceGen =
        from na in Gen.Int[1, 7]
        from nd in Gen.Int[1, 3]
        from actors in ActorGen(nd).Array[na]
        select new IssueSpace("random", "", [.. Enumerable.Range(0, nd).Select(k => $"d{k}")], [.. actors]);

    [Fact]
    public void Positions_stay_on_the_scale_and_within_the_input_range()
    {
        SpaceGen.Sample(space =>
        {
            var run = new SmpModel().Simulate(space);
            Assert.InRange(run.Turns, 1, SmpOptions.Default.MaxTurns);
            for (var k = 0; k < space.DimensionCount; k++)
            {
                var lo = space.Stakeholders.Min(s => s.Positions[k]);
                var hi = space.Stakeholders.Max(s => s.Positions[k]);
                foreach (var state in run.States)
                {
                    foreach (var p in state.Positions)
                    {
                        Assert.InRange(p[k], 0.0, 100.0);

                        // Bargains interpolate between two positions and round to 0.01 on this scale.
                        Assert.InRange(p[k], lo - 0.005 - 1e-9, hi + 0.005 + 1e-9);
                    }
                }
            }

            foreach (var state in run.States)
            {
                Assert.Equal(1.0, state.UniquePositionProbabilities(null).Sum(), 1e-9);

                // R ∈ [−1/2, 1] up to cancellation in (p − p_min)/(p_max − p_min), which KTAB's formula shares
                // and which only matters when the risk-neutral probabilities are all but equal.
                var spread = state.RiskNeutralProbabilities.Max() - state.RiskNeutralProbabilities.Min();
                if (spread > 1e-6) Assert.All(state.RiskAttitudes, r => Assert.InRange(r, -0.5 - 1e-6, 1.0 + 1e-6));
                Assert.All(state.RiskAttitudes, r => Assert.True(double.IsFinite(r)));
            }
        }, iter: 150);
    }

    [Fact]
    public void Runs_are_deterministic()
    {
        SpaceGen.Sample(space =>
        {
            var a = new SmpModel().Run(space);
            var b = new SmpModel().Run(space);
            Assert.Equal(a.Turns, b.Turns);
            for (var t = 0; t <= a.Turns; t++)
            {
                for (var i = 0; i < space.ActorCount; i++) Assert.Equal(a.Trajectory[t][i].AsEnumerable(), b.Trajectory[t][i].AsEnumerable());
            }

            Assert.Equal(a.Forecast.AsEnumerable(), b.Forecast.AsEnumerable());
        }, iter: 50);
    }

    [Fact]
    public void A_unanimous_issue_space_stays_put()
    {
        var gen =
            from na in Gen.Int[1, 8]
            from nd in Gen.Int[1, 3]
            from pos in PositionGen.Array[nd]
            from caps in Gen.Double[0, 200].Array[na]
            from sal in Gen.Double[0, 100.0 / nd].Array[na * nd]
            select new IssueSpace(
                "unanimous",
                "",
                [.. Enumerable.Range(0, nd).Select(k => $"d{k}")],
                [.. Enumerable.Range(0, na).Select(i => new Stakeholder($"a{i}", "", caps[i], [.. pos], [.. sal.Skip(i * nd).Take(nd)]))]);
        gen.Sample(space =>
        {
            var run = new SmpModel().Simulate(space);
            var input = space.Stakeholders[0].Positions;
            Assert.Equal(2, run.Turns);
            Assert.True(run.Converged);
            foreach (var state in run.States)
            {
                Assert.Single(state.UniquePositionActors);
                foreach (var p in state.Positions)
                {
                    for (var k = 0; k < space.DimensionCount; k++) Assert.Equal(input[k], p[k], 1e-12);
                }
            }

            Assert.Empty(run.States[0].Bargaining!.Bargains);
            var forecast = run.ToResult().Forecast;
            for (var k = 0; k < space.DimensionCount; k++) Assert.Equal(input[k], forecast[k], 1e-12);
        }, iter: 100);
    }

    [Fact]
    public void Invalid_input_is_rejected()
    {
        var ok = new Stakeholder("a", "", 10, [50.0], [50.0]);
        Assert.Throws<ArgumentException>(() => new SmpModel().Run(new IssueSpace("x", "", ["d"], [])));
        Assert.Throws<ArgumentException>(() => new SmpModel().Run(new IssueSpace("x", "", ["d"], [ok, ok with { Capability = -1 }])));
        Assert.Throws<ArgumentException>(() => new SmpModel().Run(new IssueSpace("x", "", ["d"], [ok, ok with { Positions = [1.0, 2.0] }])));
        Assert.Throws<ArgumentException>(() => new SmpModel().Run(new IssueSpace("x", "", ["d"], [ok, ok with { Saliences = [double.NaN] }])));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SmpModel(new SmpOptions(MaxTurns: 0)));
        Assert.Equal("smp", new SmpModel().Id);
    }

    [Fact]
    public void The_turn_limit_is_respected()
    {
        var space = KtabReference.ReadCase("SOE-Policy");
        var run = new SmpModel(new SmpOptions(MaxTurns: 3)).Simulate(space);
        Assert.Equal(3, run.Turns);
        Assert.False(run.Converged);
        var full = KtabReference.Run("SOE-Policy");
        for (var t = 0; t <= 3; t++) Assert.Equal(full.States[t].Positions.SelectMany(p => p), run.States[t].Positions.SelectMany(p => p));
        Assert.Contains(run.ToResult().Notes, n => n.Contains("turn limit", StringComparison.Ordinal));
    }
}
