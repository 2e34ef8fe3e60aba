using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;

namespace Peninsula.Core;

/// <summary>One named parameter with its central value, spread and documented rationale.</summary>
/// <param name="Name">Dotted name, e.g. <c>ladder.alpha.5</c>.</param>
/// <param name="Mean">Central value (posterior mean or prior centre).</param>
/// <param name="Sd">Standard deviation (0 = fixed).</param>
/// <param name="Lower">Lower bound draws are clamped to (may be −∞).</param>
/// <param name="Upper">Upper bound draws are clamped to (may be +∞).</param>
/// <param name="Rationale">One line citing data or a dated source, or labelled an assumption.</param>
public sealed record ParameterSpec(string Name, double Mean, double Sd, double Lower, double Upper, string Rationale);

/// <summary>
/// The model's flat named parameter vector with its covariance. Forecasts draw vectors from
/// N(mean, Σ) (clamped to each parameter's bounds) so intervals carry parameter uncertainty.
/// </summary>
public sealed class ParameterSet
{
    private readonly Dictionary<string, int> _index;
    private readonly Matrix<double> _cholesky;

    /// <summary>Creates the set; <paramref name="covariance"/> defaults to diag(sd²).</summary>
    public ParameterSet(IEnumerable<ParameterSpec> specs, double[,]? covariance = null)
    {
        Specs = specs.ToImmutableArray();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Specs.Length; i++)
        {
            if (!_index.TryAdd(Specs[i].Name, i))
                throw new ArgumentException($"parameter '{Specs[i].Name}' is declared twice", nameof(specs));
        }
        var n = Specs.Length;
        var cov = covariance is null
            ? Matrix<double>.Build.DenseDiagonal(n, n, i => Specs[i].Sd * Specs[i].Sd)
            : Matrix<double>.Build.DenseOfArray(covariance);
        if (cov.RowCount != n || cov.ColumnCount != n)
            throw new ArgumentException($"covariance is {cov.RowCount}x{cov.ColumnCount}, expected {n}x{n}", nameof(covariance));
        Covariance = cov;
        _cholesky = CholeskyAllowingZeros(cov);
    }

    /// <summary>The parameters in vector order.</summary>
    public ImmutableArray<ParameterSpec> Specs { get; }

    /// <summary>Covariance of the vector.</summary>
    public Matrix<double> Covariance { get; }

    /// <summary>Number of parameters.</summary>
    public int Count => Specs.Length;

    /// <summary>Index of a named parameter, or −1.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The central values.</summary>
    public double[] Means() => Specs.Select(s => s.Mean).ToArray();

    /// <summary>
    /// Parameter vector number <paramref name="draw"/>: the mean when <paramref name="drawCount"/> is 1,
    /// otherwise mean + L·z with z standard normal keyed by (seed, draw), clamped to bounds.
    /// </summary>
    public double[] Draw(RandomSource random, int draw, int drawCount)
    {
        var mean = Means();
        if (drawCount <= 1) return mean;
        var n = Count;
        var z = new double[n];
        for (var j = 0; j < n; j++) z[j] = random.Normal(draw, -1, -1, 100_000 + j);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = mean[i];
            for (var j = 0; j <= i; j++) v += _cholesky[i, j] * z[j];
            x[i] = Math.Clamp(v, Specs[i].Lower, Specs[i].Upper);
        }
        return x;
    }

    /// <summary>Cholesky factor that tolerates exactly-zero variances (fixed parameters).</summary>
    private static Matrix<double> CholeskyAllowingZeros(Matrix<double> cov)
    {
        var n = cov.RowCount;
        var l = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = cov[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (sum < -1e-12) throw new ArgumentException("covariance is not positive semi-definite");
                    l[i, i] = sum > 0 ? Math.Sqrt(sum) : 0;
                }
                else
                {
                    l[i, j] = l[j, j] > 0 ? sum / l[j, j] : 0;
                }
            }
        }
        return l;
    }
}
