namespace Peninsula.Scoring;

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Lower">Lower edge of the bin (for distinct-value bins, the forecast value itself).</param>
/// <param name="Upper">Upper edge of the bin (for distinct-value bins, the forecast value itself).</param>
/// <param name="Count">Number of forecasts in the bin (always ≥ 1; empty bins are not listed).</param>
/// <param name="Events">Number of those forecasts whose event happened.</param>
/// <param name="MeanForecast">Mean forecast probability in the bin, f̄_k.</param>
/// <param name="ObservedFrequency">Observed relative frequency of the event in the bin, ō_k = Events / Count.</param>
/// <param name="IntervalLower">Lower end of the confidence interval of ō_k.</param>
/// <param name="IntervalUpper">Upper end of the confidence interval of ō_k.</param>
public sealed record ReliabilityBin(
    double Lower,
    double Upper,
    int Count,
    int Events,
    double MeanForecast,
    double ObservedFrequency,
    double IntervalLower,
    double IntervalUpper);

/// <summary>
/// Murphy (1973) decomposition of the Brier score over forecast bins, with the two within-bin terms of
/// Stephenson, Coelho &amp; Jolliffe (2008, <i>Weather and Forecasting</i> 23:752) that make it exact:
/// <c>BS = REL − RES + UNC + WBV − 2·WBC</c>, where, with N forecasts, bin counts n_k, bin mean forecast
/// f̄_k, bin frequency ō_k and overall frequency ō:
/// REL = Σ n_k (f̄_k − ō_k)² / N, RES = Σ n_k (ō_k − ō)² / N, UNC = ō (1 − ō),
/// WBV = Σ_k Σ_{i∈k} (f_i − f̄_k)² / N, WBC = Σ_k Σ_{i∈k} (f_i − f̄_k)(o_i − ō_k) / N.
/// </summary>
/// <param name="Count">Number of forecasts N.</param>
/// <param name="BaseRate">Overall observed frequency ō.</param>
/// <param name="BrierScore">The Brier score, computed directly.</param>
/// <param name="Reliability">REL (lower is better; 0 when each bin's mean forecast equals its frequency).</param>
/// <param name="Resolution">RES (higher is better; at most UNC).</param>
/// <param name="Uncertainty">UNC = ō (1 − ō).</param>
/// <param name="WithinBinVariance">WBV, the within-bin variance of the forecasts (0 for distinct-value bins).</param>
/// <param name="WithinBinCovariance">WBC, the within-bin covariance of forecasts and outcomes (0 for distinct-value bins).</param>
/// <param name="Bins">Reliability-diagram data, non-empty bins only, in increasing order of forecast.</param>
public sealed record BrierDecomposition(
    int Count,
    double BaseRate,
    double BrierScore,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double WithinBinVariance,
    double WithinBinCovariance,
    IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>WBV − 2·WBC, so that <c>BrierScore = Reliability − Resolution + Uncertainty + Residual</c> exactly.</summary>
    public double Residual => WithinBinVariance - 2.0 * WithinBinCovariance;
}

/// <summary>Computes <see cref="BrierDecomposition"/>s and reliability-diagram data.</summary>
public static class MurphyDecomposition
{
    /// <summary>Default number of equal-width bins on [0, 1].</summary>
    public const int DefaultBins = 10;

    /// <summary>
    /// Decomposition over <paramref name="bins"/> equal-width bins [j/B, (j+1)/B) on [0, 1] (the last bin
    /// includes 1).
    /// </summary>
    /// <param name="probabilities">Forecast probabilities, each in [0, 1].</param>
    /// <param name="outcomes">Outcomes, same length, at least one.</param>
    /// <param name="bins">Number of equal-width bins B ≥ 1; default <see cref="DefaultBins"/>.</param>
    /// <param name="level">Coverage of the per-bin frequency interval; default 90%.</param>
    /// <param name="interval">Interval method; default Jeffreys.</param>
    public static BrierDecomposition Decompose(
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> outcomes,
        int bins = DefaultBins,
        double level = BinomialInterval.DefaultLevel,
        FrequencyInterval interval = FrequencyInterval.Jeffreys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        Validate(probabilities, outcomes);
        var n = probabilities.Length;
        var binOf = new int[n];
        for (var i = 0; i < n; i++) binOf[i] = Math.Min((int)(probabilities[i] * bins), bins - 1);
        var edges = new double[bins + 1];
        for (var j = 0; j <= bins; j++) edges[j] = (double)j / bins;
        return Compute(probabilities, outcomes, binOf, bins, edges, exactValues: null, level, interval);
    }

