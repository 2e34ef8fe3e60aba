using System.Collections.Immutable;
using Peninsula.App;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Estimation;

namespace Peninsula.Reporting;

/// <summary>How to get the same numbers again: the commands and the seed printed in the report's last section.</summary>
/// <param name="Command">The command that produced this page, as typed.</param>
/// <param name="SimulateCommand">A command that simulates the same results again, every setting spelled out (run from the repository root).</param>
/// <param name="Seed">The random seed.</param>
/// <param name="StoredCommand">For a page rebuilt from the database: the command that ran the stored simulation; else null.</param>
/// <param name="Database">The database the runs are stored in, or null when they were not stored.</param>
/// <param name="RebuildCommand">A command that rebuilds this page from the database without simulating, or null.</param>
/// <param name="Verification">For a page rebuilt from the database: what was checked against the stored forecasts; else null.</param>
public sealed record Reproduction(
    string Command, string SimulateCommand, ulong Seed, string? StoredCommand = null, string? Database = null, string? RebuildCommand = null,
    string? Verification = null);

/// <summary>What a report is made from: the forecasts of every package and where they came from.</summary>
/// <param name="Session">The scenario, with the calibration applied (or its priors).</param>
/// <param name="Priors">The scenario's parameters before any calibration.</param>
/// <param name="Forecasts">One forecast per package, in the scenario's order (as read back from forecast JSON).</param>
/// <param name="Differences">Paired differences of the headline outcomes against <paramref name="Reference"/>.</param>
/// <param name="Reference">The reference package.</param>
/// <param name="RunIds">Each package's run id.</param>
/// <param name="Source">One line: simulated by this command, or rebuilt from stored runs.</param>
/// <param name="Reproduce">Commands and seed.</param>
/// <param name="ScenarioFolder">Folder the scenario's relative paths (the issue space) resolve against.</param>
public sealed record ReportInputs(
    ScenarioSession Session, ParameterSet Priors, IReadOnlyList<ForecastDocument> Forecasts, IReadOnlyList<PairedDifference> Differences,
    string Reference, IReadOnlyList<(string Policy, string RunId)> RunIds, string Source, Reproduction Reproduce, string ScenarioFolder)
{
    /// <summary>Why there are no paired differences (when there are none), shown instead of them.</summary>
    public string? DifferencesNote { get; init; }
}

/// <summary>
/// Everything the report page shows, gathered once: the forecasts, the back-test track record of the calibration's
/// model form, the historical record up to the calibration cutoff (or the scenario start) and the bargaining behind the
/// agreement zone. Nothing dated after the scenario's start is added except the forecast itself: a back-test that
/// scored later months and any record after the cut are left out, with a line saying so.
/// </summary>
public sealed class ForecastReport
{
    private ForecastReport(ReportInputs inputs)
    {
        Inputs = inputs;
    }

    /// <summary>What the report is made from.</summary>
    public ReportInputs Inputs { get; }

    /// <summary>The scenario.</summary>
    public ScenarioSession Session => Inputs.Session;

    /// <summary>The forecasts, in package order.</summary>
    public ImmutableArray<ForecastDocument> Forecasts => [.. Inputs.Forecasts];

    /// <summary>The headline outcomes shown (those whose window fits the horizon).</summary>
    public IReadOnlyList<(Outcomes.Event Event, int Window)> Headline => HeadlineOutcomes.For(Inputs.Forecasts[0].Months);

