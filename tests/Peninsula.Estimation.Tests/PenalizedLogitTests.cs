using CsCheck;
using MathNet.Numerics.LinearAlgebra;
using Peninsula.Estimation.Tests.Support;

namespace Peninsula.Estimation.Tests;

/// <summary>The penalised logistic problem against an independent IRLS fit, finite differences and its own parts.</summary>
public sealed class PenalizedLogitTests
{
    /// <summary>Simulated logistic data: intercept + 3 covariates (one binary), ~2000 rows, fixed seed.</summary>
    private static (double[] X, double[] Y, int N, int K) Simulated(int seed = 11, int n = 2000)
    {
        const int k = 4;
        var rng = new Random(seed);
        var beta = new[] { -0.4, 0.9, -0.6, 0.35 };
        var x = new double[n * k];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i * k] = 1.0;
            x[i * k + 1] = Samples.Normal(rng);
            x[i * k + 2] = 0.5 * Samples.Normal(rng) + 0.3 * x[i * k + 1];
            x[i * k + 3] = rng.NextDouble() < 0.3 ? 1.0 : 0.0;
            var eta = 0.0;
            for (var p = 0; p < k; p++) eta += beta[p] * x[i * k + p];
            y[i] = rng.NextDouble() < 1.0 / (1.0 + Math.Exp(-eta)) ? 1.0 : 0.0;
        }
        return (x, y, n, k);
    }

    /// <summary>Unpenalised maximum likelihood by iteratively reweighted least squares, written out here (Math.NET only for the solve).</summary>
    private static (double[] Beta, Matrix<double> Covariance) Irls(double[] x, double[] y, int n, int k)
    {
        var beta = new double[k];
        Matrix<double> xtwx = Matrix<double>.Build.Dense(k, k);
        for (var iter = 0; iter < 100; iter++)
        {
            xtwx = Matrix<double>.Build.Dense(k, k);
            var xtwz = Vector<double>.Build.Dense(k);
            for (var i = 0; i < n; i++)
            {
                var eta = 0.0;
                for (var p = 0; p < k; p++) eta += x[i * k + p] * beta[p];
                var mu = 1.0 / (1.0 + Math.Exp(-eta));
                var w = mu * (1.0 - mu);
                var z = eta + (y[i] - mu) / w;
                for (var p = 0; p < k; p++)
                {
                    xtwz[p] += x[i * k + p] * w * z;
                    for (var q = 0; q < k; q++) xtwx[p, q] += x[i * k + p] * w * x[i * k + q];
                }
            }
            var next = xtwx.Solve(xtwz).ToArray();
            var change = next.Zip(beta, (a, b) => Math.Abs(a - b)).Max();
            beta = next;
            if (change < 1e-13) break;
        }
        // Information at the final estimate.
        xtwx = Matrix<double>.Build.Dense(k, k);
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var p = 0; p < k; p++) eta += x[i * k + p] * beta[p];
            var mu = 1.0 / (1.0 + Math.Exp(-eta));
            for (var p = 0; p < k; p++)
                for (var q = 0; q < k; q++) xtwx[p, q] += x[i * k + p] * mu * (1.0 - mu) * x[i * k + q];
        }
        return (beta, xtwx.Inverse());
    }

    [Fact]
    public void WidePriors_EqualUnpenalisedIrls_EstimateAndCovariance()
    {
        var (x, y, n, k) = Simulated();
        var problem = new PenalizedLogit(x, y, k, new double[k], Enumerable.Repeat(1e4, k).ToArray());
        var fit = problem.Fit();
        var (beta, cov) = Irls(x, y, n, k);

        for (var p = 0; p < k; p++) Assert.True(Math.Abs(fit.Theta[p] - beta[p]) < 1e-5, $"theta[{p}] {fit.Theta[p]} vs IRLS {beta[p]}");
        for (var p = 0; p < k; p++)
        {
            for (var q = 0; q < k; q++)
            {
                var rel = Math.Abs(fit.Covariance[p, q] - cov[p, q]) / Math.Sqrt(cov[p, p] * cov[q, q]);
                Assert.True(rel < 1e-4, $"cov[{p},{q}] {fit.Covariance[p, q]} vs IRLS {cov[p, q]} (relative to the sd product: {rel:G3})");
            }
            Assert.True(Math.Abs(fit.Covariance[p, p] / cov[p, p] - 1) < 1e-4, $"var[{p}] {fit.Covariance[p, p]} vs {cov[p, p]}");
        }
        // The reported likelihood is the likelihood at the estimate, computed here by the textbook formula.
        var ll = 0.0;
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var p = 0; p < k; p++) eta += x[i * k + p] * fit.Theta[p];
            ll += y[i] == 1.0 ? Samples.LogSigmoid(eta) : Samples.LogSigmoid(-eta);
        }
        Assert.Equal(ll, fit.LogLikelihood, 1e-8);
        Assert.True(fit.GradientNorm < 1e-6, $"gradient {fit.GradientNorm}");
    }

    [Fact]
    public void InformativePriors_ShrinkTowardThePriorMean_AndStationarityHolds()
    {
        // The MAP satisfies Xᵀ(y − μ) = (θ − m)/sd²; check that equation directly, not the optimiser's own report.
        var (x, y, n, k) = Simulated(seed: 5, n: 300);
        var mean = new[] { 0.5, 0.0, -1.0, 2.0 };
        var sd = new[] { 0.3, 0.5, 0.2, 1.0 };
        var fit = new PenalizedLogit(x, y, k, mean, sd).Fit();
        var score = new double[k];
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var p = 0; p < k; p++) eta += x[i * k + p] * fit.Theta[p];
            var mu = 1.0 / (1.0 + Math.Exp(-eta));
            for (var p = 0; p < k; p++) score[p] += x[i * k + p] * (y[i] - mu);
        }
        for (var p = 0; p < k; p++) Assert.Equal(score[p], (fit.Theta[p] - mean[p]) / (sd[p] * sd[p]), 1e-6);
        // A very tight prior pins the estimate to its mean (within about sd² × the score, ≤ n·sd² here).
        var pinned = new PenalizedLogit(x, y, k, mean, Enumerable.Repeat(1e-4, k).ToArray()).Fit();
        for (var p = 0; p < k; p++) Assert.Equal(mean[p], pinned.Theta[p], 1e-5);
    }

    [Fact]
    public void PerfectSeparation_StaysFinite_AtAStationaryPoint()
    {
        // y = 1 exactly when x > 0: the unpenalised MLE slope is +∞.
        const int n = 200;
        var rng = new Random(3);
        var x = new double[n * 2];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var v = Samples.Normal(rng);
            if (Math.Abs(v) < 0.05) v = 0.05 * Math.Sign(v == 0 ? 1 : v);
            x[2 * i] = 1;
            x[2 * i + 1] = v;
            y[i] = v > 0 ? 1 : 0;
        }
        var problem = new PenalizedLogit(x, y, 2, [0, 0], [2.5, 2.5]);
        var fit = problem.Fit();
        Assert.All(fit.Theta, t => Assert.True(double.IsFinite(t)));
        Assert.True(fit.Theta[1] > 1.0, $"slope {fit.Theta[1]} should be large and positive");
        var (_, g, h) = problem.Evaluate(Vector<double>.Build.DenseOfArray(fit.Theta));
        Assert.True(g.L2Norm() < 1e-6, $"gradient norm {g.L2Norm():G3} at the returned mode");
        Assert.All(fit.Covariance.Cast<double>(), c => Assert.True(double.IsFinite(c)));
        Assert.True(h.Determinant() > 0);
        // Separation on one side only (no positive outcome at all in a group) — the moratorium case.
        var y2 = new double[n];
        for (var i = 0; i < n; i++) y2[i] = x[2 * i + 1] > 0 ? 0 : rng.NextDouble() < 0.5 ? 1 : 0;
        var p2 = new PenalizedLogit(x, y2, 2, [0, 0], [2.5, 2.5]);
        var f2 = p2.Fit();
        Assert.All(f2.Theta, t => Assert.True(double.IsFinite(t)));
        Assert.True(p2.Evaluate(Vector<double>.Build.DenseOfArray(f2.Theta)).Gradient.L2Norm() < 1e-6);
    }

    private static PenalizedLogit SmallProblem(bool weighted)
    {
        var (x, y, n, k) = Simulated(seed: 21, n: 60);
        var rng = new Random(8);
        var w = weighted ? Enumerable.Range(0, n).Select(_ => 0.2 + 2 * rng.NextDouble()).ToArray() : null;
        return new PenalizedLogit(x, y, k, [0.1, -0.2, 0.3, 0.0], [1.5, 0.7, 2.0, 3.0], w);
    }

    [Fact]
    public void EvaluateGradientAndHessian_MatchCentralFiniteDifferences()
    {
        Gen.Double[-3, 3].Array[4].Select(Gen.Bool).Sample((theta, weighted) =>
        {
            var problem = SmallProblem(weighted);
            var k = problem.Columns;
            var v = Vector<double>.Build.DenseOfArray(theta);
            var (_, g, h) = problem.Evaluate(v);
            const double step = 1e-5;
            for (var p = 0; p < k; p++)
            {
                var up = v.Clone();
                var down = v.Clone();
                up[p] += step;
                down[p] -= step;
                var eu = problem.Evaluate(up);
                var ed = problem.Evaluate(down);
                var fd = (eu.Value - ed.Value) / (2 * step);
                Assert.True(Math.Abs(fd - g[p]) < 1e-5 * (1 + Math.Abs(g[p])), $"gradient[{p}] {g[p]} vs {fd}");
                for (var q = 0; q < k; q++)
                {
                    var fdh = (eu.Gradient[q] - ed.Gradient[q]) / (2 * step);
                    Assert.True(Math.Abs(fdh - h[p, q]) < 1e-5 * (1 + Math.Abs(h[p, q])), $"hessian[{p},{q}] {h[p, q]} vs {fdh}");
                }
            }
            Assert.True((h - h.Transpose()).FrobeniusNorm() == 0, "Hessian not exactly symmetric");
        }, iter: 60, seed: "0000000Q1xM2");
    }

    [Fact]
    public void LogLikelihoodPlusLogPrior_IsMinusTheValue()
    {
        Gen.Double[-4, 4].Array[4].Select(Gen.Bool).Sample((theta, weighted) =>
        {
            var problem = SmallProblem(weighted);
            var (value, _, _) = problem.Evaluate(Vector<double>.Build.DenseOfArray(theta));
            var sum = problem.LogLikelihood(theta) + problem.LogPrior(theta);
            Assert.True(Math.Abs(sum + value) < 1e-10 * (1 + Math.Abs(value)), $"{sum} vs −{value}");
        }, iter: 200, seed: "0000000Q1xM3");
    }

    [Fact]
    public void LogLikelihood_MatchesTextbookFormula_IncludingExtremePredictors()
    {
        var (x, y, n, k) = Simulated(seed: 4, n: 50);
        Gen.Double[-40, 40].Array[4].Sample(theta =>
        {
            var expected = 0.0;
            for (var i = 0; i < n; i++)
            {
                var eta = 0.0;
                for (var p = 0; p < k; p++) eta += x[i * k + p] * theta[p];
                expected += y[i] == 1.0 ? Samples.LogSigmoid(eta) : Samples.LogSigmoid(-eta);
            }
            var got = new PenalizedLogit(x, y, k, new double[k], Enumerable.Repeat(1.0, k).ToArray()).LogLikelihood(theta);
            Assert.True(double.IsFinite(got));
            Assert.True(Math.Abs(got - expected) < 1e-9 * (1 + Math.Abs(expected)), $"{got} vs {expected}");
        }, iter: 200, seed: "0000000Q1xM4");
    }

    [Fact]
    public void IntegerWeights_AreTheSameAsRepeatingRows()
    {
        var (x, y, n, k) = Simulated(seed: 9, n: 120);
        var rng = new Random(2);
        var w = Enumerable.Range(0, n).Select(_ => (double)rng.Next(1, 4)).ToArray();
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < (int)w[i]; c++)
            {
                xs.AddRange(x.AsSpan(i * k, k).ToArray());
                ys.Add(y[i]);
            }
        }
        var prior = Enumerable.Repeat(1.0, k).ToArray();
        var weighted = new PenalizedLogit(x, y, k, new double[k], prior, w).Fit();
        var repeated = new PenalizedLogit([.. xs], [.. ys], k, new double[k], prior).Fit();
        for (var p = 0; p < k; p++) Assert.Equal(repeated.Theta[p], weighted.Theta[p], 1e-8);
        for (var p = 0; p < k; p++) Assert.Equal(repeated.Covariance[p, p], weighted.Covariance[p, p], 1e-10);
        Assert.Equal(repeated.LogLikelihood, weighted.LogLikelihood, 1e-8);
    }

    [Fact]
    public void Constructor_RejectsInconsistentShapes()
    {
        Assert.Throws<ArgumentException>(() => new PenalizedLogit(new double[5], new double[2], 2, [0, 0], [1, 1]));
        Assert.Throws<ArgumentException>(() => new PenalizedLogit(new double[4], new double[2], 2, [0], [1, 1]));
        Assert.Throws<ArgumentException>(() => new PenalizedLogit(new double[4], new double[2], 2, [0, 0], [1, 1], [1.0]));
        Assert.Throws<ArgumentException>(() => new PenalizedLogit(new double[4], new double[2], 0, [], []));
    }
}
