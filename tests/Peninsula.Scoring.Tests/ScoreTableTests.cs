namespace Peninsula.Scoring.Tests;

public class ScoreTableTests
{
    private static BinaryForecastGroup Group(int n, int seed, int casesPerMonth = 1)
    {
        var rng = new Random(seed);
        var times = new int[n];
        var outcomes = new bool[n];
        var model = new double[n];
        var climate = new double[n];
        var noisy = new double[n];
        for (var i = 0; i < n; i++)
        {
            times[i] = 100 + i / casesPerMonth;
            var risk = 0.3 + 0.25 * Math.Sin(i / 9.0);
            outcomes[i] = rng.NextDouble() < risk;
            model[i] = Math.Clamp(risk + 0.1 * (rng.NextDouble() - 0.5), 0, 1);
            climate[i] = 0.3;
            noisy[i] = rng.NextDouble();
        }
        return new BinaryForecastGroup("≥3", "1-6", times, outcomes, model,
            [new NamedProbabilities(BaselineIds.LongRun, climate), new NamedProbabilities("noise", noisy)]);
    }

    private static readonly ScoreTableOptions Fast = new() { Bootstrap = new BootstrapOptions { Replicates = 500 } };

    [Fact]
    public void Binary_ScoresMatchTheScoreFunctions()
    {
        var g = Group(120, 1);
        var row = ScoreTable.Binary(g, Fast);
        Assert.Equal(("≥3", "1-6", 120, 120), (row.Target, row.LeadBucket, row.Cases, row.TimeSteps));
        Assert.Equal(g.Outcomes.Count(o => o), row.Events);
        Assert.Equal("model", row.Model.Id);
        Assert.Equal(Scores.Brier(g.Model, g.Outcomes), row.Model.Brier, 14);
        Assert.Equal(Scores.Log(g.Model, g.Outcomes), row.Model.LogScore, 14);
        Assert.Equal(row.Model.Brier, row.Model.Decomposition.BrierScore, 14);
        Assert.Equal([BaselineIds.LongRun, "noise"], row.References.Select(r => r.Id).ToArray());
        Assert.Equal(Scores.Brier(g.References[1].Probabilities, g.Outcomes), row.References[1].Brier, 14);

        for (var i = 0; i < 2; i++)
        {
            var s = row.Skill[i];
            Assert.Equal(row.References[i].Id, s.ReferenceId);
            Assert.Equal(Scores.Skill(row.Model.Brier, row.References[i].Brier), s.BrierSkill.Point, 12);
            Assert.Equal(Scores.Skill(row.Model.LogScore, row.References[i].LogScore), s.LogSkill.Point, 12);
            Assert.InRange(s.BrierSkill.Point, s.BrierSkill.Lower, s.BrierSkill.Upper);
            Assert.InRange(s.LogSkill.Point, s.LogSkill.Lower, s.LogSkill.Upper);
            Assert.Equal(500, s.BrierSkill.Replicates);
        }
        Assert.True(row.Skill[1].BrierSkill.Lower > 0, "the model beats pure noise");
    }

    [Fact]
    public void Binary_SameInputs_IdenticalRows()
    {
        var g = Group(80, 2);
        var a = ScoreTable.Binary(g, Fast);
        var b = ScoreTable.Binary(g, Fast);
        Assert.Equal(a.Skill, b.Skill);
        Assert.Equal(a.Model.Brier, b.Model.Brier);
    }

    [Fact]
    public void Binary_ReferenceEqualToModel_ZeroSkillWithDegenerateInterval()
    {
        var g = Group(60, 3);
        g = g with { References = [new NamedProbabilities("same", (double[])g.Model.Clone())] };
        var s = ScoreTable.Binary(g, Fast).Skill[0];
        Assert.Equal((0.0, 0.0, 0.0), (s.BrierSkill.Point, s.BrierSkill.Lower, s.BrierSkill.Upper));
        Assert.Equal((0.0, 0.0, 0.0), (s.LogSkill.Point, s.LogSkill.Lower, s.LogSkill.Upper));
    }

    [Fact]
    public void Binary_SeveralCasesPerMonth_ResamplesMonths()
    {
        var row = ScoreTable.Binary(Group(90, 4, casesPerMonth: 3), Fast);
        Assert.Equal(90, row.Cases);
        Assert.Equal(30, row.TimeSteps);
        Assert.Equal(12, row.Skill[0].BrierSkill.BlockLength);
    }

    [Fact]
    public void Binary_ManyGroups_OneRowEach()
    {
        var rows = ScoreTable.Binary([Group(40, 5), Group(40, 6) with { Target = "6", LeadBucket = "25-48" }], Fast);
        Assert.Equal(["≥3", "6"], rows.Select(r => r.Target).ToArray());
        Assert.Equal("25-48", rows[1].LeadBucket);
    }

    [Fact]
    public void Binary_InconsistentInputs_Throw()
    {
        var g = Group(20, 7);
        Assert.Throws<ArgumentException>(() => ScoreTable.Binary(g with { Model = new double[19] }, Fast));
        Assert.Throws<ArgumentException>(() => ScoreTable.Binary(g with { References = [new NamedProbabilities("x", new double[3])] }, Fast));
        Assert.Throws<ArgumentException>(() => ScoreTable.Binary(g with { References = [g.References[0], g.References[0]] }, Fast));
        Assert.Throws<ArgumentException>(() => ScoreTable.Binary(g with { References = [new NamedProbabilities("model", g.Model)] }, Fast));
    }

    [Fact]
    public void Rps_MatchesTheScoreFunctionAndReportsSkill()
    {
        const int n = 72, k = 7;
        var rng = new Random(8);
        var labels = new int[n];
        var times = new int[n];
        var model = new double[n][];
        var uniform = new double[n][];
        for (var i = 0; i < n; i++)
        {
            times[i] = i;
            labels[i] = rng.Next(3) + (i % 12 < 6 ? 0 : 3);
            model[i] = new double[k];
            for (var j = 0; j < k; j++) model[i][j] = Math.Abs(j - labels[i]) <= 1 ? 1.0 : 0.05;
            var total = model[i].Sum();
            for (var j = 0; j < k; j++) model[i][j] /= total;
            uniform[i] = Enumerable.Repeat(1.0 / k, k).ToArray();
        }
        var group = new OrdinalForecastGroup("7-12", times, labels, model, [new NamedDistributions("uniform", uniform)]);
        var row = ScoreTable.Rps(group, Fast);
        Assert.Equal(Scores.RankedProbability(model, labels), row.ModelRps, 14);
        Assert.Equal(Scores.RankedProbability(uniform, labels), row.References[0].Value, 14);
        var skill = row.Skill[0].Skill;
        Assert.Equal(Scores.Skill(row.ModelRps, row.References[0].Value), skill.Point, 12);
        Assert.InRange(skill.Point, skill.Lower, skill.Upper);
        Assert.True(skill.Lower > 0);
        Assert.Single(ScoreTable.Rps([group], Fast));
    }

    [Fact]
    public void LeadBuckets_DefaultCoverOneToFortyEightMonths()
    {
        for (var lead = 1; lead <= 48; lead++)
            Assert.Single(LeadBucket.Default, b => b.Contains(lead));
        Assert.DoesNotContain(LeadBucket.Default, b => b.Contains(49));
    }
}
