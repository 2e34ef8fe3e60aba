using Peninsula.Core;
using Peninsula.Estimation;

namespace Peninsula.Reporting.Tests;

/// <summary>Nothing dated after the scenario's start enters a report except the forecast.</summary>
public sealed class ForecastReportTests
{
    private static Calibration Shipped() => Calibration.Read(Path.Combine(TestData.Root(), "calibrations", "2020-12.json"));

    [Fact]
    public void FindBacktest_ScoredBeforeTheStart_Included()
    {
        var (summary, note) = ForecastReport.FindBacktest(Month.Of(2021, 1), Shipped(), TestData.Root());
        Assert.NotNull(summary);
        Assert.Contains("docs/backtest-ordered-cr.json", note, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBacktest_ScoredAfterTheStart_LeftOutWithTheReason()
    {
        // A calibration cut at 2016-12 for a scenario starting 2019-01: the shipped back-test scored months to 2020-12.
        var cal = Shipped() with { Cutoff = Month.Of(2016, 12) };
        var (summary, note) = ForecastReport.FindBacktest(Month.Of(2019, 1), cal, TestData.Root());
        Assert.Null(summary);
        Assert.Contains("2020-12", note, StringComparison.Ordinal);
        Assert.Contains("no hindsight", note, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBacktest_Priors_NoTrackRecordSaysWhy()
    {
        var (summary, note) = ForecastReport.FindBacktest(Month.Of(2021, 1), null, TestData.Root());
        Assert.Null(summary);
        Assert.Contains("priors", note, StringComparison.Ordinal);
    }

    [Fact]
    public void FindBacktest_MissingFile_SaysHowToMakeIt()
    {
        var root = TestData.TempPath();
        var (summary, note) = ForecastReport.FindBacktest(Month.Of(2021, 1), Shipped(), root);
        Assert.Null(summary);
        Assert.Contains("peninsula backtest", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_WindowNotListed_ReadOffTheCumulativeCurveWithTheSameNumbers()
    {
        var f = TestData.Forecast;
        var listed = ForecastReport.Outcome(f, Outcomes.Event.LevelGe3, 12)!;
        var without = f with { Outcomes = [.. f.Outcomes.Where(o => o.WithinMonths != 12)] };
        var derived = ForecastReport.Outcome(without, Outcomes.Event.LevelGe3, 12)!;
        Assert.Equal(listed.P, derived.P, 9);
        Assert.Equal(listed.Ci95Mc.Lo, derived.Ci95Mc.Lo, 9);
        Assert.Equal(listed.Ci95Mc.Hi, derived.Ci95Mc.Hi, 9);
        Assert.Equal(listed.Ci90Param.Lo, derived.Ci90Param.Lo, 6);
        Assert.Equal(listed.Ci90Param.Hi, derived.Ci90Param.Hi, 6);
        Assert.NotNull(ForecastReport.Outcome(f, Outcomes.Event.Talks, 7));
        Assert.Null(ForecastReport.Outcome(f, Outcomes.Event.Talks, f.Months + 1));
    }

    [Fact]
    public void Build_Scenario2009UnderPriors_RecordEndsBeforeTheStartNoBacktest()
    {
        TestData.UseRepository();
        var session = ScenarioSession.Open(TestData.Scenario("transition-2009.yaml"), "test", null);
        Assert.Null(session.Calibration);
        var policy = session.PolicyOrDefault(null);
        var run = Simulator.RunAll(session, [policy], new SimulationOptions(Runs: 60, Months: 6, Draws: 3, NoDb: true), "test", "test", null, CancellationToken.None)[0];
        var inputs = new ReportInputs(session, session.Spec.Parameters, [run.Forecast], [], policy, [(policy, run.RunId)], "test",
            new Reproduction("peninsula report", "./peninsula report", 1), Path.GetDirectoryName(session.Path)!);
        var report = ForecastReport.Build(inputs, TestData.Root());
        Assert.Null(report.Backtest);
        Assert.Contains("priors", report.BacktestNote, StringComparison.Ordinal);
        Assert.NotNull(report.History);
        Assert.Equal(Month.Of(2008, 12), report.History.Until);
        Assert.DoesNotContain(report.History.Administrations, a => string.CompareOrdinal(a.End, "2008-12") > 0);
        var page = ReportHtml.Render(report, ReportCharts.Build(report));
        Assert.Contains("The record 1990-01–2008-12", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-backtest", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RealComparison_HistoryEndsAtTheCutoffAndBacktestIncluded()
    {
        var c = TestData.Comparison;
        var priors = ScenarioSession.Open(c.Session.Path, "test").Spec.Parameters;
        var inputs = new ReportInputs(c.Session, priors, c.Forecasts, c.Differences, c.Reference, [.. c.Runs.Select(r => (r.Forecast.Policy, r.RunId))],
            "test", new Reproduction("peninsula report", "./peninsula report", 7), Path.GetDirectoryName(c.Session.Path)!);
        var report = ForecastReport.Build(inputs, TestData.Root());
        Assert.NotNull(report.Backtest);
        Assert.NotNull(report.History);
        Assert.Equal(Month.Of(2020, 12), report.History.Until);
        Assert.Equal("2020-12", report.History.Months[^1]);
        Assert.NotNull(report.Bargaining);
        var charts = ReportCharts.Build(report);
        Assert.Equal(charts.Length, charts.Select(x => x.Id).Distinct().Count());
        Assert.Contains(charts, x => x.Id == "history");
        Assert.Contains(charts, x => x.Id == "backtest-reliability");
        Assert.Equal(c.Forecasts.Count, charts.Count(x => x.Id.StartsWith("fan-", StringComparison.Ordinal)));
    }
}
