namespace Peninsula.Core;

/// <summary>
/// The two sides' reservation points on the issue dimensions, all on a 0–100 scale.
/// </summary>
/// <param name="ChallengerMaxScope">Most far-reaching concession (e.g. denuclearization scope) the challenger accepts now.</param>
/// <param name="PrincipalMinScope">Least the principal's declared demand accepts.</param>
/// <param name="ReliefOffered">Relief (0–100) the principal is willing to trade for full scope.</param>
/// <param name="NormalizationOffered">Normalization (0–100) on offer.</param>
public readonly record struct ZoneQuery(double ChallengerMaxScope, double PrincipalMinScope, double ReliefOffered, double NormalizationOffered);

/// <summary>Terms of a possible agreement on the 0–100 dimensions.</summary>
public readonly record struct ZoneTerms(double Scope, double Relief, double Normalization);

/// <summary>
/// Answers "is there a zone of agreement, and on what terms?". The simulation's negotiation module
/// depends only on this interface, so the simple rule and the full bargaining engine are interchangeable.
/// Implementations must be pure and thread-safe.
/// </summary>
public interface IAgreementZone
{
    /// <summary>Returns true and the terms when a zone exists.</summary>
    bool TryFind(in ZoneQuery query, out ZoneTerms terms);
}

/// <summary>
/// The simple one-dimensional rule: a zone exists when the challenger's maximum acceptable scope
/// reaches the principal's minimum demand; the scope splits the difference (the symmetric Nash
/// bargaining point on an interval with linear utilities), and relief and normalization are paid
/// in proportion to the agreed scope.
/// </summary>
public sealed class SplitTheDifferenceZone : IAgreementZone
{
    /// <summary>Shared instance.</summary>
    public static readonly SplitTheDifferenceZone Instance = new();

    /// <inheritdoc />
    public bool TryFind(in ZoneQuery query, out ZoneTerms terms)
    {
        if (query.ChallengerMaxScope < query.PrincipalMinScope)
        {
            terms = default;
            return false;
        }
        var scope = 0.5 * (query.ChallengerMaxScope + query.PrincipalMinScope);
        var share = scope / 100.0;
        terms = new ZoneTerms(scope, query.ReliefOffered * share, query.NormalizationOffered * share);
        return true;
    }
}
