using System.Collections.Immutable;
using Peninsula.Core;

namespace Peninsula.Bargaining;

/// <summary>
/// Monte Carlo sensitivity of a model's forecast to the input data. Each run perturbs every stakeholder:
/// positions x + spread·z clamped to 0–100; saliences s + spread·z clamped to 0–100, then scaled down to sum to
/// 100 when they exceed it; capabilities multiplied by exp((spread/100)·z) (lognormal, median 1). The z are
/// standard normal draws from <see cref="RandomSource"/> keyed by (seed, run, actor, dimension, quantity), so
/// a run's input depends only on the seed and its index: results are identical for any degree of parallelism.
/// </summary>
public static class Sensitivity
{
    /// <summary>Most runs accepted.</summary>
    public const int MaxRuns = 1_000_000;

    private const int PositionDraw = 0, SalienceDraw = 1, CapabilityDraw = 2;

    /// <summary>Runs <paramref name="model"/> on <paramref name="runs"/> perturbed copies of <paramref name="space"/>.</summary>
    /// <param name="model">The model (must be safe to call from several threads when parallel).</param>
    /// <param name="space">The unperturbed input.</param>
    /// <param name="spread">Noise sd on the 0–100 scale, 0–100 (e.g. 5); also sets the capabilities' log-sd, spread/100.</param>
    /// <param name="runs">Number of runs, 1–1,000,000.</param>
    /// <param name="seed">Seed of the perturbations.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (1 = sequential, the default; -1 = as many as useful).</param>
    public static SensitivitySummary Run(IBargainingModel model, IssueSpace space, double spread, int runs, ulong seed, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(space);
        if (spread is not (>= 0 and <= 100))
            throw new ArgumentOutOfRangeException(nameof(spread), spread, "spread must lie in [0, 100]");
        if (runs is < 1 or > MaxRuns)
            throw new ArgumentOutOfRangeException(nameof(runs), runs, $"runs must be 1-{MaxRuns}");
        if (maxDegreeOfParallelism is 0 or < -1)
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "use -1 or a positive number");

        var baseForecast = model.Run(space).Forecast;
        var dims = space.DimensionCount;
        var forecasts = new double[runs][];
        var source = new RandomSource(seed);
        try
        {
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, run =>
            {
                var result = model.Run(Perturb(space, spread, source, run));
                if (result.Forecast.Length != dims)
                    throw new InvalidOperationException($"model '{model.Id}' returned {result.Forecast.Length} forecasts for {dims} dimensions");
                forecasts[run] = [.. result.Forecast];
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        var summaries = ImmutableArray.CreateBuilder<DimensionSensitivity>(dims);
        var column = new double[runs];
        for (var k = 0; k < dims; k++)
        {
            for (var run = 0; run < runs; run++)
                column[run] = forecasts[run][k];
            var mean = 0.0;
            foreach (var v in column)
                mean += v;
            mean /= runs;
            var ss = 0.0;
            foreach (var v in column)
                ss += (v - mean) * (v - mean);
            var sd = runs > 1 ? Math.Sqrt(ss / (runs - 1)) : 0;
            var sorted = (double[])column.Clone();
            Array.Sort(sorted);
            summaries.Add(new DimensionSensitivity(space.Dimensions[k], mean, sd, Quantile(sorted, 0.05), Quantile(sorted, 0.5), Quantile(sorted, 0.95)));
        }
        return new SensitivitySummary(model.Id, spread, runs, seed, baseForecast, summaries.MoveToImmutable());
    }

    /// <summary>The perturbed input of run <paramref name="run"/> (a pure function of the seed, the run and the input).</summary>
    public static IssueSpace Perturb(IssueSpace space, double spread, RandomSource source, int run)
    {
        ArgumentNullException.ThrowIfNull(space);
        var actors = ImmutableArray.CreateBuilder<Stakeholder>(space.ActorCount);
        for (var i = 0; i < space.ActorCount; i++)
        {
            var a = space.Stakeholders[i];
            var dims = a.Positions.Length;
            var positions = new double[dims];
            var saliences = new double[dims];
            var total = 0.0;
            for (var k = 0; k < dims; k++)
            {
                positions[k] = Math.Clamp(a.Positions[k] + spread * source.Normal(PositionDraw, run, i, k), 0, 100);
                saliences[k] = Math.Clamp(a.Saliences[k] + spread * source.Normal(SalienceDraw, run, i, k), 0, 100);
                total += saliences[k];
            }
            if (total > 100)
            {
                for (var k = 0; k < dims; k++)
                    saliences[k] *= 100 / total;
            }
            var capability = a.Capability * Math.Exp(spread / 100 * source.Normal(CapabilityDraw, run, i, 0));
            actors.Add(a with { Capability = capability, Positions = [.. positions], Saliences = [.. saliences] });
        }
        return space with { Stakeholders = actors.MoveToImmutable() };
    }

    /// <summary>Type-7 quantile of sorted data: linear interpolation at position (n − 1)·p.</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
