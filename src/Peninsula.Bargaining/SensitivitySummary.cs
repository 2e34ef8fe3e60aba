using System.Collections.Immutable;

namespace Peninsula.Bargaining;

/// <summary>The spread of one dimension's forecast over the perturbed runs (0–100 scale).</summary>
/// <param name="Dimension">Dimension name.</param>
/// <param name="Mean">Mean forecast.</param>
/// <param name="Sd">Sample standard deviation (n − 1; 0 for one run).</param>
/// <param name="Q05">5% quantile (linear interpolation between order statistics, Hyndman–Fan type 7).</param>
/// <param name="Q50">Median.</param>
/// <param name="Q95">95% quantile.</param>
public sealed record DimensionSensitivity(string Dimension, double Mean, double Sd, double Q05, double Q50, double Q95);

/// <summary>What <see cref="Sensitivity.Run"/> found.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Spread">Noise scale used (sd on the 0–100 scale; the capabilities' log-sd is Spread/100).</param>
/// <param name="Runs">Number of perturbed runs.</param>
/// <param name="Seed">Seed of the perturbations.</param>
/// <param name="BaseForecast">The model's forecast on the unperturbed input.</param>
/// <param name="Dimensions">Per dimension, in the issue space's order.</param>
public sealed record SensitivitySummary(
    string Model,
    double Spread,
    int Runs,
    ulong Seed,
    ImmutableArray<double> BaseForecast,
    ImmutableArray<DimensionSensitivity> Dimensions);
