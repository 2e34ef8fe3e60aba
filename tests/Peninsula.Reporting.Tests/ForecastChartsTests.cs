using Peninsula.Charts;
using Peninsula.Engine.Output;

namespace Peninsula.Reporting.Tests;

/// <summary>The adapters turn a small real forecast into chart data the chart builders accept (they validate every field).</summary>
public sealed class ForecastChartsTests
{
    private static IReadOnlyList<ForecastDocument> Forecasts => TestData.Comparison.Forecasts;

    [Fact]
    public void Fan_RealForecast_ThreeFansOneQuantilePerMonthAndOrderedBands()
    {
        var data = ForecastCharts.Fan(TestData.Forecast, "Package");
        Assert.Equal(3, data.Series.Length);
        Assert.Equal(TestData.Forecast.Months, data.Months.Length);
        foreach (var s in data.Series)
        {
            Assert.Equal(data.Months.Length, s.Points.Length);
            Assert.All(s.Points, q => Assert.True(q.Q05 <= q.Q25 && q.Q25 <= q.Median && q.Median <= q.Q75 && q.Q75 <= q.Q95));
        }
        // P(level >= 3) is at least P(level >= 5) every month.
        Assert.All(Enumerable.Range(0, data.Months.Length), t => Assert.True(data.Series[0].Points[t].Median >= data.Series[2].Points[t].Median));
        Assert.NotNull(FanChart.Create(data).Svg);
    }

    [Fact]
    public void Cumulative_RealForecasts_OneNonDecreasingLinePerPackage()
    {
        var data = ForecastCharts.Cumulative(Forecasts, "level>=5");
        Assert.Equal(Forecasts.Count, data.Series.Length);
        foreach (var s in data.Series)
        {
            for (var t = 1; t < s.Values.Length; t++) Assert.True(s.Values[t] >= s.Values[t - 1] - 1e-12);
        }
        Assert.NotNull(CumulativeProbabilityChart.Create(data).Png);
    }

    [Fact]
    public void Headlines_RealForecasts_EveryPackageForEveryHeadlineWithinTheHorizon()
    {
        var headline = HeadlineOutcomes.For(24).Select(h => (Core.Outcomes.Ids[(int)h.Event], h.Window)).ToList();
        var data = ForecastCharts.Headlines(Forecasts, headline: headline);
        Assert.Equal(headline.Count * Forecasts.Count, data.Probabilities.Length);
        Assert.All(data.Probabilities, p => Assert.InRange(p.Probability, p.Lower!.Value - 1e-9, p.Upper!.Value + 1e-9));
        Assert.NotNull(HeadlineProbabilityChart.Create(data).Svg);
    }

    [Fact]
    public void Differences_RealComparison_OneRowPerPackageAndOutcomeWithBothIntervals()
    {
        var c = TestData.Comparison;
        var headline = c.Headline.Select(h => (Core.Outcomes.Ids[(int)h.Event], h.Window)).ToList();
        var data = ForecastCharts.Differences(c.Differences, c.ReferenceForecast, headline: headline);
        Assert.Equal((c.Forecasts.Count - 1) * headline.Count, data.Differences.Length);
        Assert.All(data.Differences, d => Assert.InRange(d.Estimate, d.McLower - 1e-12, d.McUpper + 1e-12));
        Assert.NotNull(PolicyComparisonChart.Create(data).Svg);
    }

    [Fact]
    public void Phases_RealForecast_SharesSumToOne()
    {
        var data = ForecastCharts.Phases(TestData.Forecast);
        Assert.All(data.Shares, m => Assert.Equal(1.0, m.Sum(), 3));
        Assert.NotNull(PhaseChart.Create(data).Svg);
    }

    [Fact]
    public void Paths_SeveralPackages_OneLinePerPackageBandOnlyWhereAsked()
    {
        var reference = TestData.Comparison.Reference;
        var data = ForecastCharts.Paths(Forecasts, banded: id => id == reference);
        Assert.Equal(2, data.Quantities.Length);
        foreach (var q in data.Quantities)
        {
            Assert.Equal(Forecasts.Count, q.Series.Length);
            Assert.Single(q.Series, s => s.HasBand);
            Assert.All(q.Series.Where(s => s.HasBand), s => Assert.All(Enumerable.Range(0, s.Values.Length), t => Assert.True(s.Lower[t] <= s.Values[t] && s.Values[t] <= s.Upper[t])));
        }
        Assert.NotNull(PathChart.Create(data).Svg);
        Assert.NotNull(PathChart.Create(ForecastCharts.Paths(TestData.Forecast)).Svg);
    }

    [Fact]
    public void Bargaining_ScenarioIssueSpace_OneChartPerDimensionEveryActor()
    {
        var session = TestData.Comparison.Session;
        var view = BargainingView.Build(session.Spec.Zone, Path.GetDirectoryName(session.Path)!, out var reason);
        Assert.Null(reason);
        Assert.NotNull(view);
        Assert.True(view.Trajectories.Turns > 0);
        var charts = ForecastCharts.Bargaining(view.Space, view.Trajectories);
        Assert.Equal(view.Space.DimensionCount, charts.Length);
        Assert.All(charts, c => Assert.Equal(view.Space.ActorCount, c.Actors.Length));
        Assert.NotNull(BargainingChart.Create(charts[0]).Svg);
    }

    [Fact]
    public void Bargaining_NoZone_ReasonInsteadOfView()
    {
        Assert.Null(BargainingView.Build(null, TestData.Root(), out var reason));
        Assert.Contains("agreement_zone", reason, StringComparison.Ordinal);
    }
}
