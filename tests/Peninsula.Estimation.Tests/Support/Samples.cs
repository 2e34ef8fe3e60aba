using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Estimation.Tests.Support;

/// <summary>Synthetic ladder samples and the small numeric helpers the tests share (independent of the code under test).</summary>
internal static class Samples
{
    public const int F = FeatureFunction.FeatureCount;
    public const int S = FeatureFunction.SharedCount;
    public const int R = FeatureFunction.RungCount;

    /// <summary>Standard normal from a seeded <see cref="Random"/> (Box–Muller).</summary>
    public static double Normal(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>
    /// A random sample: every shared feature continuous (so none is constant), rung-specific features zero in
    /// about half the rungs, random levels, eras and coverage (both coverage states present when
    /// <paramref name="mixedCoverage"/>).
    /// </summary>
    public static LadderSample Random(int seed, int months, int eras, bool mixedCoverage = true)
    {
        var rng = new Random(seed);
        var features = new double[months * F];
        for (var t = 0; t < months; t++)
        {
            for (var k = 0; k < S; k++) features[t * F + k] = 0.3 * k + (0.5 + 0.1 * k) * Normal(rng);
            for (var j = 1; j <= Ladder.Top; j++)
            {
                for (var l = 0; l < R; l++)
                {
                    features[t * F + S + (j - 1) * R + l] = rng.NextDouble() < 0.5 ? 0.0 : 0.2 + rng.NextDouble();
                }
            }
        }
        var levels = new int[months];
        var era = new int[months];
        var partial = new bool[months];
        for (var t = 0; t < months; t++)
        {
            levels[t] = rng.Next(0, Ladder.Levels);
            era[t] = Math.Min(eras - 1, t * eras / months);
            partial[t] = mixedCoverage ? t % 3 == 0 : false;
        }
        return new LadderSample(
            [.. Enumerable.Range(0, months).Select(t => Month.Of(2000, 1).Plus(t))],
            levels, features, era, [.. Enumerable.Range(0, eras).Select(e => "era" + e)], partial);
    }

    /// <summary>
    /// A full engine parameter vector: every catalog parameter at the middle of its (finite) range, so
    /// nothing in it is special, then the named values written over it.
    /// </summary>
    public static double[] EngineVector(IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var v = ParameterCatalog.All.Select(p =>
        {
            var lo = double.IsFinite(p.Min) ? p.Min : -1.0;
            var hi = double.IsFinite(p.Max) ? p.Max : 1.0;
            return 0.5 * (lo + hi) + 0.123;
        }).ToArray();
        for (var i = 0; i < names.Count; i++)
        {
            var at = ParameterCatalog.IndexOf(names[i]);
            if (at < 0) throw new ArgumentException($"'{names[i]}' is not a catalog parameter");
            v[at] = values[i];
        }
        return v;
    }

    /// <summary>Engine coefficients A·θ of a design for one era and coverage, on top of <see cref="EngineVector"/>.</summary>
    public static Coefficients EngineCoefficients(LadderDesign design, double[] theta, int era, bool partial, IReadOnlyDictionary<string, double>? others = null)
    {
        var (names, a) = design.EngineMap(era, partial);
        var values = new double[names.Length];
        for (var i = 0; i < names.Length; i++)
            for (var j = 0; j < theta.Length; j++) values[i] += a[i, j] * theta[j];
        // The upper-rung weight of the shared slopes is the design's (the estimator reports it beside the map).
        var allNames = names.Append("ladder.upper_scale").ToList();
        var allValues = values.Append(design.UpperScale).ToList();
        if (others is not null)
        {
            foreach (var (name, value) in others)
            {
                if (allNames.Contains(name)) continue;
                allNames.Add(name);
                allValues.Add(value);
            }
        }
        return new Coefficients(EngineVector(allNames, allValues));
    }

    /// <summary>log P(level) of month t under the engine's own choice rule, from the raw captured features.</summary>
    public static double EngineLogProbability(Coefficients c, LadderSample sample, int t, int level)
    {
        var p = new double[Ladder.Levels];
        var row = sample.Features.AsSpan(t * F, F);
        ChoiceModels.LadderProbabilities(c, row[..S], row[S..], p);
        return Math.Log(p[level]);
    }

    /// <summary>log σ(η) by the textbook formula (not the code under test's softplus).</summary>
    public static double LogSigmoid(double eta) => eta >= 0 ? -Math.Log(1.0 + Math.Exp(-eta)) : eta - Math.Log(1.0 + Math.Exp(eta));

    /// <summary>Binary log-likelihood of month t's rows in the design, y reconstructed from the level (rungs 1 … min(y + 1, 6), in order).</summary>
    public static double DesignMonthLogLikelihood(LadderDesign design, LadderSample sample, double[] theta, int t)
    {
        var ll = 0.0;
        var j = 0;
        for (var r = 0; r < design.RowMonth.Length; r++)
        {
            if (design.RowMonth[r] != t) continue;
            j++;
            var eta = design.Problem.Eta(r, theta);
            ll += sample.Levels[t] >= j ? LogSigmoid(eta) : LogSigmoid(-eta);
        }
        Assert.Equal(Math.Min(sample.Levels[t] + 1, Ladder.Top), j);
        return ll;
    }

    public static string[] Names(LadderDesign design) => [.. design.Coefficients.Select(c => c.Name)];
}
