using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Peninsula.Bargaining.Smp;

/// <summary>
/// One state of an SMP run (turn 0 = the input) with KTAB's intermediate results: which positions are the same,
/// the risk-neutral election and the risk attitudes inferred from it, every actor's estimate of every utility,
/// challenge estimates, each position's win probability, and (except for the last state) the bargaining that led
/// to the next state. Positions are reported on 0–100; utilities and probabilities as in KTAB.
/// </summary>
public sealed class SmpTurn
{
    private readonly SmpActors actors;
    private readonly double[] distance; // distance[i*na + j]: from i's ideal (= position) to j's position, i's saliences
    private readonly int[] uniqueActors;
    private readonly int[] uniqueIndexOf;
    private Perspective? lastPerspective;

    internal SmpTurn(SmpActors actors, int turn, double[][] positions)
    {
        this.actors = actors;
        Turn = turn;
        Raw = positions;
        var na = actors.Count;

        // Unique positions: an actor joins the first earlier unique position within the tolerance (KBase::ueIndices).
        var uns = new List<int>();
        uniqueIndexOf = new int[na];
        for (var i = 0; i < na; i++)
        {
            var found = -1;
            for (var u = 0; u < uns.Count && found < 0; u++)
            {
                if (SmpMath.Norm(positions[i], positions[uns[u]]) < SmpMath.PositionTolerance) found = u;
            }

            if (found < 0)
            {
                uns.Add(i);
                found = uns.Count - 1;
            }

            uniqueIndexOf[i] = found;
        }

        uniqueActors = [.. uns];

        // Ideals track positions exactly (KTAB's identity accommodation), so distances are from positions.
        distance = new double[na * na];
        for (var i = 0; i < na; i++)
        {
            for (var j = 0; j < na; j++) distance[(i * na) + j] = SmpMath.Distance(positions[i], positions[j], actors.Saliences[i]);
        }

        // Risk-neutral election over every actor's position (duplicates included, as KTAB does), then risk attitudes.
        var neutral = new double[na][];
        for (var i = 0; i < na; i++)
        {
            neutral[i] = new double[na];
            for (var j = 0; j < na; j++) neutral[i][j] = SmpMath.Utility(distance[(i * na) + j], 0.0);
        }

        var neutralProbabilities = SmpMath.ConditionalElection(actors.Capabilities, neutral, na);
        Risk = SmpMath.RiskAttitudes(neutralProbabilities);
        RiskNeutralProbabilities = [.. neutralProbabilities];
        RiskAttitudes = [.. Risk];

        var own = UniquePositionProbabilities(null);
        WinProbabilities = [.. Enumerable.Range(0, na).Select(i => own[LastEquivalentUnique(i)])];
        var best = SmpMath.ArgMax([.. own]);
        MostProbableActor = uniqueActors[best];
        Positions = [.. positions.Select(SmpMath.ToReportScale)];
        MostProbablePosition = Positions[MostProbableActor];
    }

    /// <summary>Turn number (0 = input).</summary>
    public int Turn { get; }

    /// <summary>Number of actors.</summary>
    public int ActorCount => actors.Count;

    /// <summary>Number of dimensions.</summary>
    public int DimensionCount => actors.Dimensions;

    /// <summary>Positions[actor][dimension], 0–100 (100 × KTAB's internal 0–1 coordinate).</summary>
    public ImmutableArray<ImmutableArray<double>> Positions { get; }

    /// <summary>Actors holding the distinct positions, in order of first appearance (KTAB's unique indices).</summary>
    public ImmutableArray<int> UniquePositionActors => [.. uniqueActors];

    /// <summary>For each actor, the first actor holding the same position (within 1e-3 on 0–1; KTAB's PosEquiv table).</summary>
    public ImmutableArray<int> EquivalentActor => [.. uniqueIndexOf.Select(u => uniqueActors[u])];

    /// <summary>Probabilities of the risk-neutral Condorcet election over every actor's position (duplicates included).</summary>
    public ImmutableArray<double> RiskNeutralProbabilities { get; }

    /// <summary>Each actor's risk attitude R_i ∈ [−1/2, 1] inferred from the risk-neutral election.</summary>
    public ImmutableArray<double> RiskAttitudes { get; }

    /// <summary>
    /// Per actor, the probability that its position wins the election in which every actor values positions with its
    /// own utilities (KTAB's "winning probabilities" summary; actors sharing a position share the probability).
    /// </summary>
    public ImmutableArray<double> WinProbabilities { get; }

    /// <summary>An actor holding the most probable position (per <see cref="WinProbabilities"/>; first on ties).</summary>
    public int MostProbableActor { get; }

    /// <summary>The most probable position, 0–100.</summary>
    public ImmutableArray<double> MostProbablePosition { get; }

    /// <summary>The bargains and queue elections that produced the next turn; null for the last state.</summary>
    public SmpBargaining? Bargaining { get; internal set; }

    internal double[][] Raw { get; }

    internal double[] Risk { get; }

    /// <summary>An actor's position, 0–100.</summary>
    public ImmutableArray<double> Position(int actor) => Positions[actor];

    /// <summary>
    /// Estimator <paramref name="estimator"/>'s estimate of the utility to <paramref name="actor"/> of the position of
    /// <paramref name="positionOf"/>: (1 − d)(1 + d·R̂), R̂ = (2R_estimator + R_actor)/3 (KTAB's PosUtil table).
    /// </summary>
    public double Utility(int estimator, int actor, int positionOf) =>
        SmpMath.Utility(distance[(actor * ActorCount) + positionOf], SmpMath.EstimatedRisk(Risk[estimator], Risk[actor]));

