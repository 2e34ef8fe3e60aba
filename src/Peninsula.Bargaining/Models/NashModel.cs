using System.Collections.Immutable;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Peninsula.Bargaining.Models;

/// <summary>
/// The asymmetric Nash bargaining solution over the issue space ("nash"): the point x in [0, 100]^D maximising
/// Σᵢ cᵢ·log(uᵢ(x) − uᵢ(dᵢ)), with capability cᵢ as bargaining power.
/// <para>
/// Utility: uᵢ(x) = 1 − Dᵢ(x), with the salience-weighted Euclidean distance
/// Dᵢ(x) = √(Σₖ (sᵢₖ/100)·((xₖ − x̂ᵢₖ)/100)²), so uᵢ ∈ [0, 1] (saliences sum to at most 100) and uᵢ is concave.
/// </para>
/// <para>
/// Disagreement point: by default each actor's worst outcome in the issue space (the corner farthest from its
/// ideal), so every point of the space is at least as good as disagreement for everyone and the model needs no
/// status quo. With a status quo q, dᵢ = q for all actors: the solution is sought among the points strictly
/// better than q for every actor; when there is none (no zone of agreement) the forecast is q itself, with a note.
/// </para>
/// <para>
/// Actors with zero capability or zero total salience do not enter the product. Solved with Math.NET's
/// Nelder–Mead simplex (box handled by clamping plus a quadratic penalty, restarted from its own result with
/// shrinking simplices until two restarts agree); the notes say how the optimiser stopped. One-shot: the
/// trajectory is the input only. The objective is concave, so the maximum is global; the solution is
/// Pareto-efficient among the actors in the product.
/// </para>
/// </summary>
public sealed class NashModel : IBargainingModel
{
    private const double Penalty = 1e6;

    /// <summary>Uses each actor's worst outcome as its disagreement point.</summary>
    public NashModel()
    {
    }

    /// <summary>Uses <paramref name="statusQuo"/> (one position per dimension, 0–100) as everyone's disagreement point.</summary>
    public NashModel(IReadOnlyList<double> statusQuo)
    {
        ArgumentNullException.ThrowIfNull(statusQuo);
        foreach (var q in statusQuo)
        {
            if (q is not (>= 0 and <= 100))
                throw new ArgumentOutOfRangeException(nameof(statusQuo), q, "status-quo positions must lie on 0-100");
        }
        StatusQuo = [.. statusQuo];
    }

    /// <inheritdoc/>
    public string Id => "nash";

    /// <summary>The status quo used as disagreement point, or null for each actor's worst outcome.</summary>
    public ImmutableArray<double>? StatusQuo { get; }

