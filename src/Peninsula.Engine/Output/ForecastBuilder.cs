using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Runner;

namespace Peninsula.Engine.Output;

/// <summary>Turns a merged run into the forecast document.</summary>
public static class ForecastBuilder
{
    /// <summary>Builds the document.</summary>
    public static ForecastDocument Build(RunResult result, Provenance provenance)
    {
        var req = result.Request;
        var n = req.Runs;
        var months = req.Months;
        var monthly = ImmutableArray.CreateBuilder<MonthlyForecast>(months);
        var drawRuns = DrawSizes(req);
        var perDraw = new double[req.ParameterDraws];
        var mcVar = new double[req.ParameterDraws];
        for (var t = 0; t < months; t++)
        {
            var ladder = new double[Ladder.Levels];
            var ci = new (double, double)[Ladder.Levels];
            for (var l = 0; l < Ladder.Levels; l++)
            {
                var p = (double)result.Ladder[t * Ladder.Levels + l] / n;
                ladder[l] = p;
                for (var k = 0; k < req.ParameterDraws; k++)
                {
                    var pk = (double)result.DrawLadder[(k * months + t) * Ladder.Levels + l] / drawRuns[k];
                    perDraw[k] = pk;
                    mcVar[k] = pk * (1 - pk) / drawRuns[k];
                }
                var (lo, hi) = Intervals.Parameter90(perDraw, mcVar, p);
                ci[l] = (Math.Clamp(lo, 0, 1), Math.Clamp(hi, 0, 1));
            }
            var exceedance = ImmutableArray.CreateBuilder<ProbabilityBand>(Ladder.Levels - 1);
            for (var k = 1; k < Ladder.Levels; k++)
            {
                var p = 0.0;
                for (var l = k; l < Ladder.Levels; l++) p += ladder[l];
                for (var d = 0; d < req.ParameterDraws; d++)
                {
                    long hits = 0;
                    for (var l = k; l < Ladder.Levels; l++) hits += result.DrawLadder[(d * months + t) * Ladder.Levels + l];
                    perDraw[d] = (double)hits / drawRuns[d];
                    mcVar[d] = perDraw[d] * (1 - perDraw[d]) / drawRuns[d];
                }
                exceedance.Add(Band(perDraw, mcVar, Math.Min(1.0, p)));
            }
            var phase = new double[Phases.Count];
            for (var p = 0; p < Phases.Count; p++) phase[p] = (double)result.Phase[t * Phases.Count + p] / n;
            monthly.Add(new MonthlyForecast(
                req.Spec.Start.Plus(t).ToString(),
                [.. ladder],
                [.. ci],
                (double)result.Engage[t] / n,
                [.. phase],
                Summary(result, 0, t),
                Summary(result, 1, t),
                Summary(result, 2, t),
                exceedance.MoveToImmutable()));
        }

        var outcomes = ImmutableArray.CreateBuilder<OutcomeForecast>();
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            foreach (var w in Outcomes.Windows)
            {
                if (w > months) continue;
                outcomes.Add(Outcome(result, (Outcomes.Event)e, w, drawRuns));
            }
        }

