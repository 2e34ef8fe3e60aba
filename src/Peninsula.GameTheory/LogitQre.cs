using MathNet.Numerics.RootFinding;

namespace Peninsula.GameTheory;

/// <summary>A point of the logit QRE principal branch.</summary>
/// <param name="Lambda">Precision parameter λ ≥ 0.</param>
/// <param name="Profile">Mixed profile <c>[P1 strategies…, P2 strategies…]</c>.</param>
public sealed record QrePoint(double Lambda, double[] Profile);

/// <summary>Result of the maximum-likelihood estimation of λ.</summary>
/// <param name="Lambda">Estimated λ.</param>
/// <param name="LogLikelihood"><c>Σ n_k log σ_k(λ)</c> at the estimate (no multinomial constant).</param>
/// <param name="Profile">The QRE profile at the estimate.</param>
/// <param name="Converged">
/// <see langword="true"/> if the estimate is an interior stationary maximum of the likelihood along the branch;
/// <see langword="false"/> if the best point is at a boundary (λ = 0 or the search limit), in which case the
/// other fields describe that boundary point.
/// </param>
public sealed record LambdaFit(double Lambda, double LogLikelihood, double[] Profile, bool Converged);

/// <summary>
/// Logit quantal response equilibrium of two-player normal-form games:
/// <c>σ_i(s) = exp(λ U_i(s, σ_−i)) / Σ_s' exp(λ U_i(s', σ_−i))</c>, on the principal branch traced from the
/// centroid at λ = 0.
/// </summary>
public static class LogitQre
{
    /// <summary>Default upper limit of λ searched by <see cref="FitLambda"/>.</summary>
    public const double DefaultMaxLambda = 1000;

    /// <summary>
    /// The logit QRE on the principal branch at <paramref name="lambda"/>: the branch is traced from the centroid
    /// by predictor–corrector continuation up to the first point where it reaches <paramref name="lambda"/>, which
    /// is then polished by Newton's method (residual ≈ 1e-12 or better).
    /// </summary>
    /// <param name="game">The game.</param>
    /// <param name="lambda">Precision λ ≥ 0.</param>
    /// <returns>The profile <c>[P1 strategies…, P2 strategies…]</c>.</returns>
    public static double[] Solve(NormalFormGame game, double lambda)
    {
        var path = TracePath(game, lambda);
        return path[^1].Profile;
    }

    /// <summary>
    /// The points computed while tracing the principal branch from λ = 0 (the centroid) to <paramref name="maxLambda"/>;
    /// the last point is exactly at <paramref name="maxLambda"/>. Points are spaced by the adaptive step control.
    /// </summary>
    /// <param name="game">The game.</param>
    /// <param name="maxLambda">Where to stop, ≥ 0.</param>
    public static IReadOnlyList<QrePoint> TracePath(NormalFormGame game, double maxLambda)
    {
        ArgumentNullException.ThrowIfNull(game);
        CheckLambda(maxLambda, nameof(maxLambda));
        var sys = new LogitPath(game);
        var start = sys.Start();
        var points = new List<QrePoint> { new(0, sys.Profile(start)) };
        if (maxLambda == 0)
        {
            return points;
        }

        sys.Trace(maxLambda, (_, _, z, _) =>
        {
            points.Add(new QrePoint(z[sys.N], sys.Profile(z)));
            return true;
        });
        return points;
    }

    /// <summary>
    /// Largest absolute violation of the logit QRE fixed-point equations by <paramref name="profile"/> at
    /// <paramref name="lambda"/>: <c>max |σ − softmax(λ U(σ))|</c> over both players.
    /// </summary>
    public static double FixedPointResidual(NormalFormGame game, ReadOnlySpan<double> profile, double lambda)
    {
        ArgumentNullException.ThrowIfNull(game);
        int n1 = game.Player1StrategyCount, n = game.ProfileLength;
        var u = new double[n];
        game.StrategyPayoffs(profile, u);
        var p1 = ChoiceRule.Probabilities(u.AsSpan(0, n1), lambda, ChoiceLink.Logit);
        var p2 = ChoiceRule.Probabilities(u.AsSpan(n1), lambda, ChoiceLink.Logit);
        double worst = 0;
        for (int i = 0; i < n; i++)
        {
            worst = Math.Max(worst, Math.Abs(profile[i] - (i < n1 ? p1[i] : p2[i - n1])));
        }

        return worst;
    }

