namespace Peninsula.Bargaining.Models;

/// <summary>How the challenger's probability of success P(i beats j) is computed.</summary>
public enum BdmProbability
{
    /// <summary>
    /// The replication's (and Scholz's code's) form: Σₖ max(0, vₖ(i:j)) divided by the sum of |vₖ(a:b)| over all
    /// actors k and all ordered pairs of actors (a, b); probabilities are small and P(i:j) + P(j:i) &lt; 1.
    /// </summary>
    AllPairsNormalised,

    /// <summary>BDM's stated form: Σₖ max(0, vₖ(i:j)) / Σₖ |vₖ(i:j)|, so P(i:j) + P(j:i) = 1.</summary>
    Pairwise,
}

/// <summary>The expected outcome μ used in the "no challenge" utilities when Q &lt; 1.</summary>
public enum BdmMu
{
    /// <summary>The capability×salience-weighted median position (the Condorcet winner).</summary>
    Median,

    /// <summary>The capability×salience-weighted mean position.</summary>
    Mean,
}

/// <summary>How a target picks one offer among those it received.</summary>
public enum BdmOfferChoice
{
    /// <summary>
    /// Scholz's code (kept by the replication): prefer confrontations, then compromises, then capitulations; among
    /// confrontations and capitulations the one that moves the target least, among compromises the one with the
    /// smallest |EU|-weighted mean of the two positions (not the smallest move).
    /// </summary>
    ScholzCompromiseKey,

    /// <summary>Same order of kinds, but always the offer that moves the target least (the papers' stated rule).</summary>
    LeastMovement,
}

/// <summary>How actors' risk exponents rᵢ are set each round.</summary>
public enum BdmRisk
{
    /// <summary>
    /// Scholz et al.: each actor's "danger" (the sum of the expected utilities of all others challenging it, at
    /// r = 1) is compared with the other actors' dangers, Rᵢ = (2·dangerᵢ − max − min)/(max − min), and
    /// rᵢ = (1 − Rᵢ/3)/(1 + Rᵢ/3), in [0.5, 2].
    /// </summary>
    ScholzRelative,

    /// <summary>Risk-neutral actors: rᵢ = 1 throughout.</summary>
    Neutral,
}

/// <summary>Which summary of the final positions is the forecast.</summary>
public enum BdmForecast
{
    /// <summary>The capability×salience-weighted median (the model's traditional prediction).</summary>
    Median,

    /// <summary>The capability×salience-weighted mean.</summary>
    Mean,
}

/// <summary>
/// Variant switches of <see cref="ExpectedUtilityModel"/>. The defaults reproduce the public replication of Scholz,
/// Calbert and Smith (2011) whose ten-round trace ships as the reference (see BDM.md).
/// </summary>
public sealed record ExpectedUtilityOptions
{
    /// <summary>Rounds to run (default 10, 0–1000).</summary>
    public int Rounds { get; init; } = 10;

    /// <summary>Stop early once a round moves nobody (later rounds would repeat it). Default true.</summary>
    public bool StopWhenStable { get; init; } = true;

    /// <summary>Probability formula (default <see cref="BdmProbability.AllPairsNormalised"/>).</summary>
    public BdmProbability Probability { get; init; } = BdmProbability.AllPairsNormalised;

    /// <summary>
    /// Q, the probability that the status quo persists when nobody challenges (default 1, as in the replication,
    /// which makes μ and T irrelevant). Range 0–1.
    /// </summary>
    public double Q { get; init; } = 1.0;

    /// <summary>T, the probability that a change without challenge is for the better (default 1). Range 0–1.</summary>
    public double T { get; init; } = 1.0;

    /// <summary>μ, the expected outcome in the no-challenge utilities (default median; matters only when Q &lt; 1).</summary>
    public BdmMu Mu { get; init; } = BdmMu.Median;

    /// <summary>How targets pick among offers (default <see cref="BdmOfferChoice.ScholzCompromiseKey"/>).</summary>
    public BdmOfferChoice OfferChoice { get; init; } = BdmOfferChoice.ScholzCompromiseKey;

    /// <summary>
    /// Whether a target capitulates (moves all the way) when the proposer gains from challenging, the target
    /// would not, and the target's loss outweighs the proposer's gain. Default false: the replication's test for
    /// this case can never succeed, so it never capitulates.
    /// </summary>
    public bool Capitulation { get; init; }

    /// <summary>Risk exponents (default <see cref="BdmRisk.ScholzRelative"/>).</summary>
    public BdmRisk Risk { get; init; } = BdmRisk.ScholzRelative;

    /// <summary>The forecast summary (default <see cref="BdmForecast.Median"/>).</summary>
    public BdmForecast Forecast { get; init; } = BdmForecast.Median;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        if (Rounds is < 0 or > 1000)
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "rounds must be 0-1000");
        if (Q is not (>= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(Q), Q, "Q must lie in [0, 1]");
        if (T is not (>= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(T), T, "T must lie in [0, 1]");
    }

    /// <summary>The switches as one line, for notes.</summary>
    public override string ToString() =>
        FormattableString.Invariant(
            $"rounds={Rounds}, stop_when_stable={StopWhenStable}, probability={Probability}, Q={Q}, T={T}, mu={Mu}, offer_choice={OfferChoice}, capitulation={Capitulation}, risk={Risk}, forecast={Forecast}");
}
