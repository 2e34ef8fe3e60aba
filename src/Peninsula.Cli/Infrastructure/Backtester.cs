using System.Collections.Immutable;
using Peninsula.Cli.Commands;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Estimation;
using Peninsula.History;
using Peninsula.Scoring;

namespace Peninsula.Cli.Infrastructure;

/// <summary>What one origin of a back-test produced.</summary>
/// <param name="Origin">Last month of data the fit saw.</param>
/// <param name="Scenario">Scenario forecast from the next month.</param>
/// <param name="Policy">Package declared at the origin.</param>
/// <param name="Months">Months forecast and scored.</param>
/// <param name="Calibration">The fit at the origin.</param>
/// <param name="Forecast">The forecast.</param>
/// <param name="Observed">Observed levels of the forecast months.</param>
/// <param name="Windows">P(event within h) of the model and baselines beside what happened.</param>
/// <param name="Predictive">Posterior-predictive level frequencies by era (simulated 1990 to the origin).</param>
public sealed record OriginResult(
    Month Origin,
    string Scenario,
    string Policy,
    int Months,
    Calibration Calibration,
    ForecastDocument Forecast,
    int[] Observed,
    IReadOnlyList<WindowCheck> Windows,
    IReadOnlyList<EraCheck> Predictive);

/// <summary>P(first level ≥ k within h months) from the model and each baseline, beside the outcome.</summary>
public sealed record WindowCheck(int Level, int WithinMonths, double Model, IReadOnlyDictionary<string, double> Baselines, bool Happened);

/// <summary>Observed frequency of each level in an era beside the simulated mean and 90% interval.</summary>
public sealed record EraCheck(string Era, int Months, double[] Observed, double[] SimulatedMean, double[] SimulatedLo, double[] SimulatedHi);

/// <summary>The back-test report.</summary>
public sealed record BacktestReport(
    string Form,
    int Horizon,
    int Runs,
    int ParameterDraws,
    ulong Seed,
    string DataSha256,
    IReadOnlyList<OriginResult> Origins,
    IReadOnlyList<BinaryScoreRow> Binary,
    IReadOnlyList<RpsRow> Rps);

/// <summary>
/// Rolling-origin back-tests (DESIGN section 6): at each origin fit on data up to it, forecast from the reconstructed
/// state with the scenario and package declared at the origin, and score the monthly ladder against what happened,
/// beside baselines fixed at the origin.
/// </summary>
public static class Backtester
{
    /// <summary>Binary targets scored: (name, level k of P(level ≥ k)).</summary>
    public static readonly IReadOnlyList<(string Name, int Level)> Targets = [("≥3", 3), ("≥4", 4), ("≥5", 5), ("6", 6)];

    /// <summary>Windows of the within-h checks.</summary>
    public static readonly IReadOnlyList<int> Windows = [12, 24, 48];

    /// <summary>The month from which the "since 2010" baseline counts (before 2011 origins: the last 120 months).</summary>
    public static readonly Month RecentFrom = Month.Of(2010, 1);