    /// <summary>Multinomial log-likelihood <c>Σ n_k log σ_k</c> (terms with <c>n_k = 0</c> are skipped).</summary>
    public static double LogLikelihood(ReadOnlySpan<double> counts, ReadOnlySpan<double> profile)
    {
        if (counts.Length != profile.Length)
        {
            throw new ArgumentException("Counts and profile must have the same length.", nameof(counts));
        }

        double l = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                l += counts[i] * Math.Log(profile[i]);
            }
        }

        return l;
    }

    /// <summary>
    /// Maximum-likelihood estimate of λ from observed strategy counts: maximises <c>Σ n_k log σ_k(λ)</c> along the
    /// principal branch for λ in [0, <paramref name="maxLambda"/>].
    /// </summary>
    /// <remarks>
    /// The branch is traced once; the directional derivative of the log-likelihood along the path,
    /// <c>Σ n_k t_k</c> with <c>t</c> the unit tangent in log-probability coordinates, brackets every local maximum
    /// (sign change from + to −). Each bracket is refined by Brent's root finder (MathNet.Numerics) on that
    /// derivative, the point is Newton-polished, and the best local maximum is returned. Because the derivative is
    /// analytic (implicit differentiation of the QRE equations), λ is located to near machine precision rather than
    /// to the square root of it as with derivative-free maximisers.
    /// </remarks>
    /// <param name="game">The game.</param>
    /// <param name="counts">Observed counts of each strategy in profile layout <c>[P1…, P2…]</c>; non-negative.</param>
    /// <param name="maxLambda">Upper limit of the search.</param>
    public static LambdaFit FitLambda(NormalFormGame game, IReadOnlyList<double> counts, double maxLambda = DefaultMaxLambda)
    {
        ArgumentNullException.ThrowIfNull(game);
        ArgumentNullException.ThrowIfNull(counts);
        CheckLambda(maxLambda, nameof(maxLambda));
        int n = game.ProfileLength;
        if (counts.Count != n)
        {
            throw new ArgumentException($"Expected {n} counts in profile layout.", nameof(counts));
        }

        var w = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            if (!(counts[i] >= 0) || !double.IsFinite(counts[i]))
            {
                throw new ArgumentException("Counts must be finite and non-negative.", nameof(counts));
            }

            w[i] = counts[i];
        }

        var sys = new LogitPath(game);
        double[] start = sys.Start();
        double bestBoundaryL = LogitPath.Dot(w, start);
        double[] bestBoundary = start;
        double[]? best = null;
        double bestL = double.NegativeInfinity;

        if (maxLambda > 0)
        {
            sys.Trace(maxLambda, (y, ty, z, tz) =>
            {
                if (LogitPath.Dot(w, ty) > 0 && LogitPath.Dot(w, tz) <= 0)
                {
                    var peak = RefineMaximum(sys, w, y, z);
                    double l = peak is null ? double.NegativeInfinity : LogitPath.Dot(w, peak);
                    if (l > bestL)
                    {
                        (best, bestL) = (peak, l);
                    }
                }

                if (z[n] >= maxLambda && LogitPath.Dot(w, z) > bestBoundaryL)
                {
                    (bestBoundary, bestBoundaryL) = ((double[])z.Clone(), LogitPath.Dot(w, z));
                }

                return true;
            });
        }

        bool converged = best is not null && bestL >= bestBoundaryL;
        double[] point = converged ? best! : bestBoundary;
        var profile = sys.Profile(point);
        return new LambdaFit(point[n], LogLikelihood(w.AsSpan(0, n), profile), profile, converged);
    }

    /// <summary>
    /// Derivative <c>dL/dλ</c> of <c>L = Σ n_k log σ_k(λ)</c> along the principal branch at <paramref name="lambda"/>
    /// (from the path tangent, i.e. implicit differentiation of the QRE equations).
    /// </summary>
    internal static double LogLikelihoodSlope(NormalFormGame game, IReadOnlyList<double> counts, double lambda)
    {
        var sys = new LogitPath(game);
        double[] tangent = [];
        sys.Trace(lambda, (_, _, _, tz) =>
        {
            tangent = (double[])tz.Clone();
            return true;
        });
        double slope = 0;
        for (int i = 0; i < sys.N; i++)
        {
            slope += counts[i] * tangent[i];
        }

        return slope / tangent[sys.N];
    }

    /// <summary>
    /// Locates the zero of the path derivative of the log-likelihood on the accepted segment <c>[ya, yb]</c>:
    /// points are parametrised by <c>τ ∈ [0, 1]</c> as the curve point on the hyperplane through
    /// <c>ya + τ (yb − ya)</c> orthogonal to the chord, which also works across folds in λ. Returns <see langword="null"/> if the refinement fails.
    /// </summary>
    private static double[]? RefineMaximum(LogitPath sys, double[] w, double[] ya, double[] yb)
    {
        int m = ya.Length;
        var d = new double[m];
        for (int i = 0; i < m; i++)
        {
            d[i] = yb[i] - ya[i];
        }

        double da = LogitPath.Dot(d, ya), dd = LogitPath.Dot(d, d);
        var p = new double[m];
        var t = new double[m];

        bool PointAt(double tau)
        {
            for (int i = 0; i < m; i++)
            {
                p[i] = ya[i] + (tau * d[i]);
            }

            return sys.Polish(p, d, da + (tau * dd)) && sys.Tangent(p, d, t);
        }

        double Slope(double tau) => PointAt(tau) ? LogitPath.Dot(w, t) : double.NaN;

        if (!Brent.TryFindRoot(Slope, 0, 1, 1e-14, 200, out double tauStar) || !PointAt(tauStar))
        {
            return null;
        }

        return sys.Polish(p, sys.LambdaAxis(), p[m - 1]) ? (double[])p.Clone() : null;
    }

    private static void CheckLambda(double lambda, string name)
    {
        if (!(lambda >= 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentOutOfRangeException(name, lambda, "Lambda must be finite and non-negative.");
        }
    }
}
