using System.Collections.Immutable;
using System.Globalization;

namespace Peninsula.Bargaining.Models;

/// <summary>
/// The classic expected-utility ("challenge") model of Bueno de Mesquita in the formulation of Scholz, Calbert and
/// Smith (2011), "Unravelling Bueno De Mesquita's group decision model", J. Theoretical Politics 23(4) ("bdm").
/// Each dimension is a separate one-issue game with salience sᵢₖ/100; positions keep the input scale and distances
/// are divided by the range of the input positions on that dimension.
/// <para>
/// Each round: (1) risk exponents rᵢ (see <see cref="BdmRisk"/>); (2) for every ordered pair, from target i's
/// perspective, EUᵢ(i challenges j) and EUᵢ(j challenges i), where EU(i→j) = sⱼ(P·Uˢ + (1−P)·Uᶠ) + (1−sⱼ)·Uˢ
/// − Q·Uˢᑫ − (1−Q)(T·Uᵇ + (1−T)·Uʷ) with Uˢ = 2 − 4(½ − ½d)^r, Uᶠ = 2 − 4(½ + ½d)^r, Uˢᑫ = 2 − 4·½^r,
/// Uᵇ/Uʷ = 2 − 4(½ ∓ ¼(|xᵢ−μ| + d))^r, d = |xᵢ − xⱼ|/range, r the perspective's exponent and P from
/// <see cref="BdmProbability"/>; (3) classification: both positive and the proposer's larger → confrontation
/// (target moves to the proposer), only the proposer's positive and larger in size → compromise (target moves
/// the fraction |EUᵢ/EUⱼ| of the way), only the proposer's positive but smaller → capitulation (if enabled);
/// (4) each target picks one offer (<see cref="BdmOfferChoice"/>) and all move at once. The weighted median and
/// mean (weights capability × salience) are recorded after every round. Defaults reproduce the shipped
/// replication trace; BDM.md lists what matches.
/// </para>
/// </summary>
public sealed class ExpectedUtilityModel : IBargainingModel
{
    /// <summary>Creates the model with the default (replication) switches.</summary>
    public ExpectedUtilityModel()
        : this(new ExpectedUtilityOptions())
    {
    }

