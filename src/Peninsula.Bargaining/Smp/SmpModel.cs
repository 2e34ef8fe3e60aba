using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Peninsula.Bargaining.Smp;

/// <summary>
/// KTAB's Spatial Model of Politics (SMP) with KTAB's default parameters: proportional voting, linear victory
/// probabilities, the "conditional" probabilistic Condorcet election, deterministic state transitions, risk attitudes
/// inferred from a risk-neutral election (range "Mid"; h's estimate of i's attitude is (2R_h + R_i)/3, KTAB's "OneThird"),
/// semi-committed third parties, S2P2 bargain interpolation rounded to 4 decimals, initiator-only bargains, and
/// KTAB's stopping rule. Multi-dimensional; reproduces KTAB's trajectories on its reference scenarios.
/// </summary>
public sealed class SmpModel : IBargainingModel
{
    /// <summary>The model id, "smp".</summary>
    public const string ModelId = "smp";

    /// <summary>Creates the model with KTAB's default stopping rule.</summary>
    public SmpModel()
        : this(SmpOptions.Default)
    {
    }

    /// <summary>Creates the model with the given stopping rule.</summary>
    public SmpModel(SmpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxTurns < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxTurns must be at least 1.");
        Options = options;
    }

    /// <inheritdoc />
    public string Id => ModelId;

    /// <summary>The stopping rule.</summary>
    public SmpOptions Options { get; }

    /// <inheritdoc />
    public BargainingResult Run(IssueSpace space) => Simulate(space).ToResult();

    /// <summary>Runs the SMP on <paramref name="space"/> and keeps every turn's intermediate results. Deterministic.</summary>
    public SmpRun Simulate(IssueSpace space)
    {
        var actors = new SmpActors(space);
        var turns = new List<SmpTurn> { new(actors, 0, actors.InitialPositions) };
        var iter = 0;
        double ratio;
        bool converged;
        while (true)
        {
            iter++;
            var current = turns[^1];
            var (next, bargaining) = Step(actors, current);
            current.Bargaining = bargaining;
            turns.Add(new SmpTurn(actors, iter, next));

            var firstStep = StateDistance(turns[0], turns[1]) + Options.MinSignificantDelta;
            ratio = StateDistance(turns[iter], turns[iter - 1]) / firstStep;
            converged = Options.MinTurns <= iter && ratio < Options.MinDeltaRatio;
            if (converged || Options.MaxTurns <= iter) break;
        }

        return new SmpRun(space, Options, [.. turns], converged, ratio);
    }

