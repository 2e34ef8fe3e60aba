using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;

namespace Peninsula.App;

/// <summary>The headline outcomes every front end shows: (event, window in months).</summary>
public static class HeadlineOutcomes
{
    /// <summary>P(level ≥5), P(level 6), P(level ≥3) within 12 months; talks, summit, framework within 48.</summary>
    public static readonly IReadOnlyList<(Outcomes.Event Event, int Window)> Default =
    [
        (Outcomes.Event.LevelGe5, 12),
        (Outcomes.Event.Level6, 12),
        (Outcomes.Event.LevelGe3, 12),
        (Outcomes.Event.Talks, 48),
        (Outcomes.Event.Summit, 48),
        (Outcomes.Event.Framework, 48),
    ];

    /// <summary>The default headline restricted to windows within <paramref name="months"/> (a short fallback set when none fits).</summary>
    public static IReadOnlyList<(Outcomes.Event Event, int Window)> For(int months)
    {
        var headline = Default.Where(h => h.Window <= months).ToList();
        return headline.Count > 0 ? headline : [(Outcomes.Event.LevelGe5, months), (Outcomes.Event.Talks, months), (Outcomes.Event.Framework, months)];
    }
}

/// <summary>Several policy packages of one scenario on common random numbers, with paired differences against a reference.</summary>
/// <param name="Session">The scenario.</param>
/// <param name="Reference">The reference package id.</param>
/// <param name="Runs">One run per package, in the order asked.</param>
/// <param name="Differences">Each non-reference package minus the reference, for every headline outcome.</param>
/// <param name="Headline">The headline outcomes compared.</param>
public sealed record PackageComparison(
    ScenarioSession Session, string Reference, IReadOnlyList<(string RunId, RunResult Result, ForecastDocument Forecast)> Runs,
    IReadOnlyList<PairedDifference> Differences, IReadOnlyList<(Outcomes.Event Event, int Window)> Headline)
{
    /// <summary>The forecasts, in package order.</summary>
    public IReadOnlyList<ForecastDocument> Forecasts => [.. Runs.Select(r => r.Forecast)];

    /// <summary>The reference package's forecast.</summary>
    public ForecastDocument ReferenceForecast => Runs.First(r => r.Forecast.Policy == Reference).Forecast;

    /// <summary>Runs <paramref name="policies"/> (the reference among them) and takes the paired differences.</summary>
    public static PackageComparison Run(ScenarioSession session, IReadOnlyList<string> policies, string reference, SimulationOptions options,
        string kind, string commandLine, Func<string, IProgress<WorkProgress>?>? progressFor, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        if (!policies.Contains(reference)) throw new ArgumentException($"the reference package '{reference}' is not among the packages run", nameof(reference));
        var runs = Simulator.RunAll(session, policies, options, kind, commandLine, progressFor, cancellation);
        return Of(session, reference, runs);
    }

    /// <summary>The comparison of runs already made on common random numbers.</summary>
    public static PackageComparison Of(ScenarioSession session, string reference, IReadOnlyList<(string RunId, RunResult Result, ForecastDocument Forecast)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var headline = HeadlineOutcomes.For(runs[0].Result.Request.Months);
        var refRun = runs.First(r => r.Forecast.Policy == reference);
        var differences = new List<PairedDifference>();
        foreach (var run in runs)
        {
            if (ReferenceEquals(run.Result, refRun.Result)) continue;
            foreach (var (ev, w) in headline) differences.Add(Comparison.Paired(run.Result, refRun.Result, ev, w));
        }
        return new PackageComparison(session, reference, runs, differences, headline);
    }
}
