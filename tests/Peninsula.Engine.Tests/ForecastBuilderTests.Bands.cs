using Peninsula.Core;
using Peninsula.Engine.Output;

namespace Peninsula.Engine.Tests;

public partial class ForecastBuilderTests
{
    [Fact]
    public void Exceedance_IsTheUpperTailOfTheLadder_WithNestedBandsAroundIt()
    {
        var doc = Small.Value.Doc;
        foreach (var m in doc.Monthly)
        {
            Assert.Equal(Ladder.Levels - 1, m.Exceedance.Length);
            for (var k = 1; k < Ladder.Levels; k++)
            {
                var b = m.Exceedance[k - 1];
                Assert.Equal(m.Ladder.Skip(k).Sum(), b.P, 1e-12);
                Assert.InRange(b.P, b.Band50.Lo, b.Band50.Hi);
                Assert.True(b.Band90.Lo <= b.Band50.Lo + 1e-15 && b.Band50.Hi <= b.Band90.Hi + 1e-15, $"{m.Month} ≥{k}: 50% band inside 90%");
                if (k > 1) Assert.True(b.P <= m.Exceedance[k - 2].P + 1e-15, "P(≥k) decreases in k");
            }
        }
        // Parameter draws differ, so some band has width (a builder that copied P into the bands would fail).
        Assert.Contains(doc.Monthly, m => m.Exceedance[2].Band90.Hi - m.Exceedance[2].Band90.Lo > 0);
    }

    [Fact]
    public void Cumulative_EndsOfWindowsEqualTheOutcomeProbabilities_AndNeverDecrease()
    {
        var doc = Small.Value.Doc;
        Assert.Equal(Outcomes.Ids, doc.Cumulative.Select(c => c.Id).ToArray());
        foreach (var curve in doc.Cumulative)
        {
            Assert.Equal(doc.Months, curve.ByMonth.Length);
            for (var t = 1; t < curve.ByMonth.Length; t++) Assert.True(curve.ByMonth[t].P >= curve.ByMonth[t - 1].P, curve.Id);
            foreach (var o in doc.Outcomes.Where(o => o.Id == curve.Id))
            {
                Assert.Equal(o.P, curve.ByMonth[o.WithinMonths - 1].P, 1e-12);
                Assert.Equal(o.Ci90Param.Lo, curve.ByMonth[o.WithinMonths - 1].Band90.Lo, 1e-12);
                Assert.Equal(o.Ci90Param.Hi, curve.ByMonth[o.WithinMonths - 1].Band90.Hi, 1e-12);
            }
        }
    }
}
