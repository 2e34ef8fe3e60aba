using Peninsula.Core;
using Peninsula.Estimation;

namespace Peninsula.Reporting.Tests;

public sealed class HistoryViewTests
{
    [Fact]
    public void Build_Calibration2020_WholeRecordWithFittedProbabilities()
    {
        TestData.UseRepository();
        var cal = Calibration.Read(Path.Combine(TestData.Root(), "calibrations", "2020-12.json"));
        var view = HistoryView.Build(cal.Cutoff, cal);
        Assert.Equal("1990-01", view.Months[0]);
        Assert.Equal("2020-12", view.Months[^1]);
        Assert.Equal(372, view.Levels.Length);
        Assert.Equal(372, view.Fitted.Length);
        Assert.All(view.Fitted, p => Assert.InRange(p, 0, 1));
        Assert.All(view.Levels, l => Assert.InRange(l, 0, Ladder.Top));
        // In sample, the model gives months that reached level 3 a higher probability on average than those that did not.
        var hit = view.Fitted.Where((_, t) => view.Levels[t] >= 3).Average();
        var miss = view.Fitted.Where((_, t) => view.Levels[t] < 3).Average();
        Assert.True(hit > miss, $"mean P(level>=3) {hit:0.000} in months at >=3 vs {miss:0.000} otherwise");
        Assert.Equal(["G.H.W. Bush", "Clinton", "G.W. Bush", "Obama", "Trump"], view.Administrations.Select(a => a.Name));
        Assert.Equal("2020-12", view.Administrations[^1].End);
        Assert.NotNull(Charts.HistoricalRecordChart.Create(view.Chart()).Svg);
    }

    [Fact]
    public void Build_Cut2008_NothingLaterShown()
    {
        TestData.UseRepository();
        var view = HistoryView.Build(Month.Of(2008, 12), null);
        Assert.Equal("2008-12", view.Months[^1]);
        Assert.All(view.Administrations, a => Assert.True(string.CompareOrdinal(a.End, "2008-12") <= 0));
        Assert.DoesNotContain(view.Administrations, a => a.Name == "Obama");
        Assert.Contains("priors", view.FittedSource, StringComparison.Ordinal);
    }
}
