using System.Collections.Immutable;

namespace Peninsula.Bargaining.Models;

/// <summary>The kind of offer a target accepted.</summary>
public enum BdmOfferKind
{
    /// <summary>Both expect to gain from challenging; the one expecting less loses and moves to the other's position.</summary>
    Confrontation,

    /// <summary>Only the proposer expects to gain; the target moves part of the way, by |EU_target / EU_proposer|.</summary>
    Compromise,

    /// <summary>Only the proposer expects to gain and the target's loss outweighs it; the target moves all the way.</summary>
    Capitulation,
}

/// <summary>One accepted offer: <paramref name="Actor"/> moves because of <paramref name="Proposer"/>.</summary>
/// <param name="Actor">The target that moves.</param>
/// <param name="Proposer">The actor whose offer it accepted.</param>
/// <param name="Kind">Confrontation, compromise or capitulation.</param>
/// <param name="ActorEu">The target's expected utility of challenging the proposer (from its own perspective).</param>
/// <param name="ProposerEu">The proposer's expected utility of challenging the target (from the target's perspective).</param>
/// <param name="NewPosition">The target's position after the round (input scale).</param>
public sealed record BdmMove(string Actor, string Proposer, BdmOfferKind Kind, double ActorEu, double ProposerEu, double NewPosition);

/// <summary>One round of the challenge model on one dimension.</summary>
/// <param name="Round">1-based round number.</param>
/// <param name="RiskExponents">The actors' risk exponents rᵢ used in this round, in actor order.</param>
/// <param name="Moves">Accepted offers, in actor order.</param>
/// <param name="Positions">Positions after the round, in actor order.</param>
/// <param name="Median">Capability×salience-weighted median after the round.</param>
/// <param name="Mean">Capability×salience-weighted mean after the round.</param>
public sealed record BdmRound(
    int Round,
    ImmutableArray<double> RiskExponents,
    ImmutableArray<BdmMove> Moves,
    ImmutableArray<double> Positions,
    double Median,
    double Mean);

/// <summary>The challenge model's run on one dimension.</summary>
/// <param name="Dimension">Dimension name.</param>
/// <param name="InitialMedian">Weighted median of the input positions.</param>
/// <param name="InitialMean">Weighted mean of the input positions.</param>
/// <param name="Rounds">The rounds run.</param>
public sealed record BdmTrace(string Dimension, double InitialMedian, double InitialMean, ImmutableArray<BdmRound> Rounds);
