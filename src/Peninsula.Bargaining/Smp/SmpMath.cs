using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Peninsula.Core;

namespace Peninsula.Bargaining.Smp;

/// <summary>
/// The arithmetic kernels of KTAB's Spatial Model of Politics (KTAB is MIT-licensed), written so that every
/// sum and product runs in the same order as KTAB's, which makes the results bit-identical to its output on the
/// reference cases. Positions and saliences are on KTAB's internal 0–1 scale here.
/// </summary>
internal static class SmpMath
{
    /// <summary>Initial strength of each side of a coalition (Model::coalitions), avoiding 0/0.</summary>
    public const double MinCoalition = 1e-8;

    /// <summary>Initial strength of each side in a challenge estimate (SMPState::probEduChlg).</summary>
    public const double MinChallengeCoalition = 1e-10;

    /// <summary>Smallest expected gain that makes a challenge worth proposing (SMPState::bestChallenge).</summary>
    public const double MinSignificantGain = 1e-5;

    /// <summary>Two positions closer than this (Euclidean, 0–1 scale) are the same position (SMPModel::posTol).</summary>
    public const double PositionTolerance = 1e-3;

    /// <summary>Weight added to the initiator's side when interpolating a bargain (SMPActor::interpBrgnSnPm).</summary>
    public const double BargainMinWeight = 1e-6;

    /// <summary>
    /// Salience-weighted distance from <paramref name="ideal"/> to <paramref name="position"/>:
    /// sqrt(Σ (s·d)² / Σ s²) (SMPModel::bvDiff). An actor with no salience at all sees every position at distance 0
    /// (KTAB rejects that input).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Distance(double[] ideal, double[] position, double[] salience)
    {
        var dsSqr = 0.0;
        var ssSqr = 0.0;
        for (var k = 0; k < ideal.Length; k++)
        {
            var ds = (ideal[k] - position[k]) * salience[k];
            var s = salience[k];
            dsSqr += ds * ds;
            ssSqr += s * s;
        }

        return ssSqr > 0 ? Math.Sqrt(dsSqr / ssSqr) : 0.0;
    }

    /// <summary>Utility of a position at distance <paramref name="d"/> with risk attitude <paramref name="r"/>: (1 − d)(1 + dR) (SMPModel::bsUtil).</summary>
    public static double Utility(double d, double r) => d <= 1 ? (1 - d) * (1 + (d * r)) : (1 - d) * (1 + r);

    /// <summary>h's estimate of i's risk attitude with KTAB's default "one third" adjustment: (2·r_h + r_i)/3.</summary>
    public static double EstimatedRisk(double rh, double ri) => ((2.0 * rh) + ri) / 3.0;

    /// <summary>Rounds a non-negative coordinate to 4 decimals the way KTAB does: ⌊0.5 + 10⁴x⌋/10⁴ (truncation toward zero).</summary>
    public static double Round4(double x) => Math.Truncate(0.5 + (x * 10000.0)) / 10000.0;

    /// <summary>
    /// Probabilistic Condorcet election, "conditional" form with linear victory probabilities and proportional
    /// voting (Model::scalarPCE with Model::coalitions, Model::vProb, Model::condPCE): option i's probability is
    /// proportional to Π_j P(i &gt; j), P(i &gt; j) = C(i:j)/(C(i:j) + C(j:i)), P(i &gt; i) = 1/2,
    /// C(i:j) = 1e-8 + Σ_k max(0, w_k (u_ki − u_kj)).
    /// </summary>
    /// <param name="weights">Voting weight of each actor (capability).</param>
    /// <param name="utility">utility[actor][option].</param>
    /// <param name="optionCount">Number of options (columns of <paramref name="utility"/> used).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] ConditionalElection(double[] weights, double[][] utility, int optionCount)
    {
        var n = optionCount;
        var na = weights.Length;
        var victory = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var cij = MinCoalition;
                var cji = MinCoalition;
                for (var k = 0; k < na; k++)
                {
                    var uk = utility[k];
                    var v = weights[k] * (uk[i] - uk[j]);
                    if (v > 0) cij += v;
                    if (v < 0) cji -= v;
                }

                victory[(i * n) + j] = cij / (cij + cji);
                victory[(j * n) + i] = cji / (cij + cji);
            }

            victory[(i * n) + i] = 0.5;
        }

        return Conditional(victory, n);
    }

    /// <summary>Model::condPCE; falls back to log space only where KTAB's plain product underflows to (near) zero.</summary>
    private static double[] Conditional(double[] victory, int n)
    {
        var p = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var pi = 1.0;
            for (var j = 0; j < n; j++) pi *= victory[(i * n) + j];
            p[i] = pi;
        }

        foreach (var x in p) total += x;
        if (total > 1e-290)
        {
            for (var i = 0; i < n; i++) p[i] /= total;
            return p;
        }

        // Underflow (KTAB would divide 0 by 0): normalise the products in log space instead.
        var logs = new double[n];
        var max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var s = 0.0;
            for (var j = 0; j < n; j++) s += DetMath.Log(victory[(i * n) + j]);
            logs[i] = s;
            if (s > max) max = s;
        }

        total = 0.0;
        for (var i = 0; i < n; i++)
        {
            p[i] = DetMath.Exp(logs[i] - max);
            total += p[i];
        }

        for (var i = 0; i < n; i++) p[i] /= total;
        return p;
    }

    /// <summary>
    /// Risk attitudes from election probabilities on KTAB's "Mid" range (Model::bigRfromProb):
    /// R_i = (3p_i − p_max − 2p_min) / (2(p_max − p_min)), in [−1/2, 1]. All zero when every probability is equal
    /// (KTAB would divide by zero).
    /// </summary>
    public static double[] RiskAttitudes(double[] p)
    {
        var pMin = 1.0;
        var pMax = 0.0;
        foreach (var x in p)
        {
            pMin = x < pMin ? x : pMin;
            pMax = x > pMax ? x : pMax;
        }

        var r = new double[p.Length];
        if (!(pMax > pMin)) return r;
        for (var i = 0; i < p.Length; i++) r[i] = ((3 * p[i]) - (pMax + (2 * pMin))) / (2 * (pMax - pMin));
        return r;
    }

    /// <summary>Index of the first largest entry (KBase::ndxMaxAbs on a probability vector).</summary>
    public static int ArgMax(double[] p)
    {
        var best = 0;
        var max = -1.0;
        for (var i = 0; i < p.Length; i++)
        {
            var a = Math.Abs(p[i]);
            if (max < a)
            {
                max = a;
                best = i;
            }
        }

        return best;
    }

    /// <summary>A 0–1 position on the 0–100 reporting scale: 100·x, as KTAB reports it (so 30 may read 30.000000000000004).</summary>
    public static ImmutableArray<double> ToReportScale(double[] position) => [.. position.Select(x => 100 * x)];

    /// <summary>Euclidean distance between two positions.</summary>
    public static double Norm(double[] a, double[] b)
    {
        var s = 0.0;
        for (var k = 0; k < a.Length; k++)
        {
            var d = a[k] - b[k];
            s += d * d;
        }

        return Math.Sqrt(s);
    }
}