    /// <summary>uᵢ(x) = 1 − salience-weighted Euclidean distance from the actor's ideal to <paramref name="x"/> (0–100 scale).</summary>
    public static double Utility(Stakeholder actor, IReadOnlyList<double> x)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(x);
        var sum = 0.0;
        for (var k = 0; k < x.Count; k++)
        {
            var d = (x[k] - actor.Positions[k]) / 100;
            sum += actor.Saliences[k] / 100 * d * d;
        }
        return 1 - Math.Sqrt(sum);
    }

    /// <summary>The actor's disagreement utility: its worst outcome in the space, or the status quo's utility.</summary>
    public double DisagreementUtility(Stakeholder actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (StatusQuo is { } q)
            return Utility(actor, q);
        var worst = actor.Positions.Select(p => p < 50 ? 100.0 : 0.0).ToArray();
        return Utility(actor, worst);
    }

    /// <inheritdoc/>
    public BargainingResult Run(IssueSpace space)
    {
        ModelSupport.CheckShape(space);
        var dims = space.DimensionCount;
        if (StatusQuo is { } sq && sq.Length != dims)
            throw new ArgumentException($"the status quo has {sq.Length} positions, the issue space {dims} dimensions", nameof(space));
        var notes = new List<string>
        {
            "forecast: argmax of sum c_i log(u_i(x) - u_i(d)), u_i = 1 - salience-weighted Euclidean distance",
            StatusQuo is null ? "disagreement: each actor's worst outcome in the space" : "disagreement: the status quo",
        };

        var actors = space.Stakeholders.Where(s => s.Capability > 0 && s.Saliences.Sum() > 0).ToArray();
        if (actors.Length < space.ActorCount)
            notes.Add($"{space.ActorCount - actors.Length} actor(s) with zero capability or salience left out of the product");
        if (actors.Length == 0)
        {
            var fallback = new CompromiseModel().Run(space);
            notes.Add("no actor has capability and salience > 0; forecast is the compromise point");
            notes.AddRange(fallback.Notes);
            return ModelSupport.OneShot(Id, space, [.. fallback.Forecast], notes);
        }
        var totalCapability = actors.Sum(a => a.Capability);
        var weights = actors.Select(a => a.Capability / totalCapability).ToArray();
        var disagreement = actors.Select(DisagreementUtility).ToArray();

        double Gain(int i, double[] x) => Utility(actors[i], x) - disagreement[i];

        var start = new CompromiseModel().Run(space).Forecast.ToArray();
        if (StatusQuo is { } q)
        {
            // Phase 1: the point that most improves on the status quo for the worst-off actor.
            double MinGain(double[] x)
            {
                var m = double.PositiveInfinity;
                for (var i = 0; i < actors.Length; i++)
                    m = Math.Min(m, Gain(i, x));
                return m;
            }
            var fromCompromise = Maximise(MinGain, start, out _);
            var fromStatusQuo = Maximise(MinGain, [.. q], out _);
            var best = MinGain(fromCompromise) >= MinGain(fromStatusQuo) ? fromCompromise : fromStatusQuo;
            if (MinGain(best) <= 1e-9)
            {
                notes.Add("no point is better than the status quo for every actor (no zone of agreement); forecast is the status quo");
                return ModelSupport.OneShot(Id, space, [.. q], notes);
            }
            start = best;
        }

        double Objective(double[] x)
        {
            var f = 0.0;
            for (var i = 0; i < actors.Length; i++)
            {
                var g = Gain(i, x);
                if (g <= 0)
                    return double.NegativeInfinity;
                f += weights[i] * Math.Log(g);
            }
            return f;
        }
        var solution = Maximise(Objective, start, out var report);
        notes.Add(report);
        return ModelSupport.OneShot(Id, space, solution, notes);
    }

    /// <summary>
    /// Maximises <paramref name="f"/> over [0, 100]^D with Nelder–Mead (in units of 100), restarting from the best
    /// point with smaller simplices until a restart no longer improves it. Returns the best point evaluated.
    /// </summary>
    private static double[] Maximise(Func<double[], double> f, double[] start, out string report)
    {
        var dims = start.Length;
        var best = start.Select(v => Math.Clamp(v, 0, 100)).ToArray();
        var bestValue = f(best);
        var scratch = new double[dims];

        double Evaluate(Vector<double> z)
        {
            var outside = 0.0;
            for (var k = 0; k < dims; k++)
            {
                var v = z[k] * 100;
                var c = Math.Clamp(v, 0, 100);
                outside += (v - c) * (v - c) / 1e4;
                scratch[k] = c;
            }
            var value = f(scratch);
            if (double.IsNaN(value) || double.IsNegativeInfinity(value))
                return Penalty * (1 + outside);
            if (outside == 0 && value > bestValue)
            {
                bestValue = value;
                best = (double[])scratch.Clone();
            }
            return -value + Penalty * outside;
        }

        var objective = ObjectiveFunction.Value(Evaluate);
        var restarts = 0;
        var hitLimit = false;
        var step = 0.05;
        for (var round = 0; round < 8; round++)
        {
            var before = bestValue;
            var guess = Vector<double>.Build.DenseOfEnumerable(best.Select(v => v / 100));
            var perturbation = Vector<double>.Build.Dense(dims, step);
            try
            {
                NelderMeadSimplex.Minimum(objective, guess, perturbation, 1e-15, 20_000);
            }
            catch (MaximumIterationsException)
            {
                hitLimit = true;
            }
            restarts++;
            if (round >= 2 && bestValue - before <= 1e-15 * Math.Max(1, Math.Abs(bestValue)))
                break;
            step = Math.Max(step / 5, 1e-6);
        }
        report = string.Create(CultureInfo.InvariantCulture,
            $"optimiser: Nelder-Mead (Math.NET), {restarts} runs, {(hitLimit ? "iteration limit reached in a run" : "converged")}, objective {bestValue:G10}");
        return best;
    }
}
