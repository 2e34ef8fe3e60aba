using System.Collections.Immutable;
using Peninsula.Bargaining;
using Peninsula.Charts;
using Peninsula.Core;
using Peninsula.Engine.Output;

namespace Peninsula.Reporting;

/// <summary>
/// Chart data from forecasts (DESIGN section 7): the fan of P(level ≥ k), cumulative first-event curves, policy
/// packages side by side, negotiation phases, sanctions and economic-stress paths, bargaining trajectories.
/// Bands are over parameter draws with Monte Carlo noise removed; Monte Carlo and parameter intervals of paired
/// differences are kept apart.
/// </summary>
public static class ForecastCharts
{
    /// <summary>The headline outcomes as (event id, window in months): <see cref="App.HeadlineOutcomes.Default"/>.</summary>
    public static ImmutableArray<(string Id, int Window)> Headline { get; } =
        [.. App.HeadlineOutcomes.Default.Select(h => (Outcomes.Ids[(int)h.Event], h.Window))];

    /// <summary>Fan chart of the monthly P(level ≥ k) for each k in <paramref name="levels"/> (default 3, 4, 5).</summary>
    public static FanChartData Fan(ForecastDocument forecast, string? policyLabel = null, IReadOnlyList<int>? levels = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        levels ??= [3, 4, 5];
        var series = ImmutableArray.CreateBuilder<FanSeries>(levels.Count);
        foreach (var k in levels)
        {
            if (k < 1 || k >= Ladder.Levels) throw new ArgumentOutOfRangeException(nameof(levels), k, $"levels must be 1-{Ladder.Levels - 1}");
            series.Add(new FanSeries($"level ≥{k}", [.. forecast.Monthly.Select(m =>
            {
                var b = m.Exceedance[k - 1];
                return new MonthQuantiles(b.P, b.Band50.Lo, b.Band50.Hi, b.Band90.Lo, b.Band90.Hi);
            })]));
        }
        return new FanChartData($"P(level ≥k in the month) · {policyLabel ?? forecast.Policy}", Months(forecast), series.MoveToImmutable())
        {
            CentralLabel = "estimate",
            YLabel = "Probability in the month (%)",
        };
    }