    /// <summary>Σ_i ‖x_i − y_i‖ on the 0–1 scale (SMPModel::stateDist).</summary>
    private static double StateDistance(SmpTurn a, SmpTurn b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.ActorCount; i++) sum += SmpMath.Norm(a.Raw[i], b.Raw[i]);
        return sum;
    }

    /// <summary>One turn of bargaining (SMPState::doBCN): challenges, bargains, queue elections, moves.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double[][] Next, SmpBargaining Bargaining) Step(SmpActors actors, SmpTurn s)
    {
        var na = actors.Count;
        var nd = actors.Dimensions;
        var queues = new List<int>[na]; // bargain indices; -1 = the actor's status quo
        for (var i = 0; i < na; i++) queues[i] = [];
        var bargains = new List<Draft>();

        for (var i = 0; i < na; i++)
        {
            queues[i].Add(-1);
            var perspective = s.PerspectiveUtilities(i);

            // i's best target: the largest expected gain above the significance threshold, lowest index on ties.
            var bestJ = -1;
            var pIJ = 0.0;
            var bestEu = -1.0;
            for (var j = 0; j < na; j++)
            {
                if (j == i) continue;
                var c = s.Challenge(perspective, i, i, j);
                var edu = c.ExpectedGain;
                if (SmpMath.MinSignificantGain < edu && bestEu < edu)
                {
                    bestJ = j;
                    pIJ = c.InitiatorWinProbability;
                    bestEu = edu;
                }
            }

            if (bestJ < 0) continue;

            // S2P2 interpolation from the initiator's perspective, both principals moving to it.
            var posI = new double[nd];
            var posJ = new double[nd];
            var pJ = 1 - pIJ;
            for (var k = 0; k < nd; k++)
            {
                var tik = s.Raw[i][k];
                var sik = actors.Saliences[i][k];
                var tjk = s.Raw[bestJ][k];
                var sjk = actors.Saliences[bestJ][k];
                var wik = sik * sik * (pIJ * pIJ);
                var wjk = sjk * sjk * (pJ * pJ);
                posI[k] = SmpMath.Round4(((wik + SmpMath.BargainMinWeight) * tik + (wjk * tjk)) / (wik + SmpMath.BargainMinWeight + wjk));
                posJ[k] = SmpMath.Round4(((wik * tik) + ((SmpMath.BargainMinWeight + wjk) * tjk)) / (wik + SmpMath.BargainMinWeight + wjk));
            }

            bargains.Add(new Draft(i, bestJ, posI, posJ, bestEu, pIJ));
            queues[i].Add(bargains.Count - 1);
            queues[bestJ].Add(bargains.Count - 1);
        }

        // Each actor's own valuation of every actor's current position: u_a(x_n) with R̂ = (2R_a + R_a)/3.
        var ownUtil = new double[na][];
        for (var a = 0; a < na; a++)
        {
            ownUtil[a] = new double[na];
            for (var n = 0; n < na; n++) ownUtil[a][n] = s.Utility(a, a, n);
        }

        // Every actor's value of the status quo and of each bargain (the same in every queue holding it).
        var statusQuoUtil = new double[na];
        var bargainUtil = new double[bargains.Count][];
        for (var a = 0; a < na; a++) statusQuoUtil[a] = BargainUtility(actors, s, ownUtil[a], a, null);
        for (var b = 0; b < bargains.Count; b++)
        {
            bargainUtil[b] = new double[na];
            for (var a = 0; a < na; a++) bargainUtil[b][a] = BargainUtility(actors, s, ownUtil[a], a, bargains[b]);
        }

        var next = new double[na][];
        var queueRecords = ImmutableArray.CreateBuilder<SmpQueueElection>(na);
        for (var k = 0; k < na; k++)
        {
            var q = queues[k];
            var nb = q.Count;
            var u = new double[na][];
            for (var a = 0; a < na; a++)
            {
                u[a] = new double[nb];
                for (var m = 0; m < nb; m++) u[a][m] = q[m] < 0 ? statusQuoUtil[a] : bargainUtil[q[m]][a];
            }

            var p = SmpMath.ConditionalElection(actors.Capabilities, u, nb);
            var selected = SmpMath.ArgMax(p);
            var chosen = q[selected];
            if (chosen < 0)
            {
                next[k] = (double[])s.Raw[k].Clone();
            }
            else
            {
                var b = bargains[chosen];
                next[k] = (double[])(b.Initiator == k ? b.PosI : b.PosJ).Clone();
            }

            var entries = ImmutableArray.CreateBuilder<SmpQueueEntry>(nb);
            for (var m = 0; m < nb; m++)
            {
                entries.Add(q[m] < 0
                    ? new SmpQueueEntry(null, k, k, p[m])
                    : new SmpQueueEntry(q[m], bargains[q[m]].Initiator, bargains[q[m]].Receiver, p[m]));
            }

            queueRecords.Add(new SmpQueueElection(k, entries.MoveToImmutable(), selected));
        }

        var bargainRecords = bargains.Select((b, idx) => new SmpBargain(
            idx, b.Initiator, b.Receiver, SmpMath.ToReportScale(b.PosI), SmpMath.ToReportScale(b.PosJ), b.Gain, b.InitiatorWinProbability));
        return (next, new SmpBargaining([.. bargainRecords], queueRecords.MoveToImmutable()));
    }

    /// <summary>
    /// Actor a's value of the state after a bargain (null = status quo): the mean of its utilities of all positions,
    /// the two principals' replaced by the bargain's (SMPState::doBCN's brgnUtil).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double BargainUtility(SmpActors actors, SmpTurn s, double[] ownUtil, int a, Draft? b)
    {
        var na = actors.Count;
        var sum = 0.0;
        if (b is null)
        {
            for (var n = 0; n < na; n++) sum += ownUtil[n];
        }
        else
        {
            var ra = s.Risk[a];
            sum += SmpMath.Utility(SmpMath.Distance(s.Raw[a], b.PosI, actors.Saliences[a]), ra);
            sum += SmpMath.Utility(SmpMath.Distance(s.Raw[a], b.PosJ, actors.Saliences[a]), ra);
            for (var n = 0; n < na; n++)
            {
                if (n != b.Initiator && n != b.Receiver) sum += ownUtil[n];
            }
        }

        return sum / na;
    }

    private sealed record Draft(int Initiator, int Receiver, double[] PosI, double[] PosJ, double Gain, double InitiatorWinProbability);
}
