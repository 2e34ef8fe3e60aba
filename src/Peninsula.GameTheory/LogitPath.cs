namespace Peninsula.GameTheory;

/// <summary>
/// The logit QRE correspondence of a two-player game written as <c>H(y) = 0</c> with
/// <c>y = (log σ1…, log σ2…, λ)</c>, and a predictor–corrector tracer of its principal branch.
/// </summary>
/// <remarks>
/// For each player with reference strategy 0 the equations are
/// <c>log σ(s) − log σ(0) − λ (U(s) − U(0)) = 0</c> for <c>s ≥ 1</c> and <c>Σ σ(s) − 1 = 0</c>.
/// The curve is followed by pseudo-arclength continuation: an Euler predictor along the unit tangent
/// (null vector of the Jacobian) and Newton correction in the hyperplane orthogonal to it, with
/// step-size control by the size and contraction of the Newton corrections and by the turning angle.
/// Log-probability coordinates keep the problem well conditioned as probabilities approach zero.
/// Instances are not thread-safe (they hold scratch buffers).
/// </remarks>
internal sealed class LogitPath
{
    private const double TraceTolerance = 1e-10;
    private const double MinStep = 1e-9;
    private const int MaxSteps = 200_000;
    private const double MaxDistance = 0.05;
    private const double MaxContraction = 0.3;
    private const double MaxAngle = 0.2;

    private readonly NormalFormGame game;
    private readonly int n1;
    private readonly int n;
    private readonly double[] sigma;
    private readonly double[] util;
    private readonly double[] res;
    private readonly double[] mat;
    private readonly double[] rhs;

    public LogitPath(NormalFormGame game)
    {
        this.game = game;
        n1 = game.Player1StrategyCount;
        n = game.ProfileLength;
        sigma = new double[n];
        util = new double[n];
        res = new double[n];
        mat = new double[(n + 1) * (n + 1)];
        rhs = new double[n + 1];
    }

    /// <summary>Largest arclength step as a function of λ (the branch straightens as λ grows).</summary>
    internal Func<double, double> MaxStep { get; init; } = lambda => 1 + (0.25 * Math.Abs(lambda));

    /// <summary>Number of unknown log-probabilities; <c>y</c> has length <c>N + 1</c> (λ last).</summary>
    public int N => n;

    /// <summary>The centroid at λ = 0 in path coordinates.</summary>
    public double[] Start()
    {
        var y = new double[n + 1];
        int n2 = n - n1;
        for (int i = 0; i < n; i++)
        {
            y[i] = -Math.Log(i < n1 ? n1 : n2);
        }

        return y;
    }

    /// <summary>Unit vector along the λ axis.</summary>
    public double[] LambdaAxis()
    {
        var e = new double[n + 1];
        e[n] = 1;
        return e;
    }

    /// <summary>Profile (probabilities) of a path point.</summary>
    public double[] Profile(ReadOnlySpan<double> y)
    {
        var p = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = Math.Exp(y[i]);
        }

