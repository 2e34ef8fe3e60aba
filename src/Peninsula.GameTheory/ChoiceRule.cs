using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;

namespace Peninsula.GameTheory;

/// <summary>Distribution of the random utility errors of a quantal choice.</summary>
public enum ChoiceLink
{
    /// <summary>Type-I extreme-value errors: <c>σ = softmax(λ U)</c>.</summary>
    Logit,

    /// <summary>
    /// Independent standard-normal errors on each (λ-scaled) utility: for two alternatives
    /// <c>p = Φ(λ ΔU / √2)</c>; with more alternatives the multinomial probit with identity error covariance.
    /// </summary>
    Probit,
}

/// <summary>Quantal (random-utility) choice probabilities.</summary>
public static class ChoiceRule
{
    /// <summary>
    /// Probability of choosing each alternative when the chooser maximises <c>λ U_j + ε_j</c>, with errors
    /// distributed as <paramref name="link"/> says.
    /// </summary>
    /// <param name="utilities">Utilities of the alternatives (at least one).</param>
    /// <param name="lambda">Precision λ ≥ 0 (λ = 0 gives the uniform distribution).</param>
    /// <param name="link">Error distribution.</param>
    /// <returns>Choice probabilities, summing to 1.</returns>
    public static double[] Probabilities(ReadOnlySpan<double> utilities, double lambda, ChoiceLink link)
    {
        if (utilities.IsEmpty)
        {
            throw new ArgumentException("At least one alternative is required.", nameof(utilities));
        }

        if (!(lambda >= 0) || !double.IsFinite(lambda))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "Lambda must be finite and non-negative.");
        }

        return link switch
        {
            ChoiceLink.Logit => Softmax(utilities, lambda),
            ChoiceLink.Probit => utilities.Length == 2 ? BinaryProbit(utilities, lambda) : MultinomialProbit(utilities, lambda),
            _ => throw new ArgumentOutOfRangeException(nameof(link), link, "Unknown link."),
        };
    }

    private static double[] Softmax(ReadOnlySpan<double> u, double lambda)
    {
        double max = double.NegativeInfinity;
        foreach (double v in u)
        {
            max = Math.Max(max, lambda * v);
        }

        var p = new double[u.Length];
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            p[i] = Math.Exp((lambda * u[i]) - max);
            sum += p[i];
        }

        for (int i = 0; i < u.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    private static double[] BinaryProbit(ReadOnlySpan<double> u, double lambda)
    {
        double z = lambda * (u[0] - u[1]) / Math.Sqrt(2);
        return [Normal.CDF(0, 1, z), Normal.CDF(0, 1, -z)];
    }

    /// <summary>
    /// <c>P(i) = ∫ φ(z) Π_{j≠i} Φ(z + λ (U_i − U_j)) dz</c>, by adaptive Gauss–Kronrod quadrature.
    /// Internal so that tests can compare it with the closed form for two alternatives.
    /// </summary>
    internal static double[] MultinomialProbit(ReadOnlySpan<double> u, double lambda)
    {
        var scaled = new double[u.Length];
        for (int i = 0; i < u.Length; i++)
        {
            scaled[i] = lambda * u[i];
        }

        var p = new double[u.Length];
        if (u.Length == 1)
        {
            p[0] = 1;
            return p;
        }

        for (int i = 0; i < u.Length; i++)
        {
            int k = i;
            double Integrand(double z)
            {
                double f = Normal.PDF(0, 1, z);
                for (int j = 0; j < scaled.Length && f > 0; j++)
                {
                    if (j != k)
                    {
                        f *= Normal.CDF(0, 1, z + scaled[k] - scaled[j]);
                    }
                }

                return f;
            }

            // φ(z) < 1e-30 beyond |z| = 11.6; the integrand is smooth, so the adaptive rule converges quickly.
            p[i] = GaussKronrodRule.Integrate(Integrand, -12, 12, out _, out _, 1e-14, 20, 61);
        }

        return p;
    }
}