    /// <summary>
    /// Decomposition with one bin per distinct forecast value (the original Murphy form). The
    /// within-bin terms are then exactly 0 and <c>BS = REL − RES + UNC</c>.
    /// </summary>
    /// <param name="probabilities">Forecast probabilities, each in [0, 1].</param>
    /// <param name="outcomes">Outcomes, same length, at least one.</param>
    /// <param name="level">Coverage of the per-bin frequency interval; default 90%.</param>
    /// <param name="interval">Interval method; default Jeffreys.</param>
    public static BrierDecomposition DecomposeDistinct(
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> outcomes,
        double level = BinomialInterval.DefaultLevel,
        FrequencyInterval interval = FrequencyInterval.Jeffreys)
    {
        Validate(probabilities, outcomes);
        var n = probabilities.Length;
        var sorted = probabilities.ToArray();
        Array.Sort(sorted);
        var values = new List<double>();
        foreach (var p in sorted)
            if (values.Count == 0 || values[^1] != p) values.Add(p);
        var valueArray = values.ToArray();
        var binOf = new int[n];
        for (var i = 0; i < n; i++) binOf[i] = Array.BinarySearch(valueArray, probabilities[i]);
        return Compute(probabilities, outcomes, binOf, valueArray.Length, edges: null, valueArray, level, interval);
    }

    private static void Validate(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes)
    {
        Scores.CheckPaired(probabilities.Length, outcomes.Length);
        foreach (var p in probabilities) Scores.CheckProbability(p, nameof(probabilities));
    }

    private static BrierDecomposition Compute(
        ReadOnlySpan<double> f,
        ReadOnlySpan<bool> o,
        int[] binOf,
        int binCount,
        double[]? edges,
        double[]? exactValues,
        double level,
        FrequencyInterval interval)
    {
        var n = f.Length;
        var count = new int[binCount];
        var events = new int[binCount];
        var sumF = new double[binCount];
        var totalEvents = 0;
        var brier = 0.0;
        for (var i = 0; i < n; i++)
        {
            var k = binOf[i];
            var oi = o[i] ? 1.0 : 0.0;
            count[k]++;
            sumF[k] += f[i];
            if (o[i]) { events[k]++; totalEvents++; }
            var d = f[i] - oi;
            brier += d * d;
        }

        var meanF = new double[binCount];
        var freq = new double[binCount];
        for (var k = 0; k < binCount; k++)
        {
            if (count[k] == 0) continue;
            meanF[k] = exactValues is null ? sumF[k] / count[k] : exactValues[k];
            freq[k] = (double)events[k] / count[k];
        }

        double wbv = 0, wbc = 0;
        if (exactValues is null)
        {
            for (var i = 0; i < n; i++)
            {
                var k = binOf[i];
                var df = f[i] - meanF[k];
                wbv += df * df;
                wbc += df * ((o[i] ? 1.0 : 0.0) - freq[k]);
            }
        }

        var baseRate = (double)totalEvents / n;
        double rel = 0, res = 0;
        var list = new List<ReliabilityBin>();
        for (var k = 0; k < binCount; k++)
        {
            if (count[k] == 0) continue;
            var dr = meanF[k] - freq[k];
            var ds = freq[k] - baseRate;
            rel += count[k] * dr * dr;
            res += count[k] * ds * ds;
            var (lo, hi) = BinomialInterval.Compute(events[k], count[k], level, interval);
            var lowerEdge = edges is null ? exactValues![k] : edges[k];
            var upperEdge = edges is null ? exactValues![k] : edges[k + 1];
            list.Add(new ReliabilityBin(lowerEdge, upperEdge, count[k], events[k], meanF[k], freq[k], lo, hi));
        }

        return new BrierDecomposition(
            n,
            baseRate,
            brier / n,
            rel / n,
            res / n,
            baseRate * (1.0 - baseRate),
            wbv / n,
            wbc / n,
            list);
    }
}