    /// <summary>Runs the back-test.</summary>
    public static BacktestReport Run(
        IReadOnlyList<Month> origins, int horizon, FitOptions fitOptions, int runs, int draws, ulong seed, int threads,
        IProgress<string>? progress, CancellationToken cancellation)
    {
        var truth = HistoricalData.Load(RepositoryPaths.DataFolder());
        var labels = truth.MonthlySeries.Select(LadderLabel.Of).ToArray();
        var first = truth.FirstMonth;
        var results = new List<OriginResult>();
        foreach (var origin in origins)
        {
            cancellation.ThrowIfCancellationRequested();
            progress?.Report($"{origin}: fitting");
            var (fit, calibration) = Fitting.Fit(origin, fitOptions);
            var from = origin.Plus(1);
            var months = Math.Min(horizon, truth.LastMonth.MonthsSince(origin));
            if (months < 1) throw new UserErrorException($"origin {origin}: the record ends at {truth.LastMonth}; nothing to score");
            var session = Forecasting.Prepare(from, calibration, $"backtest fit at {origin}", null);
            var policy = session.PolicyOrDefault(null);
            progress?.Report($"{origin}: forecasting {session.Spec.Name} ({policy})");
            var request = new SimulationRequest(session.Spec, policy, runs, months, seed, Math.Min(draws, runs));
            if (request.Validate() is { } error) throw new UserErrorException(error);
            var result = MonteCarloRunner.Run(request, new RunOptions(threads, null, null, cancellation), session.Zone);
            var forecast = ForecastBuilder.Build(result, session.Provenance);
            var o0 = origin.MonthsSince(first);
            var observed = labels.Skip(o0 + 1).Take(months).ToArray();
            var baselines = BaselinesAt(truth, labels, origin);
            var windows = new List<WindowCheck>();
            foreach (var (_, k) in Targets.Skip(2))
            {
                foreach (var h in Windows.Where(h => h <= months))
                {
                    var id = k == 6 ? Outcomes.Event.Level6 : Outcomes.Event.LevelGe5;
                    var model = forecast.Outcomes.First(o => o.Id == Outcomes.Ids[(int)id] && o.WithinMonths == h).P;
                    windows.Add(new WindowCheck(k, h, model, baselines.ToDictionary(b => b.Id, b => b.ProbabilityWithin(k, h)), observed.Take(h).Any(l => l >= k)));
                }
            }
            progress?.Report($"{origin}: posterior-predictive check");
            var predictive = PosteriorPredictive(origin, calibration, fit, Math.Min(draws, 50), seed);
            results.Add(new OriginResult(origin, session.Spec.Name, policy, months, calibration, forecast, observed, windows, predictive));
        }
        return Score(results, fitOptions, horizon, runs, draws, seed, truth, labels);
    }

    private static BacktestReport Score(List<OriginResult> results, FitOptions fitOptions, int horizon, int runs, int draws, ulong seed, HistoricalDataset truth, int[] labels)
    {
        var first = truth.FirstMonth;
        var binary = new List<BinaryForecastGroup>();
        var ordinal = new List<OrdinalForecastGroup>();
        var buckets = LeadBucket.Default.Append(new LeadBucket("1-48", 1, 48)).ToList();
        // Baselines are fixed at each origin: build them once, not once per lead bucket.
        var baselinesAt = results.ToDictionary(r => r.Origin, r => BaselinesAt(truth, labels, r.Origin));
        foreach (var bucket in buckets)
        {
            var times = new List<int>();
            var levels = new List<int>();
            var model = new List<double[]>();
            var refs = new Dictionary<string, List<double[]>>(StringComparer.Ordinal);
            foreach (var r in results)
            {
                var baselines = baselinesAt[r.Origin];
                for (var lead = 1; lead <= r.Months; lead++)
                {
                    if (!bucket.Contains(lead)) continue;
                    times.Add(r.Origin.Plus(lead).MonthsSince(first));
                    levels.Add(r.Observed[lead - 1]);
                    model.Add([.. r.Forecast.Monthly[lead - 1].Ladder]);
                    foreach (var b in baselines)
                    {
                        if (!refs.TryGetValue(b.Id, out var list)) refs[b.Id] = list = [];
                        list.Add(b.Distribution(lead));
                    }
                }
            }
            if (times.Count == 0) continue;
            var t = times.ToArray();
            foreach (var (name, k) in Targets)
            {
                binary.Add(new BinaryForecastGroup(
                    name, bucket.Name, t, [.. levels.Select(l => l >= k)], [.. model.Select(d => Tail(d, k))],
                    [.. refs.Select(kv => new NamedProbabilities(kv.Key, [.. kv.Value.Select(d => Tail(d, k))]))]));
            }
            ordinal.Add(new OrdinalForecastGroup(bucket.Name, t, [.. levels], [.. model.Select(Normalise)],
                [.. refs.Select(kv => new NamedDistributions(kv.Key, kv.Value))]));
        }
        var options = new ScoreTableOptions { Bootstrap = BootstrapOptions.Default with { Seed = seed, Replicates = 1000 } };
        return new BacktestReport(
            ModelForms.Id(fitOptions.Form), horizon, runs, draws, seed, HistoricalData.ComputeSha256(RepositoryPaths.DataFolder()),
            results, ScoreTable.Binary(binary, options), ScoreTable.Rps(ordinal, options));
    }

