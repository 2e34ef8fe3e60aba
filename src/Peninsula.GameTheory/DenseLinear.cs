namespace Peninsula.GameTheory;

/// <summary>Tiny dense linear solver for the small systems of the path tracer.</summary>
internal static class DenseLinear
{
    /// <summary>
    /// Solves <c>A x = b</c> in place by Gaussian elimination with partial pivoting.
    /// <paramref name="a"/> is row-major <c>m × m</c> and is destroyed; <paramref name="b"/> receives the solution.
    /// </summary>
    /// <returns><see langword="false"/> if the matrix is numerically singular or the solution is not finite.</returns>
    public static bool Solve(double[] a, double[] b, int m)
    {
        for (int k = 0; k < m; k++)
        {
            int p = k;
            double best = Math.Abs(a[(k * m) + k]);
            for (int i = k + 1; i < m; i++)
            {
                double v = Math.Abs(a[(i * m) + k]);
                if (v > best)
                {
                    best = v;
                    p = i;
                }
            }

            if (!(best > 1e-300))
            {
                return false;
            }

            if (p != k)
            {
                for (int j = 0; j < m; j++)
                {
                    (a[(k * m) + j], a[(p * m) + j]) = (a[(p * m) + j], a[(k * m) + j]);
                }

                (b[k], b[p]) = (b[p], b[k]);
            }

            double pivot = a[(k * m) + k];
            for (int i = k + 1; i < m; i++)
            {
                double f = a[(i * m) + k] / pivot;
                if (f == 0)
                {
                    continue;
                }

                for (int j = k + 1; j < m; j++)
                {
                    a[(i * m) + j] -= f * a[(k * m) + j];
                }

                b[i] -= f * b[k];
            }
        }

        for (int i = m - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < m; j++)
            {
                s -= a[(i * m) + j] * b[j];
            }

            b[i] = s / a[(i * m) + i];
            if (!double.IsFinite(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
