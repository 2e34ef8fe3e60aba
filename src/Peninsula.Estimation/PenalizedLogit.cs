using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Peninsula.Core;

namespace Peninsula.Estimation;

/// <summary>
/// Binary outcomes with a linear predictor η = d·θ (rows of a dense design) and independent normal priors on θ:
/// the penalised (maximum a posteriori) logistic regression every form of the ladder reduces to. The prior keeps
/// estimates finite under perfect separation (DESIGN section 6: no level ≥ 5 month under a moratorium).
/// </summary>
public sealed class PenalizedLogit
{
    private readonly double[] _design;
    private readonly double[] _y;
    private readonly double[] _weight;

    /// <summary>Creates the problem: <paramref name="design"/> is rows × <paramref name="columns"/>, row-major.</summary>
    public PenalizedLogit(double[] design, double[] y, int columns, double[] priorMean, double[] priorSd, double[]? weight = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(priorMean);
        ArgumentNullException.ThrowIfNull(priorSd);
        if (columns <= 0 || design.Length != y.Length * columns) throw new ArgumentException("design is not rows × columns");
        if (priorMean.Length != columns || priorSd.Length != columns) throw new ArgumentException("one prior per column");
        if (weight is not null && weight.Length != y.Length) throw new ArgumentException("one weight per row");
        _design = design;
        _y = y;
        _weight = weight ?? Enumerable.Repeat(1.0, y.Length).ToArray();
        Columns = columns;
        PriorMean = priorMean;
        PriorSd = priorSd;
    }

    /// <summary>Number of coefficients.</summary>
    public int Columns { get; }

    /// <summary>Number of binary observations.</summary>
    public int Rows => _y.Length;

    /// <summary>Prior means.</summary>
    public double[] PriorMean { get; }

    /// <summary>Prior standard deviations (must be positive).</summary>
    public double[] PriorSd { get; }

    /// <summary>Log-likelihood (without the prior) at <paramref name="theta"/>.</summary>
    public double LogLikelihood(ReadOnlySpan<double> theta)
    {
        var ll = 0.0;
        for (var i = 0; i < _y.Length; i++)
        {
            var eta = Eta(i, theta);
            // log σ(η) = −log(1 + e^−η), log(1 − σ(η)) = −log(1 + e^η), both computed stably.
            ll += _weight[i] * (_y[i] * -Softplus(-eta) + (1.0 - _y[i]) * -Softplus(eta));
        }
        return ll;
    }

    /// <summary>Log prior density (up to its constant) at <paramref name="theta"/>.</summary>
    public double LogPrior(ReadOnlySpan<double> theta)
    {
        var lp = 0.0;
        for (var p = 0; p < Columns; p++)
        {
            var z = (theta[p] - PriorMean[p]) / PriorSd[p];
            lp -= 0.5 * z * z;
        }
        return lp;
    }

    /// <summary>Linear predictor of row <paramref name="row"/>.</summary>
    public double Eta(int row, ReadOnlySpan<double> theta)
    {
        var d = _design.AsSpan(row * Columns, Columns);
        var eta = 0.0;
        for (var p = 0; p < Columns; p++) eta += d[p] * theta[p];
        return eta;
    }