    /// <summary>
    /// Probabilities of the distinct positions (<see cref="UniquePositionActors"/> order) in the capability-weighted
    /// Condorcet election, with utilities as estimated by <paramref name="perspective"/>, or each actor's own when null.
    /// </summary>
    public ImmutableArray<double> UniquePositionProbabilities(int? perspective)
    {
        var na = ActorCount;
        var nu = uniqueActors.Length;
        var u = new double[na][];
        for (var i = 0; i < na; i++)
        {
            u[i] = new double[nu];
            var h = perspective ?? i;
            var rhi = SmpMath.EstimatedRisk(Risk[h], Risk[i]);
            for (var j = 0; j < nu; j++) u[i][j] = SmpMath.Utility(distance[(i * na) + uniqueActors[j]], rhi);
        }

        return [.. SmpMath.ConditionalElection(actors.Capabilities, u, nu)];
    }

    /// <summary>Probability that <paramref name="actor"/>'s position wins, from <paramref name="perspective"/> (null = each actor's own utilities).</summary>
    public double PositionProbability(int actor, int? perspective) =>
        perspective is null ? WinProbabilities[actor] : UniquePositionProbabilities(perspective)[LastEquivalentUnique(actor)];

    /// <summary>
    /// Estimator h's view of initiator i challenging receiver j and its consequence for affected actor k
    /// (SMPState::probEduChlg with proportional voting and semi-committed third parties).
    /// </summary>
    public SmpChallenge Challenge(int estimator, int affected, int initiator, int receiver)
    {
        // One-entry cache of the last estimator's utilities (queries usually come grouped by estimator).
        var cached = lastPerspective;
        if (cached is null || cached.Estimator != estimator)
        {
            cached = new Perspective(estimator, PerspectiveUtilities(estimator));
            lastPerspective = cached;
        }

        return Challenge(cached.Utilities, affected, initiator, receiver);
    }

    /// <summary>All of h's utility estimates: u[a*na + b] = h's estimate of the utility to a of b's position.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal double[] PerspectiveUtilities(int estimator)
    {
        var na = ActorCount;
        var u = new double[na * na];
        for (var a = 0; a < na; a++)
        {
            var rha = SmpMath.EstimatedRisk(Risk[estimator], Risk[a]);
            for (var b = 0; b < na; b++) u[(a * na) + b] = SmpMath.Utility(distance[(a * na) + b], rha);
        }

        return u;
    }

    /// <summary>SMPState::probEduChlg from the perspective whose utilities are <paramref name="u"/> (see <see cref="PerspectiveUtilities"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal SmpChallenge Challenge(double[] u, int k, int i, int j)
    {
        var na = ActorCount;
        double U(int a, int b) => u[(a * na) + b];

        var uii = U(i, i);
        var uij = U(i, j);
        var uji = U(j, i);
        var ujj = U(j, j);
        var uki = U(k, i);
        var ukj = U(k, j);
        var euSq = uki + ukj;
        var uhkij = uki + uki;
        var uhkji = ukj + ukj;

        var caps = actors.Capabilities;
        var sal = actors.SalienceSums;
        var si = sal[i];
        var sj = sal[j];

        var contribI = si * caps[i] * (uii - uij);
        var contribJ = sj * caps[j] * (uji - ujj);
        var chij = SmpMath.MinChallengeCoalition;
        var chji = SmpMath.MinChallengeCoalition;
        if (contribI > 0.0) chij += contribI;
        if (contribI < 0.0) chji -= contribI;
        if (contribJ > 0.0) chij += contribJ;
        if (contribJ < 0.0) chji -= contribJ;
        var principalsI = chij;
        var principalsJ = chji;

        for (var n = 0; n < na; n++)
        {
            if (n == i || n == j) continue;
            var wn = sal[n] * caps[n];
            var uni = U(n, i);
            var unj = U(n, j);
            var unn = U(n, n);

            // The third party weighs the little contest (i:j) with only the principals and itself.
            var cn = wn * (uni - unj);
            var cni = cn > 0 ? principalsI + cn : principalsI;
            var cnj = cn < 0 ? principalsJ - cn : principalsJ;
            var pin = cni / (cni + cnj);
            var pjn = 1.0 - pin;

            // Semi-commit: a third party that joined the losing side must move, one that joined the winner need not.
            var uIkDefJ = uni + uni + unn;
            var uJDefIk = unj + unj + unj;
            var uIDefJk = uni + uni + uni;
            var uJkDefI = unj + unj + unn;
            var uIkJ = (pin * uIkDefJ) + (pjn * uJDefIk);
            var uIJk = (pin * uIDefJk) + (pjn * uJkDefI);
            var vn = wn * (uIkJ - uIJk);
            if (vn > 0) chij += vn;
            if (vn < 0) chji -= vn;
        }

        var phij = chij / (chij + chji);
        var phji = chji / (chij + chji);
        var euVict = uhkij;
        var euCntst = (phij * uhkij) + (phji * uhkji);
        var euChlg = ((1 - sj) * euVict) + (sj * euCntst);
        return new SmpChallenge(phij, euSq, euVict, euCntst, euChlg);
    }

    /// <summary>Index into the unique positions of the last one equivalent to <paramref name="actor"/>'s (State::posProb).</summary>
    internal int LastEquivalentUnique(int actor)
    {
        var k = -1;
        for (var u = 0; u < uniqueActors.Length; u++)
        {
            if (SmpMath.Norm(Raw[actor], Raw[uniqueActors[u]]) < SmpMath.PositionTolerance) k = u;
        }

        return k;
    }

    private sealed record Perspective(int Estimator, double[] Utilities);
}
