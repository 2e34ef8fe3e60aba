namespace Peninsula.Scoring;

/// <summary>
/// Proper scores for probability forecasts (all negatively oriented: lower is better) and the skill
/// score built from them. Conventions follow Wilks, <i>Statistical Methods in the Atmospheric
/// Sciences</i> (4th ed., ch. 9).
/// <list type="bullet">
/// <item><b>Brier score</b>: mean of (p − o)², o ∈ {0, 1}.</item>
/// <item><b>Log score</b>: mean negative log-likelihood in nats, −[o ln p′ + (1 − o) ln(1 − p′)], with p
/// clipped to p′ ∈ [ε, 1 − ε] (<see cref="DefaultLogFloor"/> = 0.001), so a single confident miss costs
/// at most −ln ε ≈ 6.91 instead of +∞.</item>
/// <item><b>Ranked probability score</b> (ordinal, K categories): Σ over the K − 1 thresholds of the
/// squared difference between forecast and observed cumulative probabilities, <b>divided by K − 1</b>,
/// so it lies in [0, 1] and equals the Brier score when K = 2.</item>
/// <item><b>Skill score</b>: 1 − S / S_ref (1 is perfect, 0 is no better than the reference, negative is
/// worse).</item>
/// </list>
/// </summary>
public static class Scores
{
    /// <summary>Default floor ε of the log score: probabilities are clipped to [ε, 1 − ε].</summary>
    public const double DefaultLogFloor = 0.001;

    /// <summary>Tolerance on |Σ p − 1| accepted for a categorical forecast.</summary>
    public const double DistributionTolerance = 1e-6;

    /// <summary>Brier score of one binary forecast: (p − o)².</summary>
    /// <param name="probability">Forecast probability of the event, in [0, 1].</param>
    /// <param name="outcome">Whether the event happened.</param>
    public static double Brier(double probability, bool outcome)
    {
        CheckProbability(probability, nameof(probability));
        var d = probability - (outcome ? 1.0 : 0.0);
        return d * d;
    }

    /// <summary>Mean Brier score of paired forecasts and outcomes.</summary>
    /// <param name="probabilities">Forecast probabilities, each in [0, 1].</param>
    /// <param name="outcomes">Outcomes, same length, at least one.</param>
    public static double Brier(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes)
    {
        CheckPaired(probabilities.Length, outcomes.Length);
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++) sum += Brier(probabilities[i], outcomes[i]);
        return sum / probabilities.Length;
    }

    /// <summary>
    /// Floored log score of one binary forecast, as a negative log-likelihood in nats:
    /// −ln p′ if the event happened, −ln(1 − p′) otherwise, with p′ = clip(p, ε, 1 − ε).
    /// </summary>
    /// <param name="probability">Forecast probability of the event, in [0, 1].</param>
    /// <param name="outcome">Whether the event happened.</param>
    /// <param name="floor">ε, in (0, 0.5); default <see cref="DefaultLogFloor"/>.</param>
    public static double Log(double probability, bool outcome, double floor = DefaultLogFloor)
    {
        CheckProbability(probability, nameof(probability));
        CheckFloor(floor);
        var p = Math.Clamp(probability, floor, 1.0 - floor);
        return -Math.Log(outcome ? p : 1.0 - p);
    }

    /// <summary>Mean floored log score (negative log-likelihood in nats; lower is better).</summary>
    /// <param name="probabilities">Forecast probabilities, each in [0, 1].</param>
    /// <param name="outcomes">Outcomes, same length, at least one.</param>
    /// <param name="floor">ε, in (0, 0.5); default <see cref="DefaultLogFloor"/>.</param>
    public static double Log(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> outcomes, double floor = DefaultLogFloor)
    {
        CheckPaired(probabilities.Length, outcomes.Length);
        var sum = 0.0;
        for (var i = 0; i < probabilities.Length; i++) sum += Log(probabilities[i], outcomes[i], floor);
        return sum / probabilities.Length;
    }

    /// <summary>
    /// Ranked probability score of one ordinal forecast, normalised by K − 1:
    /// (1 / (K − 1)) Σ_{k=0}^{K−2} (F_k − O_k)², with F_k = Σ_{j≤k} p_j and O_k = 1[observed ≤ k].
    /// </summary>
    /// <param name="distribution">Forecast probabilities of categories 0..K−1 (K ≥ 2), summing to 1.</param>
    /// <param name="observed">Observed category, in 0..K−1.</param>
    public static double RankedProbability(ReadOnlySpan<double> distribution, int observed)
    {
        CheckDistribution(distribution, nameof(distribution));
        var k = distribution.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(observed, k);
        double cumulative = 0, sum = 0;
        for (var j = 0; j < k - 1; j++)
        {
            cumulative += distribution[j];
            var d = cumulative - (observed <= j ? 1.0 : 0.0);
            sum += d * d;
        }
        return sum / (k - 1);
    }

    /// <summary>Mean ranked probability score (normalised by K − 1) over several ordinal forecasts.</summary>
    /// <param name="distributions">One distribution per case, all of the same length K ≥ 2.</param>
    /// <param name="observed">Observed category per case.</param>
    public static double RankedProbability(IReadOnlyList<double[]> distributions, ReadOnlySpan<int> observed)
    {
        ArgumentNullException.ThrowIfNull(distributions);
        CheckPaired(distributions.Count, observed.Length);
        var k = distributions[0].Length;
        var sum = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (distributions[i].Length != k)
                throw new ArgumentException($"Distribution {i} has {distributions[i].Length} categories, expected {k}.", nameof(distributions));
            sum += RankedProbability(distributions[i], observed[i]);
        }
        return sum / observed.Length;
    }

    /// <summary>
    /// Skill score 1 − S / S_ref for a negatively oriented score S. IEEE arithmetic applies when the
    /// reference is perfect (S_ref = 0): −∞ if S &gt; 0, NaN if S = 0.
    /// </summary>
    /// <param name="score">Score of the forecast being assessed.</param>
    /// <param name="reference">Score of the reference forecast.</param>
    public static double Skill(double score, double reference) => 1.0 - score / reference;

    internal static void CheckProbability(double p, string name)
    {
        if (!(p >= 0.0 && p <= 1.0))
            throw new ArgumentOutOfRangeException(name, p, "Probability must be in [0, 1].");
    }

    internal static void CheckFloor(double floor)
    {
        if (!(floor > 0.0 && floor < 0.5))
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "Log-score floor must be in (0, 0.5).");
    }

    internal static void CheckPaired(int forecasts, int outcomes)
    {
        if (forecasts != outcomes)
            throw new ArgumentException($"{forecasts} forecasts but {outcomes} outcomes.");
        if (forecasts == 0)
            throw new ArgumentException("At least one forecast is required.");
    }

    internal static void CheckDistribution(ReadOnlySpan<double> distribution, string name)
    {
        if (distribution.Length < 2)
            throw new ArgumentException("A categorical forecast needs at least two categories.", name);
        var sum = 0.0;
        foreach (var p in distribution)
        {
            CheckProbability(p, name);
            sum += p;
        }
        if (Math.Abs(sum - 1.0) > DistributionTolerance)
            throw new ArgumentException($"Categorical forecast sums to {sum:R}, not 1.", name);
    }
}