    /// <summary>
    /// Negative log posterior with its gradient and Hessian (the Hessian of the log-likelihood part is
    /// −Σ w σ(1−σ) d dᵀ; the prior adds 1/sd² on the diagonal).
    /// </summary>
    public (double Value, Vector<double> Gradient, Matrix<double> Hessian) Evaluate(Vector<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var k = Columns;
        var th = theta.ToArray();
        var g = new double[k];
        var h = new double[k * k];
        var value = 0.0;
        for (var i = 0; i < _y.Length; i++)
        {
            var d = _design.AsSpan(i * k, k);
            var eta = 0.0;
            for (var p = 0; p < k; p++) eta += d[p] * th[p];
            var w = _weight[i];
            value -= w * (_y[i] * -Softplus(-eta) + (1.0 - _y[i]) * -Softplus(eta));
            var mu = Logistic(eta);
            var r = w * (mu - _y[i]);
            var v = w * mu * (1.0 - mu);
            for (var p = 0; p < k; p++)
            {
                var dp = d[p];
                if (dp == 0.0) continue;
                g[p] += r * dp;
                var vp = v * dp;
                for (var q = 0; q <= p; q++) h[p * k + q] += vp * d[q];
            }
        }
        for (var p = 0; p < k; p++)
        {
            var s2 = PriorSd[p] * PriorSd[p];
            var diff = th[p] - PriorMean[p];
            value += 0.5 * diff * diff / s2;
            g[p] += diff / s2;
            h[p * k + p] += 1.0 / s2;
            for (var q = 0; q < p; q++) h[q * k + p] = h[p * k + q];
        }
        return (value, Vector<double>.Build.DenseOfArray(g), Matrix<double>.Build.DenseOfRowMajor(k, k, h));
    }

    /// <summary>
    /// Finds the posterior mode with Math.NET's Newton minimiser (line search on), starting from
    /// <paramref name="start"/> (the prior means when null); falls back to BFGS if Newton fails.
    /// </summary>
    public LogitFit Fit(double[]? start = null, int maxIterations = 200)
    {
        var x0 = Vector<double>.Build.DenseOfArray(start ?? (double[])PriorMean.Clone());
        var objective = ObjectiveFunction.GradientHessian(v =>
        {
            var (value, gradient, hessian) = Evaluate(v);
            return (value, gradient, hessian);
        });
        string method;
        MinimizationResult result;
        try
        {
            result = new NewtonMinimizer(1e-9, maxIterations, useLineSearch: true).FindMinimum(objective, x0);
            method = "Newton (line search), MathNet.Numerics";
        }
        catch (Exception e) when (e is MaximumIterationsException or InnerOptimizationException or ArithmeticException)
        {
            var gradientOnly = ObjectiveFunction.Gradient(v =>
            {
                var (value, gradient, _) = Evaluate(v);
                return (value, gradient);
            });
            result = new BfgsMinimizer(1e-8, 1e-12, 1e-14, 10 * maxIterations).FindMinimum(gradientOnly, x0);
            method = "BFGS (after Newton failed: " + e.GetType().Name + "), MathNet.Numerics";
        }
        var theta = result.MinimizingPoint.ToArray();
        var (negPost, grad, hess) = Evaluate(result.MinimizingPoint);
        var covariance = hess.Inverse();
        return new LogitFit(
            theta,
            covariance.ToArray(),
            LogLikelihood(theta),
            -negPost,
            grad.InfinityNorm(),
            result.Iterations,
            result.ReasonForExit.ToString(),
            method);
    }

    /// <summary>log(1 + e^x) without overflow (the engine's own exp and log, so fits replay bit for bit on any CPU).</summary>
    public static double Softplus(double x) => x > 0 ? x + DetMath.Log(1.0 + DetMath.Exp(-x)) : DetMath.Log(1.0 + DetMath.Exp(x));

    /// <summary>The logistic function.</summary>
    public static double Logistic(double x) => x >= 0 ? 1.0 / (1.0 + DetMath.Exp(-x)) : DetMath.Exp(x) / (1.0 + DetMath.Exp(x));
}

/// <summary>A posterior mode and its Laplace approximation.</summary>
/// <param name="Theta">Estimates.</param>
/// <param name="Covariance">Inverse of the negative log-posterior's Hessian at the mode.</param>
/// <param name="LogLikelihood">Log-likelihood at the mode (prior excluded).</param>
/// <param name="LogPosterior">Log-likelihood plus log prior (unnormalised) at the mode.</param>
/// <param name="GradientNorm">Largest absolute gradient component at the mode.</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="ExitReason">The optimiser's own exit reason.</param>
/// <param name="Method">Optimiser used.</param>
public sealed record LogitFit(
    double[] Theta,
    double[,] Covariance,
    double LogLikelihood,
    double LogPosterior,
    double GradientNorm,
    int Iterations,
    string ExitReason,
    string Method);
