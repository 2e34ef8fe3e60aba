using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public partial class ForecastBuilderTests
{
    public static TheoryData<string> FixturePolicies()
    {
        var data = new TheoryData<string>();
        foreach (var id in TestSpecs.PolicyIds) data.Add(id);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixturePolicies))]
    public void Build_FullHorizonRunOfEachPolicy_ProbabilitiesAndIntervalsCoherent(string policy)
    {
        var request = TestSpecs.Request(policy: policy, runs: 2000, months: 48, seed: 2021, draws: 20, batchSize: 500);

        var doc = ForecastBuilder.Build(MonteCarloRunner.Run(request, new RunOptions(2)), TestSpecs.Provenance);

        Assert.Equal(40, doc.Outcomes.Length);
        foreach (var o in doc.Outcomes)
        {
            var what = $"{policy} {o.Id} within {o.WithinMonths}: p {o.P}, mc [{o.Ci95Mc.Lo}, {o.Ci95Mc.Hi}], param [{o.Ci90Param.Lo}, {o.Ci90Param.Hi}]";
            Assert.InRange(o.P, 0.0, 1.0);
            Assert.True(o.Ci95Mc.Lo <= o.P && o.P <= o.Ci95Mc.Hi, what);
            Assert.True(o.Ci90Param.Lo <= o.P && o.P <= o.Ci90Param.Hi, what);
        }
        foreach (var m in doc.Monthly)
        {
            Assert.Equal(1.0, m.Ladder.Sum(), 1e-9);
            for (var l = 0; l < m.Ladder.Length; l++) Assert.InRange(m.Ladder[l], 0.0, 1.0);
        }
    }
}
