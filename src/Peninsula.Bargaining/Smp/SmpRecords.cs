using System.Collections.Immutable;

namespace Peninsula.Bargaining.Smp;

/// <summary>
/// Stopping rule of the SMP (KTAB's defaults): stop when <see cref="MaxTurns"/> is reached, or when at least
/// <see cref="MinTurns"/> turns have run and the latest turn's total movement Σ_i‖x_i^t − x_i^{t−1}‖ divided by
/// (the first turn's total movement + <see cref="MinSignificantDelta"/>) is below <see cref="MinDeltaRatio"/>
/// (distances on the 0–1 scale).
/// </summary>
/// <param name="MaxTurns">Largest number of turns (KTAB: 100).</param>
/// <param name="MinTurns">Fewest turns before the quiet test applies (KTAB: 2).</param>
/// <param name="MinDeltaRatio">Quiet threshold on the movement ratio (KTAB: 0.02).</param>
/// <param name="MinSignificantDelta">Added to the first turn's movement to avoid 0/0 (KTAB: 1e-4).</param>
public sealed record SmpOptions(int MaxTurns = 100, int MinTurns = 2, double MinDeltaRatio = 0.02, double MinSignificantDelta = 1e-4)
{
    /// <summary>KTAB's default stopping rule.</summary>
    public static SmpOptions Default { get; } = new();
}

/// <summary>
/// Estimator h's view of initiator i challenging receiver j, and what it means for affected actor k
/// (KTAB's ProbVict and UtilChlg tables). Utilities are sums over the two contested positions (0–2).
/// </summary>
/// <param name="InitiatorWinProbability">h's estimate of P(i defeats j), with third parties joining the side they prefer.</param>
/// <param name="UtilityStatusQuo">u_k(x_i) + u_k(x_j).</param>
/// <param name="UtilityVictory">2·u_k(x_i): j adopts i's position.</param>
/// <param name="UtilityContest">P·2u_k(x_i) + (1 − P)·2u_k(x_j).</param>
/// <param name="UtilityChallenge">(1 − s_j)·UtilityVictory + s_j·UtilityContest, s_j = j's total salience.</param>
public readonly record struct SmpChallenge(
    double InitiatorWinProbability,
    double UtilityStatusQuo,
    double UtilityVictory,
    double UtilityContest,
    double UtilityChallenge)
{
    /// <summary>Expected gain of the challenge over the status quo (UtilityChallenge − UtilityStatusQuo).</summary>
    public double ExpectedGain => UtilityChallenge - UtilityStatusQuo;
}

/// <summary>A bargain proposed by <paramref name="Initiator"/> to its best target <paramref name="Receiver"/>.</summary>
/// <param name="Index">Position in the turn's list of bargains (initiators in actor order).</param>
/// <param name="Initiator">Proposing actor.</param>
/// <param name="Receiver">Targeted actor.</param>
/// <param name="InitiatorPosition">Where the initiator would move, 0–100 (KTAB's Init_Coord).</param>
/// <param name="ReceiverPosition">Where the receiver would move, 0–100 (KTAB's Recd_Coord).</param>
/// <param name="ExpectedGain">The initiator's expected gain from challenging the receiver (KTAB's bargain Value).</param>
/// <param name="InitiatorWinProbability">The initiator's estimate of P(initiator defeats receiver).</param>
public sealed record SmpBargain(
    int Index,
    int Initiator,
    int Receiver,
    ImmutableArray<double> InitiatorPosition,
    ImmutableArray<double> ReceiverPosition,
    double ExpectedGain,
    double InitiatorWinProbability);

/// <summary>One option in an actor's queue: its status quo (<paramref name="BargainIndex"/> null) or a bargain it is party to.</summary>
/// <param name="BargainIndex">Index into <see cref="SmpBargaining.Bargains"/>, or null for the status quo.</param>
/// <param name="Initiator">Initiator (the queue's actor for the status quo).</param>
/// <param name="Receiver">Receiver (the queue's actor for the status quo).</param>
/// <param name="Probability">Probability from the capability-weighted Condorcet election over the queue.</param>
public sealed record SmpQueueEntry(int? BargainIndex, int Initiator, int Receiver, double Probability);

/// <summary>An actor's queue of options and the one it adopts (the most probable, first on ties).</summary>
/// <param name="Actor">Actor index.</param>
/// <param name="Entries">Options in KTAB's order (bargains from lower-indexed initiators, status quo, own bargain, the rest).</param>
/// <param name="Selected">Index into <paramref name="Entries"/> of the adopted option.</param>
public sealed record SmpQueueElection(int Actor, ImmutableArray<SmpQueueEntry> Entries, int Selected);

/// <summary>What happened between a turn and the next: the bargains proposed and every actor's queue election.</summary>
/// <param name="Bargains">Bargains, in initiator order.</param>
/// <param name="Queues">One queue per actor.</param>
public sealed record SmpBargaining(ImmutableArray<SmpBargain> Bargains, ImmutableArray<SmpQueueElection> Queues);