    /// <summary>
    /// P(first <paramref name="ev"/> within <paramref name="window"/> months) of <paramref name="forecast"/>: its outcome when the
    /// forecast lists that window, else read off the cumulative curve at that month (the same probability; the Monte Carlo
    /// interval is then the Wilson interval of the rounded count, the parameter interval the curve's 90% band). Null when the
    /// window exceeds the horizon.
    /// </summary>
    public static OutcomeForecast? Outcome(ForecastDocument forecast, Outcomes.Event ev, int window)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var id = Outcomes.Ids[(int)ev];
        if (forecast.Outcomes.FirstOrDefault(o => o.Id == id && o.WithinMonths == window) is { } listed) return listed;
        var curve = forecast.Cumulative.FirstOrDefault(c => c.Id == id);
        if (curve is null || window < 1 || window > curve.ByMonth.Length) return null;
        var b = curve.ByMonth[window - 1];
        var count = (long)Math.Round(b.P * forecast.Runs);
        return new OutcomeForecast(id, window, b.P, Engine.Runner.Intervals.Wilson(count, forecast.Runs), b.Band90);
    }

    /// <summary>The forecasts with every headline outcome listed (see <see cref="Outcome"/>), for tables and charts.</summary>
    public ImmutableArray<ForecastDocument> WithHeadlineOutcomes() =>
    [
        .. Forecasts.Select(f =>
        {
            var missing = Headline.Where(h => !f.Outcomes.Any(o => o.Id == Outcomes.Ids[(int)h.Event] && o.WithinMonths == h.Window))
                .Select(h => Outcome(f, h.Event, h.Window)).OfType<OutcomeForecast>().ToList();
            return missing.Count == 0 ? f : f with { Outcomes = f.Outcomes.AddRange(missing) };
        }),
    ];

    /// <summary>The back-test of the calibration's model form, or null (see <see cref="BacktestNote"/>).</summary>
    public BacktestSummary? Backtest { get; private init; }

    /// <summary>Why the back-test is or is not shown, one or two sentences.</summary>
    public string BacktestNote { get; private init; } = "";

    /// <summary>The historical record up to the cut, or null (see <see cref="HistoryNote"/>).</summary>
    public HistoryView? History { get; private init; }

    /// <summary>What the historical chart shows or why it is missing.</summary>
    public string HistoryNote { get; private init; } = "";

    /// <summary>The bargaining behind the agreement zone, or null (see <see cref="BargainingNote"/>).</summary>
    public BargainingView? Bargaining { get; private init; }

    /// <summary>Why there is no bargaining section content, or null.</summary>
    public string? BargainingNote { get; private init; }

    /// <summary>The scenario's first month.</summary>
    public Month Start => Session.Spec.Start;

    /// <summary>Gathers the report: reads the shipped back-test, replays the record and runs the bargaining model.</summary>
    /// <param name="inputs">The forecasts and their provenance.</param>
    /// <param name="repositoryRoot">Where docs/ and data/ are (default: <see cref="RepositoryPaths.Root"/>).</param>
    public static ForecastReport Build(ReportInputs inputs, string? repositoryRoot = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Forecasts.Count == 0) throw new ArgumentException("a report needs at least one forecast", nameof(inputs));
        var root = repositoryRoot ?? RepositoryPaths.Root();
        var session = inputs.Session;
        var (backtest, backtestNote) = FindBacktest(session.Spec.Start, session.Calibration, root);
        var (history, historyNote) = BuildHistory(session, Path.Combine(root, "data"));
        var bargaining = BargainingView.Build(session.Spec.Zone, inputs.ScenarioFolder, out var bargainingNote);
        return new ForecastReport(inputs)
        {
            Backtest = backtest,
            BacktestNote = backtestNote,
            History = history,
            HistoryNote = historyNote,
            Bargaining = bargaining,
            BargainingNote = bargainingNote,
        };
    }

    /// <summary>
    /// The shipped back-test of <paramref name="cal"/>'s model form when it scored nothing at or after <paramref name="start"/>,
    /// else null; with a sentence saying which and why.
    /// </summary>
    internal static (BacktestSummary? Summary, string Note) FindBacktest(Month start, Calibration? cal, string root)
    {
        if (cal is null)
        {
            return (null, "The parameters are the scenario's documented priors, not a fit, so they have no back-test track record "
                + $"(the shipped back-tests in docs/ score the fitted model forms). A calibration fitted on the record before the start "
                + $"(`peninsula fit --until {start.Plus(-1)} --out cal.json`, then `--calibration cal.json`) would use a form that has one.");
        }
        var file = Path.Combine(root, "docs", $"backtest-{cal.Form}.json");
        var shown = $"docs/backtest-{cal.Form}.json";
        if (!File.Exists(file))
        {
            return (null, $"No back-test of the {cal.Form} form is in the repository ({shown} is missing); "
                + $"`peninsula backtest --form {cal.Form} --out {shown}` would score it.");
        }
        BacktestSummary summary;
        try
        {
            summary = BacktestSummary.Read(file);
        }
        catch (ForecastJsonException e)
        {
            return (null, $"The back-test could not be read: {e.Message}");
        }
        if (summary.LastScored is { } last && last >= start)
        {
            return (null, $"{shown} scores months up to {last}, after this scenario's start {start}; it is left out so that "
                + "the report adds nothing dated after the start (no hindsight).");
        }
        if (summary.Form != cal.Form)
            return (null, $"{shown} scores the {summary.Form} form, not the calibration's {cal.Form}; it is left out.");
        var data = summary.DataSha256 == cal.DataSha256 ? "the same data as the calibration" : "data that differ from the calibration's (data sha256 differs)";
        return (summary, $"From {shown}: the {cal.Form} form with the same configuration fitted at each origin ({summary.OriginList}) on "
            + $"the record up to it, forecasting the next {summary.Horizon} months ({summary.Runs} runs × {summary.ParameterDraws} parameter draws, "
            + $"seed {summary.Seed}) and scored on {data}, up to {summary.LastScored}.");
    }

    private static (HistoryView?, string) BuildHistory(ScenarioSession session, string dataFolder)
    {
        var start = session.Spec.Start;
        var until = session.Calibration is { } cal && cal.Cutoff < start ? cal.Cutoff : start.Plus(-1);
        try
        {
            var principal = session.Spec.Roles.Principal;
            var view = HistoryView.Build(until, session.Calibration, principal, dataFolder);
            var fitted = session.Calibration is null
                ? "the scenario's documented priors (nothing fitted)"
                : $"the calibration's coefficients ({session.Calibration.Form}, cutoff {session.Calibration.Cutoff}); these months are in the fit's sample";
            return (view, $"The record {view.Months[0]}–{view.Until} (ends at {(session.Calibration is null ? "the month before the scenario starts" : "the calibration's cutoff")}; "
                + $"nothing later is read). Below it, the model's P(level ≥3) each month replaying the record with the observed actions forced, under {fitted}.");
        }
        catch (Exception e) when (e is UserErrorException or global::Peninsula.History.HistoricalDataException or InvalidOperationException or ArgumentException)
        {
            return (null, $"The historical record up to {until} is not available: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