        return p;
    }

    /// <summary>Max-norm of <c>H(y)</c>.</summary>
    public double ResidualNorm(ReadOnlySpan<double> y)
    {
        Evaluate(y, jacobian: false);
        return MaxAbs(res);
    }

    /// <summary>
    /// Newton's method for <c>H(z) = 0, a·z = c</c>, updating <paramref name="z"/> in place. Converges when a
    /// correction is below 1e-10 relative to the coordinates; gives up after <paramref name="maxIterations"/>
    /// or when a correction fails to shrink.
    /// </summary>
    /// <param name="z">Start point; the corrected point on return.</param>
    /// <param name="a">Normal of the hyperplane constraint.</param>
    /// <param name="c">Right-hand side of the hyperplane constraint.</param>
    /// <param name="maxIterations">Iteration limit.</param>
    /// <param name="first">Max-norm of the first correction (distance from the start to the curve).</param>
    /// <param name="contraction">Largest ratio of successive correction norms (0 if one step sufficed).</param>
    public bool Correct(double[] z, double[] a, double c, int maxIterations, out double first, out double contraction)
    {
        double tol = TraceTolerance * (1 + MaxAbs(z));
        double prev = double.PositiveInfinity;
        first = double.PositiveInfinity;
        contraction = 0;
        for (int k = 0; k < maxIterations; k++)
        {
            if (!NewtonStep(z, a, c, out double norm))
            {
                return false;
            }

            if (k == 0)
            {
                first = norm;
            }
            else if (norm > tol)
            {
                contraction = Math.Max(contraction, norm / prev);
                if (norm >= prev)
                {
                    return false;
                }
            }

            if (norm <= tol)
            {
                return true;
            }

            prev = norm;
        }

        return false;
    }

    /// <summary>
    /// Newton polish to machine precision of <c>H(z) = 0, a·z = c</c>: iterates until the correction stops
    /// shrinking, then checks the residual (relative to the size of the coordinates, which grow like λ).
    /// </summary>
    public bool Polish(double[] z, double[] a, double c)
    {
        double prev = double.PositiveInfinity;
        for (int k = 0; k < 40; k++)
        {
            if (!NewtonStep(z, a, c, out double norm))
            {
                return false;
            }

            double scale = 1 + MaxAbs(z);
            if (norm <= 1e-15 * scale || (k >= 2 && norm >= 0.5 * prev && norm <= 1e-11 * scale))
            {
                break;
            }

            prev = norm;
        }

        return ResidualNorm(z) <= 1e-11 * (1 + MaxAbs(z));
    }

    /// <summary>Unit tangent <c>t</c> at <paramref name="z"/> (null vector of the Jacobian), oriented so that <c>a·t &gt; 0</c>.</summary>
    public bool Tangent(double[] z, double[] a, double[] t)
    {
        Evaluate(z, jacobian: true);
        SetLastRow(a);
        Array.Clear(rhs);
        rhs[n] = 1;
        if (!DenseLinear.Solve(mat, rhs, n + 1))
        {
            return false;
        }

        double norm = 0;
        for (int i = 0; i <= n; i++)
        {
            norm += rhs[i] * rhs[i];
        }

        norm = Math.Sqrt(norm);
        for (int i = 0; i <= n; i++)
        {
            t[i] = rhs[i] / norm;
        }

        return true;
    }

    /// <summary>
    /// Traces the principal branch from the centroid. Every accepted step is reported as
    /// <c>(previous point, its tangent, new point, its tangent)</c>; the callback returns <see langword="false"/> to stop.
    /// The step that reaches <paramref name="maxLambda"/> is replaced by the point polished at exactly
    /// <paramref name="maxLambda"/> and tracing stops after it.
    /// </summary>
    public void Trace(double maxLambda, Func<double[], double[], double[], double[], bool> onStep)
    {
        double[] y = Start();
        var t = new double[n + 1];
        if (!Tangent(y, LambdaAxis(), t))
        {
            throw new InvalidOperationException("Singular Jacobian at the centroid.");
        }

        var z = new double[n + 1];
        var tz = new double[n + 1];
        double h = 0.05;
        for (int step = 0; step < MaxSteps; step++)
        {
            for (int i = 0; i <= n; i++)
            {
                z[i] = y[i] + (h * t[i]);
            }

            // Accept a step only if the predictor landed close to the curve, Newton contracted fast and the
            // tangent turned little: this keeps the tracer from jumping to another branch of the correspondence.
            // Returning to λ ≤ 0 is impossible on the principal branch (the centroid is the only QRE at λ = 0).
            double factor = double.PositiveInfinity;
            if (Correct(z, t, Dot(t, z), 10, out double dist, out double contraction)
                && z[n] > 0
                && Tangent(z, t, tz))
            {
                double angle = Math.Acos(Math.Clamp(Dot(t, tz), -1, 1));
                factor = Math.Max(Math.Max(Math.Sqrt(dist / MaxDistance), Math.Sqrt(contraction / MaxContraction)), angle / MaxAngle);
            }

            if (!(factor <= 1))
            {
                h *= double.IsFinite(factor) ? Math.Clamp(1 / factor, 0.1, 0.5) : 0.5;
                if (h < MinStep)
                {
                    throw new InvalidOperationException($"Logit QRE path tracing failed near lambda = {y[n]}.");
                }

                continue;
            }

            if (z[n] >= maxLambda)
            {
                double w = (maxLambda - y[n]) / (z[n] - y[n]);
                for (int i = 0; i < n; i++)
                {
                    z[i] = y[i] + (w * (z[i] - y[i]));
                }

                z[n] = maxLambda;
                if (!Polish(z, LambdaAxis(), maxLambda) || !Tangent(z, t, tz))
                {
                    throw new InvalidOperationException($"Newton polish failed at lambda = {maxLambda}.");
                }

                onStep(y, t, z, tz);
                return;
            }

            if (!onStep(y, t, z, tz))
            {
                return;
            }

            (y, z) = (z, y);
            (t, tz) = (tz, t);
            h = Math.Min(h / Math.Max(factor, 0.5), MaxStep(y[n]));
        }

        throw new InvalidOperationException("Logit QRE path tracing exceeded the step limit.");
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private bool NewtonStep(double[] z, double[] a, double c, out double norm)
    {
        Evaluate(z, jacobian: true);
        SetLastRow(a);
        for (int i = 0; i < n; i++)
        {
            rhs[i] = -res[i];
        }

        rhs[n] = c - Dot(a, z);
        norm = double.PositiveInfinity;
        if (!DenseLinear.Solve(mat, rhs, n + 1))
        {
            return false;
        }

        for (int i = 0; i <= n; i++)
        {
            z[i] += rhs[i];
        }

        norm = MaxAbs(rhs);
        return true;
    }

    private void SetLastRow(double[] a) => Array.Copy(a, 0, mat, n * (n + 1), n + 1);

    /// <summary>Fills <c>res = H(y)</c> and, if asked, rows <c>0..N−1</c> of <c>mat</c> with the Jacobian.</summary>
    private void Evaluate(ReadOnlySpan<double> y, bool jacobian)
    {
        int n2 = n - n1, m = n + 1;
        double lambda = y[n];
        for (int i = 0; i < n; i++)
        {
            sigma[i] = Math.Exp(y[i]);
        }

        game.StrategyPayoffs(sigma, util);
        if (jacobian)
        {
            Array.Clear(mat);
        }

        // Player 1: rows 0..n1-2 are the logit ratios, row n1-1 the simplex constraint.
        for (int s = 1; s < n1; s++)
        {
            int row = s - 1;
            res[row] = y[s] - y[0] - (lambda * (util[s] - util[0]));
            if (jacobian)
            {
                mat[(row * m) + s] += 1;
                mat[(row * m) + 0] -= 1;
                for (int c = 0; c < n2; c++)
                {
                    mat[(row * m) + n1 + c] = -lambda * (game.Player1Payoff(s, c) - game.Player1Payoff(0, c)) * sigma[n1 + c];
                }

                mat[(row * m) + n] = -(util[s] - util[0]);
            }
        }

        res[n1 - 1] = SumMinusOne(sigma, 0, n1);
        if (jacobian)
        {
            for (int r = 0; r < n1; r++)
            {
                mat[((n1 - 1) * m) + r] = sigma[r];
            }
        }

        // Player 2: rows n1..n-2 are the logit ratios, row n-1 the simplex constraint.
        for (int c = 1; c < n2; c++)
        {
            int row = n1 + c - 1;
            res[row] = y[n1 + c] - y[n1] - (lambda * (util[n1 + c] - util[n1]));
            if (jacobian)
            {
                mat[(row * m) + n1 + c] += 1;
                mat[(row * m) + n1] -= 1;
                for (int r = 0; r < n1; r++)
                {
                    mat[(row * m) + r] = -lambda * (game.Player2Payoff(r, c) - game.Player2Payoff(r, 0)) * sigma[r];
                }

                mat[(row * m) + n] = -(util[n1 + c] - util[n1]);
            }
        }

        res[n - 1] = SumMinusOne(sigma, n1, n2);
        if (jacobian)
        {
            for (int c = 0; c < n2; c++)
            {
                mat[((n - 1) * m) + n1 + c] = sigma[n1 + c];
            }
        }
    }

    private static double SumMinusOne(double[] p, int start, int count)
    {
        double s = 0;
        for (int i = start; i < start + count; i++)
        {
            s += p[i];
        }

        return s - 1;
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        double m = 0;
        foreach (double x in v)
        {
            m = Math.Max(m, Math.Abs(x));
        }

        return m;
    }
}