        return new ForecastDocument(
            req.Spec.Name, req.PolicyId, provenance, req.Spec.Start.ToString(), months, n, req.ParameterDraws, req.Seed,
            req.Spec.LevelLabels, monthly.MoveToImmutable(), outcomes.ToImmutable(), Cumulative(result, drawRuns));
    }

    /// <summary>Cumulative first-occurrence curves of every tracked event, from each run's first month.</summary>
    public static ImmutableArray<CumulativeCurve> Cumulative(RunResult result, int[]? drawRuns = null)
    {
        var req = result.Request;
        drawRuns ??= DrawSizes(req);
        var months = req.Months;
        var curves = ImmutableArray.CreateBuilder<CumulativeCurve>(Outcomes.EventCount);
        var counts = result.FirstMonthCounts;
        var perDraw = new double[req.ParameterDraws];
        var mcVar = new double[req.ParameterDraws];
        for (var e = 0; e < Outcomes.EventCount; e++)
        {
            var firstByDraw = counts.AsSpan(e * req.ParameterDraws * months, req.ParameterDraws * months);
            var cumulative = new long[req.ParameterDraws];
            var byMonth = ImmutableArray.CreateBuilder<ProbabilityBand>(months);
            for (var t = 0; t < months; t++)
            {
                long total = 0;
                for (var d = 0; d < req.ParameterDraws; d++)
                {
                    cumulative[d] += firstByDraw[d * months + t];
                    total += cumulative[d];
                    perDraw[d] = (double)cumulative[d] / drawRuns[d];
                    mcVar[d] = perDraw[d] * (1 - perDraw[d]) / drawRuns[d];
                }
                byMonth.Add(Band(perDraw, mcVar, (double)total / req.Runs));
            }
            curves.Add(new CumulativeCurve(Outcomes.Ids[e], byMonth.MoveToImmutable()));
        }
        return curves.MoveToImmutable();
    }

    private static ProbabilityBand Band(double[] perDraw, double[] mcVar, double p)
    {
        var (lo50, hi50) = Intervals.Parameter(perDraw, mcVar, p, 0.50);
        var (lo90, hi90) = Intervals.Parameter(perDraw, mcVar, p, 0.90);
        return new ProbabilityBand(p, (Math.Clamp(lo50, 0, 1), Math.Clamp(hi50, 0, 1)), (Math.Clamp(lo90, 0, 1), Math.Clamp(hi90, 0, 1)));
    }

    /// <summary>P(event within window) with its Monte Carlo and parameter intervals.</summary>
    public static OutcomeForecast Outcome(RunResult result, Outcomes.Event ev, int window, int[]? drawRuns = null)
    {
        var req = result.Request;
        drawRuns ??= DrawSizes(req);
        var months = req.Months;
        var counts = result.FirstMonthCounts;
        var hits = new long[req.ParameterDraws];
        long total = 0;
        for (var k = 0; k < req.ParameterDraws; k++)
        {
            // Happened(ev, i, window): a first month in 0…window−1.
            foreach (var c in counts.AsSpan(((int)ev * req.ParameterDraws + k) * months, Math.Clamp(window, 0, months))) hits[k] += c;
            total += hits[k];
        }
        var p = (double)total / req.Runs;
        var perDraw = new double[req.ParameterDraws];
        var mcVar = new double[req.ParameterDraws];
        for (var k = 0; k < perDraw.Length; k++)
        {
            perDraw[k] = (double)hits[k] / drawRuns[k];
            mcVar[k] = perDraw[k] * (1 - perDraw[k]) / drawRuns[k];
        }
        var (lo, hi) = Intervals.Parameter90(perDraw, mcVar, p);
        return new OutcomeForecast(Outcomes.Ids[(int)ev], window, p, Intervals.Wilson(total, req.Runs), (Math.Clamp(lo, 0, 1), Math.Clamp(hi, 0, 1)));
    }

    /// <summary>Number of runs assigned to each parameter draw.</summary>
    public static int[] DrawSizes(SimulationRequest req)
    {
        ArgumentNullException.ThrowIfNull(req);
        var sizes = new int[req.ParameterDraws];
        for (var k = 0; k < sizes.Length; k++) sizes[k] = req.FirstRunOf(k + 1) - req.FirstRunOf(k);
        return sizes;
    }

    private static QuantitySummary Summary(RunResult r, int q, int t)
    {
        var months = r.Request.Months;
        var counts = r.Histograms.AsSpan((q * months + t) * BatchResult.Bins, BatchResult.Bins);
        var low = BatchResult.BinLow(q, 0);
        var width = BatchResult.BinWidth(q);
        return new QuantitySummary(
            r.Sums[q * months + t] / r.Request.Runs,
            Intervals.HistogramQuantile(counts, low, width, 0.05),
            Intervals.HistogramQuantile(counts, low, width, 0.50),
            Intervals.HistogramQuantile(counts, low, width, 0.95));
    }
}