    /// <summary>The six baselines of DESIGN section 6 built from the labels up to and including the origin.</summary>
    public static IReadOnlyList<IBaseline> BaselinesAt(HistoricalDataset truth, int[] labels, Month origin)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(labels);
        var n = origin.MonthsSince(truth.FirstMonth) + 1;
        var past = labels.AsSpan(0, n);
        var moy = truth.MonthlySeries.Take(n).Select(r => r.Month.MonthOfYear).ToArray();
        var recent = origin >= RecentFrom.Plus(12) ? RecentFrom.MonthsSince(truth.FirstMonth) : Math.Max(0, n - 120);
        return Baselines.CreateAll(past, moy, Ladder.Levels, recent);
    }

    private static double Tail(double[] d, int k)
    {
        var s = 0.0;
        for (var i = k; i < d.Length; i++) s += d[i];
        return Math.Clamp(s, 0.0, 1.0);
    }

    private static double[] Normalise(double[] d)
    {
        var s = d.Sum();
        return [.. d.Select(x => x / s)];
    }

    /// <summary>
    /// Simulates the record from its start to the origin with every observed action forced except the level
    /// (drawn from the fitted model, parameters drawn from the calibration) and compares level frequencies by era.
    /// </summary>
    public static IReadOnlyList<EraCheck> PosteriorPredictive(Month origin, Calibration calibration, LadderFitResult fit, int draws, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(fit);
        var workspace = HistoryWorkspace.Open(origin);
        var (frame, _) = workspace.Frame();
        var parameters = calibration.Apply(workspace.History.Spec.Parameters);
        var random = new RandomSource(seed);
        var vectors = Enumerable.Range(0, draws).Select(k => parameters.Draw(random, k, draws)).ToArray();
        var alpha = Enumerable.Range(1, Ladder.Top).Select(j => ParameterCatalog.IndexOf("ladder.alpha." + j)).ToArray();
        var n = frame.Input.Months;
        const int runs = 400;
        var result = new List<EraCheck>();
        for (var e = 0; e < frame.EraNames.Length; e++)
        {
            var idx = Enumerable.Range(0, n).Where(t => frame.Era[t] == e).ToArray();
            if (idx.Length == 0) continue;
            // The calibration's intercepts belong to the current era (and the origin's record coverage); an earlier
            // era is simulated with its own fitted shift and its own coverage.
            var (shift, coverage) = EraAdjustment(fit, e, idx.Count(t => frame.PartialCoverage[t]) * 2 > idx.Length);
            var coefficients = vectors.Select(v =>
            {
                var w = (double[])v.Clone();
                foreach (var a in alpha) w[a] += shift;
                w[alpha[2]] += coverage;
                return new Coefficients(w);
            }).ToArray();
            var levels = Replay.SimulateLevels(frame.Input, coefficients, runs, frame.Zone, seed);
            var observed = new double[Ladder.Levels];
            foreach (var t in idx) observed[frame.Input.Observed[t].Level!.Value] += 1.0 / idx.Length;
            var perRun = new double[runs, Ladder.Levels];
            for (var r = 0; r < runs; r++)
                foreach (var t in idx) perRun[r, levels[r * n + t]] += 1.0 / idx.Length;
            var mean = new double[Ladder.Levels];
            var lo = new double[Ladder.Levels];
            var hi = new double[Ladder.Levels];
            for (var l = 0; l < Ladder.Levels; l++)
            {
                var xs = Enumerable.Range(0, runs).Select(r => perRun[r, l]).OrderBy(x => x).ToArray();
                mean[l] = xs.Average();
                lo[l] = xs[(int)(0.05 * (runs - 1))];
                hi[l] = xs[(int)Math.Ceiling(0.95 * (runs - 1))];
            }
            result.Add(new EraCheck(frame.EraNames[e], idx.Length, observed, mean, lo, hi));
        }
        return result;
    }

    /// <summary>Shift of all intercepts for era e relative to the current era, and of rung 3 for its coverage.</summary>
    private static (double Shift, double Coverage) EraAdjustment(LadderFitResult fit, int era, bool partial)
    {
        double Coef(string name) => fit.Design.IndexOf(name) is var i and >= 0 ? fit.Ladder.Theta[i] : 0.0;
        var shift = Coef("era." + fit.Sample.EraNames[era]) - Coef("era." + fit.CurrentEra);
        var kappa = Coef("coverage.rung3");
        var partialNow = fit.Sample.PartialCoverage[^1];
        return (shift, kappa * ((partial ? 1 : 0) - (partialNow ? 1 : 0)));
    }
}
