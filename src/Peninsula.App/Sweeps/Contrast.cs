using System.Collections.Immutable;
using Peninsula.Engine.Runner;

namespace Peninsula.App;

/// <summary>An estimate with its Monte Carlo 95% and parameter-uncertainty 90% intervals.</summary>
/// <param name="Value">Point estimate (a probability or a difference of probabilities).</param>
/// <param name="Ci95Mc">Monte Carlo 95% interval.</param>
/// <param name="Ci90Param">90% interval due to parameter uncertainty (spread over the parameter draws).</param>
public sealed record Estimate(double Value, (double Lo, double Hi) Ci95Mc, (double Lo, double Hi) Ci90Param);

/// <summary>
/// A linear combination Σ w_c·P(cell c) of cells run on common random numbers, estimated run by run: run i of every
/// cell shares its random keys, so the combination's per-run values d_i = Σ w_c·1[event in run i of cell c] carry
/// the pairing and its Monte Carlo interval is mean ± 1.96·sd(d)/√n — far narrower for a difference than treating
/// the cells as independent.
/// </summary>
/// <param name="Estimate">The combination with its intervals.</param>
/// <param name="PerDraw">The combination within each parameter draw's block of runs.</param>
/// <param name="PerDrawMcVariance">Monte Carlo variance of each <paramref name="PerDraw"/> value.</param>
public sealed record Contrast(Estimate Estimate, ImmutableArray<double> PerDraw, ImmutableArray<double> PerDrawMcVariance)
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Estimates Σ weight·P over <paramref name="terms"/> (per-run hits of one outcome), all from runs of <paramref name="request"/>'s shape.</summary>
    public static Contrast Of(IReadOnlyList<(byte[] Hits, double Weight)> terms, SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(request);
        var n = request.Runs;
        var k = request.ParameterDraws;
        var d = new double[n];
        foreach (var (hits, weight) in terms)
        {
            if (hits.Length != n) throw new ArgumentException($"every cell needs {n} runs (got {hits.Length})", nameof(terms));
            for (var i = 0; i < n; i++) d[i] += weight * hits[i];
        }
        var sum = new double[k];
        var sumSq = new double[k];
        var count = new int[k];
        double total = 0, totalSq = 0;
        for (var draw = 0; draw < k; draw++)
        {
            for (int i = request.FirstRunOf(draw), end = request.FirstRunOf(draw + 1); i < end; i++)
            {
                sum[draw] += d[i];
                sumSq[draw] += d[i] * d[i];
                count[draw]++;
                total += d[i];
                totalSq += d[i] * d[i];
            }
        }
        var mean = total / n;
        var half = Z95 * Math.Sqrt(Variance(totalSq, mean, n) / n);
        var perDraw = new double[k];
        var mcVar = new double[k];
        for (var j = 0; j < k; j++)
        {
            perDraw[j] = sum[j] / count[j];
            mcVar[j] = Variance(sumSq[j], perDraw[j], count[j]) / count[j];
        }
        var param = Intervals.Parameter90(perDraw, mcVar, mean);
        return new Contrast(new Estimate(mean, (mean - half, mean + half), param), [.. perDraw], [.. mcVar]);
    }

    /// <summary>The Monte Carlo 95% interval of P(a) − P(b) if the two cells had been run on independent random numbers.</summary>
    public static (double Lo, double Hi) Unpaired(double pa, double pb, int runs)
    {
        var half = Z95 * Math.Sqrt((pa * (1 - pa) + pb * (1 - pb)) / runs);
        return (pa - pb - half, pa - pb + half);
    }

    private static double Variance(double sumSq, double mean, int n) => n > 1 ? Math.Max(0.0, (sumSq - n * mean * mean) / (n - 1)) : 0.0;
}