    /// <summary>Creates the model with the given switches.</summary>
    public ExpectedUtilityModel(ExpectedUtilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <inheritdoc/>
    public string Id => "bdm";

    /// <summary>The variant switches.</summary>
    public ExpectedUtilityOptions Options { get; }

    /// <inheritdoc/>
    public BargainingResult Run(IssueSpace space)
    {
        ModelSupport.CheckShape(space);
        var traces = Enumerable.Range(0, space.DimensionCount).Select(k => Trace(space, k)).ToArray();
        var turns = traces.Max(t => t.Rounds.Length);
        var n = space.ActorCount;
        var trajectory = ImmutableArray.CreateBuilder<ImmutableArray<ImmutableArray<double>>>(turns + 1);
        trajectory.Add(ModelSupport.InputTurn(space));
        for (var t = 1; t <= turns; t++)
        {
            var turn = new ImmutableArray<double>[n];
            for (var i = 0; i < n; i++)
            {
                var row = new double[space.DimensionCount];
                for (var k = 0; k < row.Length; k++)
                {
                    var rounds = traces[k].Rounds;
                    row[k] = rounds.Length == 0 ? space.Stakeholders[i].Positions[k] : rounds[Math.Min(t, rounds.Length) - 1].Positions[i];
                }
                turn[i] = [.. row];
            }
            trajectory.Add([.. turn]);
        }
        var forecast = traces.Select(tr =>
        {
            var last = tr.Rounds.Length == 0 ? (tr.InitialMedian, tr.InitialMean) : (tr.Rounds[^1].Median, tr.Rounds[^1].Mean);
            return Options.Forecast == BdmForecast.Median ? last.Item1 : last.Item2;
        }).ToArray();
        var notes = new List<string> { "variant: " + Options, $"forecast: weighted {(Options.Forecast == BdmForecast.Median ? "median" : "mean")} after the last round" };
        foreach (var tr in traces)
        {
            var stable = tr.Rounds.Length < Options.Rounds;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{tr.Dimension}: {tr.Rounds.Length} round(s){(stable ? ", then nobody moves" : "")}; {tr.Rounds.Sum(r => r.Moves.Length)} move(s)"));
        }
        return new BargainingResult(Id, trajectory.MoveToImmutable(), [.. forecast], [.. notes]);
    }

    /// <summary>Runs the model on dimension <paramref name="dimension"/> of <paramref name="space"/> and returns every round.</summary>
    public BdmTrace Trace(IssueSpace space, int dimension)
    {
        ModelSupport.CheckShape(space);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(dimension, space.DimensionCount);
        var game = new Game(space, dimension, Options);
        return game.Play(space.Dimensions[dimension]);
    }

    /// <summary>One dimension's game: positions, weights, risk exponents and the round logic.</summary>
    private sealed class Game
    {
        private readonly ExpectedUtilityOptions _o;
        private readonly string[] _names;
        private readonly double[] _x;
        private readonly double[] _c;
        private readonly double[] _s;
        private readonly double[] _r;
        private readonly double[,] _d;
        private readonly double _range;
        private readonly int _n;
        private double _denominator;
        private double _mu;

        public Game(IssueSpace space, int k, ExpectedUtilityOptions options)
        {
            _o = options;
            _n = space.ActorCount;
            _names = [.. space.Stakeholders.Select(a => a.Name)];
            _x = [.. space.Stakeholders.Select(a => a.Positions[k])];
            _c = [.. space.Stakeholders.Select(a => a.Capability)];
            _s = [.. space.Stakeholders.Select(a => a.Saliences[k] / 100)];
            _r = Enumerable.Repeat(1.0, _n).ToArray();
            _d = new double[_n, _n];
            _range = _x.Max() - _x.Min();
        }

        public BdmTrace Play(string dimension)
        {
            var initialMedian = Median();
            var initialMean = Mean();
            var rounds = ImmutableArray.CreateBuilder<BdmRound>();
            if (_range > 0)
            {
                for (var round = 1; round <= _o.Rounds; round++)
                {
                    UpdateRisk();
                    var moves = new List<(int Actor, Offer Offer)>();
                    for (var a = 0; a < _n; a++)
                    {
                        if (BestOffer(a) is { } offer)
                            moves.Add((a, offer));
                    }
                    if (moves.Count == 0 && _o.StopWhenStable)
                        break;
                    foreach (var (a, offer) in moves)
                        _x[a] = offer.Position;
                    rounds.Add(new BdmRound(
                        round,
                        [.. _r],
                        [.. moves.Select(m => new BdmMove(_names[m.Actor], _names[m.Offer.Proposer], m.Offer.Kind, m.Offer.ActorEu, m.Offer.ProposerEu, m.Offer.Position))],
                        [.. _x],
                        Median(),
                        Mean()));
                }
            }
            return new BdmTrace(dimension, initialMedian, initialMean, rounds.ToImmutable());
        }

        /// <summary>Sets the risk exponents for the round (computed with everyone at r = 1, as the replication does).</summary>
        private void UpdateRisk()
        {
            Array.Fill(_r, 1.0);
            PreparePhase();
            if (_o.Risk == BdmRisk.Neutral)
                return;
            var danger = new double[_n];
            for (var a = 0; a < _n; a++)
            {
                var sum = 0.0;
                for (var o = 0; o < _n; o++)
                {
                    if (o != a)
                        sum += ExpectedUtility(a, o, a);
                }
                danger[a] = sum;
            }
            var max = danger.Max();
            var min = danger.Min();
            for (var a = 0; a < _n; a++)
            {
                var big = max == min ? 0 : (2 * danger[a] - max - min) / (max - min);
                _r[a] = (1 - big / 3.0) / (1 + big / 3.0);
            }
            PreparePhase();
        }

        /// <summary>
        /// Caches what depends only on positions and exponents: each actor's distance (to the power of its exponent)
        /// to every actor's position, the all-pairs vote total and μ.
        /// </summary>
        private void PreparePhase()
        {
            for (var k = 0; k < _n; k++)
            {
                for (var a = 0; a < _n; a++)
                    _d[k, a] = Math.Pow(Math.Abs(_x[k] - _x[a]) / _range, _r[k]);
            }
            var total = 0.0;
            if (_o.Probability == BdmProbability.AllPairsNormalised)
            {
                for (var k = 0; k < _n; k++)
                {
                    for (var a = 0; a < _n; a++)
                    {
                        for (var b = 0; b < _n; b++)
                            total += Math.Abs(Vote(k, a, b));
                    }
                }
            }
            _denominator = total;
            _mu = _o.Q < 1 ? (_o.Mu == BdmMu.Median ? Median() : Mean()) : double.NaN;
        }

        /// <summary>Actor k's vote between the positions of actors a and b: c·s·(distance to b^r − distance to a^r), positive when it prefers a's.</summary>
        private double Vote(int k, int a, int b) => _c[k] * _s[k] * (_d[k, b] - _d[k, a]);

        /// <summary>Actor k's risk-neutral vote between positions xj and xk (used for the median).</summary>
        private double Compare(int k, double xj, double xk)
        {
            var toK = Math.Abs(_x[k] - xk) / _range;
            var toJ = Math.Abs(_x[k] - xj) / _range;
            return _c[k] * _s[k] * (toK - toJ);
        }

        private double Probability(int i, int j)
        {
            if (_x[i] == _x[j])
                return 0.0;
            var support = 0.0;
            var all = 0.0;
            for (var k = 0; k < _n; k++)
            {
                var v = Vote(k, i, j);
                support += Math.Max(0, v);
                all += Math.Abs(v);
            }
            if (_o.Probability == BdmProbability.Pairwise)
                return all > 0 ? support / all : 0.5;
            return _denominator > 0 ? support / _denominator : 0.0;
        }

        /// <summary>Expected utility to i of challenging j, seen from actor p (p's risk exponent).</summary>
        private double ExpectedUtility(int p, int i, int j)
        {
            var r = _r[p];
            var pSuccess = Probability(i, j);
            var distance = Math.Abs(_x[i] - _x[j]);
            var uSuccess = 2 - 4 * Math.Pow(0.5 - 0.5 * distance / _range, r);
            var uFailure = 2 - 4 * Math.Pow(0.5 + 0.5 * distance / _range, r);
            var uStatusQuo = 2 - 4 * Math.Pow(0.5, r);
            var resist = _s[j] * (pSuccess * uSuccess + (1 - pSuccess) * uFailure);
            var notResist = (1 - _s[j]) * uSuccess;
            var eu = resist + notResist - _o.Q * uStatusQuo;
            if (_o.Q < 1)
            {
                var spread = 0.25 * (Math.Abs(_x[i] - _mu) + distance) / _range;
                var uBetter = 2 - 4 * Math.Pow(Math.Max(0, 0.5 - spread), r);
                var uWorse = 2 - 4 * Math.Pow(0.5 + spread, r);
                eu -= (1 - _o.Q) * (_o.T * uBetter + (1 - _o.T) * uWorse);
            }
            return eu;
        }

        private Offer? BestOffer(int a)
        {
            var confrontations = new List<Offer>();
            var compromises = new List<Offer>();
            var capitulations = new List<Offer>();
            for (var o = 0; o < _n; o++)
            {
                if (_x[a] == _x[o])
                    continue;
                var euMine = ExpectedUtility(a, a, o);
                var euTheirs = ExpectedUtility(a, o, a);
                if (euTheirs > euMine && euMine > 0)
                    confrontations.Add(new Offer(o, BdmOfferKind.Confrontation, euMine, euTheirs, _x[o]));
                else if (euTheirs > 0 && 0 > euMine && euTheirs > Math.Abs(euMine))
                    compromises.Add(new Offer(o, BdmOfferKind.Compromise, euMine, euTheirs, _x[a] + (_x[o] - _x[a]) * Math.Abs(euMine / euTheirs)));
                else if (_o.Capitulation && euTheirs > 0 && 0 > euMine && euTheirs < Math.Abs(euMine))
                    capitulations.Add(new Offer(o, BdmOfferKind.Capitulation, euMine, euTheirs, _x[o]));
            }
            double Movement(Offer f) => Math.Abs(_x[a] - f.Position);
            double CompromiseKey(Offer f) =>
                (Math.Abs(f.ActorEu) * _x[a] + Math.Abs(f.ProposerEu) * _x[f.Proposer]) / (Math.Abs(f.ActorEu) + Math.Abs(f.ProposerEu));
            if (confrontations.Count > 0)
                return First(confrontations, Movement);
            if (compromises.Count > 0)
                return First(compromises, _o.OfferChoice == BdmOfferChoice.ScholzCompromiseKey ? CompromiseKey : Movement);
            if (capitulations.Count > 0)
                return First(capitulations, Movement);
            return null;
        }

        /// <summary>The first offer with the smallest key (ties keep actor order, as Python's min does).</summary>
        private static Offer First(List<Offer> offers, Func<Offer, double> key)
        {
            var best = offers[0];
            var bestKey = key(best);
            for (var i = 1; i < offers.Count; i++)
            {
                var k = key(offers[i]);
                if (k < bestKey)
                {
                    best = offers[i];
                    bestKey = k;
                }
            }
            return best;
        }

        /// <summary>
        /// The weighted median as the replication finds it: a pairwise (Condorcet) sweep over the distinct positions,
        /// in ascending order, with risk-neutral votes; a challenger replaces the incumbent only when it wins strictly.
        /// </summary>
        private double Median()
        {
            var positions = _x.Distinct().Order().ToArray();
            var median = positions[0];
            for (var p = 1; p < positions.Length; p++)
            {
                var votes = 0.0;
                for (var k = 0; k < _n; k++)
                    votes += _range > 0 ? Compare(k, positions[p], median) : 0;
                if (votes > 0)
                    median = positions[p];
            }
            return median;
        }

        private double Mean()
        {
            double num = 0, den = 0;
            for (var k = 0; k < _n; k++)
            {
                num += _c[k] * _s[k] * _x[k];
                den += _c[k] * _s[k];
            }
            return den > 0 ? num / den : _x.Average();
        }

        private sealed record Offer(int Proposer, BdmOfferKind Kind, double ActorEu, double ProposerEu, double Position);
    }
}
