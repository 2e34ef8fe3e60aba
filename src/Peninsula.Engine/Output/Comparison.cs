using Peninsula.Core;
using Peninsula.Engine.Runner;

namespace Peninsula.Engine.Output;

/// <summary>The paired difference P(policy) − P(reference) of one outcome on common random numbers.</summary>
public sealed record PairedDifference(string Policy, string Reference, string OutcomeId, int WithinMonths, double Difference, (double Lo, double Hi) Ci95Mc, (double Lo, double Hi) Ci90Param);

/// <summary>Compares policies run with the same seed, runs and parameter draws.</summary>
public static class Comparison
{
    /// <summary>
    /// Paired difference: run i of both results shares every random key, so dᵢ = 1[event in A] − 1[event in B]
    /// has far smaller variance than the difference of independent estimates. MC interval: mean ± 1.96·sd/√n.
    /// </summary>
    public static PairedDifference Paired(RunResult policy, RunResult reference, Outcomes.Event ev, int window)
    {
        var a = policy.Request;
        var b = reference.Request;
        if (a.Runs != b.Runs || a.Seed != b.Seed || a.ParameterDraws != b.ParameterDraws || a.Months != b.Months)
            throw new ArgumentException("paired differences need the same runs, seed, parameter draws and months");
        var n = a.Runs;
        var k = a.ParameterDraws;
        var sum = new double[k];
        var sumSq = new double[k];
        var count = new int[k];
        double total = 0, totalSq = 0;
        for (var draw = 0; draw < k; draw++)
        {
            for (int i = a.FirstRunOf(draw), end = a.FirstRunOf(draw + 1); i < end; i++)
            {
                var d = (policy.Happened(ev, i, window) ? 1.0 : 0.0) - (reference.Happened(ev, i, window) ? 1.0 : 0.0);
                sum[draw] += d;
                sumSq[draw] += d * d;
                count[draw]++;
                total += d;
                totalSq += d * d;
            }
        }
        var mean = total / n;
        var variance = n > 1 ? Math.Max(0.0, (totalSq - n * mean * mean) / (n - 1)) : 0.0;
        var half = 1.959963984540054 * Math.Sqrt(variance / n);
        var perDraw = new double[k];
        var mcVar = new double[k];
        for (var j = 0; j < k; j++)
        {
            var m = sum[j] / count[j];
            perDraw[j] = m;
            var v = count[j] > 1 ? Math.Max(0.0, (sumSq[j] - count[j] * m * m) / (count[j] - 1)) : 0.0;
            mcVar[j] = v / count[j];
        }
        var param = Intervals.Parameter90(perDraw, mcVar, mean);
        return new PairedDifference(a.PolicyId, b.PolicyId, Outcomes.Ids[(int)ev], window, mean, (mean - half, mean + half), param);
    }
}