    /// <summary>Cumulative P(first occurrence of <paramref name="eventId"/> by month t) for each forecast (one line per policy).</summary>
    public static CumulativeProbabilityData Cumulative(IReadOnlyList<ForecastDocument> forecasts, string eventId = "level>=5", Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0) throw new ArgumentException("at least one forecast is needed", nameof(forecasts));
        label ??= id => id;
        var series = forecasts.Select(f =>
        {
            var curve = f.Cumulative.FirstOrDefault(c => c.Id == eventId) ?? throw new ArgumentException($"unknown event '{eventId}'", nameof(eventId));
            return new BandedSeries(label(f.Policy), [.. curve.ByMonth.Select(b => b.P)], [.. curve.ByMonth.Select(b => b.Band90.Lo)], [.. curve.ByMonth.Select(b => b.Band90.Hi)]);
        }).ToImmutableArray();
        return new CumulativeProbabilityData($"P(first {EventName(eventId)} by month)", Months(forecasts[0]), series)
        {
            YLabel = $"P(first {EventName(eventId)} by month) (%)",
        };
    }

    /// <summary>Headline probabilities of each policy side by side, with their 90% parameter intervals.</summary>
    public static HeadlineProbabilityData Headlines(IReadOnlyList<ForecastDocument> forecasts, Func<string, string>? label = null, IReadOnlyList<(string Id, int Window)>? headline = null)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        label ??= id => id;
        headline ??= Headline;
        var rows = ImmutableArray.CreateBuilder<HeadlineProbability>();
        foreach (var (id, window) in headline)
        {
            foreach (var f in forecasts)
            {
                var o = f.Outcomes.FirstOrDefault(x => x.Id == id && x.WithinMonths == window);
                if (o is null) continue;
                rows.Add(new HeadlineProbability(OutcomeName(f, id, window), label(f.Policy), o.P, o.Ci90Param.Lo, o.Ci90Param.Hi));
            }
        }
        return new HeadlineProbabilityData("Headline outcomes by policy package", rows.ToImmutable());
    }

    /// <summary>Paired differences against the reference package: Monte Carlo 95% and parameter 90% intervals shown apart.</summary>
    public static PolicyComparisonData Differences(IReadOnlyList<PairedDifference> differences, ForecastDocument reference, Func<string, string>? label = null,
        IReadOnlyList<(string Id, int Window)>? headline = null)
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(reference);
        label ??= id => id;
        headline ??= Headline;
        var rows = differences
            .Where(d => headline.Contains((d.OutcomeId, d.WithinMonths)))
            .Select(d => new PolicyDifference(OutcomeName(reference, d.OutcomeId, d.WithinMonths), label(d.Policy), d.Difference,
                d.Ci95Mc.Lo, d.Ci95Mc.Hi, d.Ci90Param.Lo, d.Ci90Param.Hi))
            .ToImmutableArray();
        return new PolicyComparisonData($"Paired differences vs {label(reference.Policy)}", label(reference.Policy), rows);
    }

    /// <summary>Negotiation phase shares over time (stacked).</summary>
    public static PhaseChartData Phases(ForecastDocument forecast, string? policyLabel = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        return new PhaseChartData($"Negotiation phase · {policyLabel ?? forecast.Policy}", Months(forecast), [.. Core.Phases.Ids],
            [.. forecast.Monthly.Select(m => m.Phase)]);
    }

    /// <summary>Sanctions pressure and economic stress (mean and 5–95% range across runs) per month.</summary>
    public static PathChartData Paths(ForecastDocument forecast, string? policyLabel = null)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        static BandedSeries Series(string name, IEnumerable<QuantitySummary> q) =>
            new(name, [.. q.Select(x => x.Mean)], [.. q.Select(x => Math.Min(x.Q05, x.Mean))], [.. q.Select(x => Math.Max(x.Q95, x.Mean))]);
        var label = policyLabel ?? forecast.Policy;
        return new PathChartData($"Sanctions and economic stress · {label}", Months(forecast),
        [
            new PathQuantity("Sanctions pressure", "index 0–1", [Series(label, forecast.Monthly.Select(m => m.SanctionsPressure))]),
            new PathQuantity("Economic stress", "index 0–1", [Series(label, forecast.Monthly.Select(m => m.EconomicStress))]),
        ]);
    }

    /// <summary>
    /// Sanctions pressure and economic stress of several packages side by side: one line (the mean across runs) per
    /// package in each panel, with the 5–95% range across runs as a band for the packages <paramref name="banded"/>
    /// selects by id (default: all; overlapping bands of many packages hide each other).
    /// </summary>
    public static PathChartData Paths(IReadOnlyList<ForecastDocument> forecasts, Func<string, string>? label = null, Func<string, bool>? banded = null)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (forecasts.Count == 0) throw new ArgumentException("at least one forecast is needed", nameof(forecasts));
        label ??= id => id;
        banded ??= _ => true;
        BandedSeries Series(ForecastDocument f, Func<MonthlyForecast, QuantitySummary> pick)
        {
            var q = f.Monthly.Select(pick).ToList();
            return banded(f.Policy)
                ? new BandedSeries(label(f.Policy), [.. q.Select(x => x.Mean)], [.. q.Select(x => Math.Min(x.Q05, x.Mean))], [.. q.Select(x => Math.Max(x.Q95, x.Mean))])
                : new BandedSeries(label(f.Policy), [.. q.Select(x => x.Mean)]);
        }
        return new PathChartData(forecasts.Count == 1 ? $"Sanctions and economic stress · {label(forecasts[0].Policy)}" : "Sanctions and economic stress by package",
            Months(forecasts[0]),
        [
            new PathQuantity("Sanctions pressure", "index 0–1", [.. forecasts.Select(f => Series(f, m => m.SanctionsPressure))]),
            new PathQuantity("Economic stress", "index 0–1", [.. forecasts.Select(f => Series(f, m => m.EconomicStress))]),
        ]);
    }

    /// <summary>One chart per dimension: every actor's position by turn.</summary>
    public static ImmutableArray<BargainingChartData> Bargaining(IssueSpace space, BargainingResult result)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(result);
        var charts = ImmutableArray.CreateBuilder<BargainingChartData>(space.DimensionCount);
        for (var d = 0; d < space.DimensionCount; d++)
        {
            var dim = d;
            var actors = space.Stakeholders.Select((a, i) => new ActorTrajectory(a.Name, [.. result.Trajectory.Select(turn => turn[i][dim])])).ToImmutableArray();
            charts.Add(new BargainingChartData($"{space.Name}: {space.Dimensions[d]} · {result.Model}", space.Dimensions[d], actors));
        }
        return charts.MoveToImmutable();
    }

    private static ImmutableArray<string> Months(ForecastDocument f) => [.. f.Monthly.Select(m => m.Month)];

    /// <summary>Readable name of an outcome id, e.g. "level ≥5 event" for "level>=5".</summary>
    public static string EventName(string id) => id switch
    {
        "level>=3" => "level ≥3 event",
        "level>=4" => "level ≥4 event",
        "level>=5" => "level ≥5 event",
        "level6" => "level 6 event",
        "un_resolution" => "UN resolution",
        _ => id,
    };

    private static string OutcomeName(ForecastDocument f, string id, int window) => $"{EventName(id)} ≤{window} mo";
}
