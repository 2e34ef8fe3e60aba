using System.Collections.Immutable;

namespace Peninsula.Engine.Output;

/// <summary>Where the parameters came from.</summary>
/// <param name="Source">"priors" or "fit".</param>
/// <param name="Cutoff">Last month of data used by a fit (YYYY-MM), or null for priors.</param>
/// <param name="Sha256">SHA-256 of the calibration (the scenario's parameter block for priors).</param>
public sealed record CalibrationInfo(string Source, string? Cutoff, string Sha256);

/// <summary>Provenance of an output (DESIGN section 2).</summary>
public sealed record Provenance(string CodeVersion, string ScenarioSha256, string DataSha256, CalibrationInfo Calibration);

/// <summary>Mean and 5/50/95% quantiles of a quantity in one month.</summary>
public sealed record QuantitySummary(double Mean, double Q05, double Q50, double Q95);

/// <summary>A probability with its 50% and 90% intervals over parameter draws (Monte Carlo noise removed).</summary>
public sealed record ProbabilityBand(double P, (double Lo, double Hi) Band50, (double Lo, double Hi) Band90);

/// <summary>P(first occurrence of an event by the end of month t), t = 1..months, with parameter bands.</summary>
public sealed record CumulativeCurve(string Id, ImmutableArray<ProbabilityBand> ByMonth);

/// <summary>One month of a forecast (Exceedance[k − 1] is P(level ≥ k), k = 1..6).</summary>
public sealed record MonthlyForecast(
    string Month,
    ImmutableArray<double> Ladder,
    ImmutableArray<(double Lo, double Hi)> LadderCi90,
    double Engage,
    ImmutableArray<double> Phase,
    QuantitySummary SanctionsPressure,
    QuantitySummary EconomicStress,
    QuantitySummary Trust,
    ImmutableArray<ProbabilityBand> Exceedance);

/// <summary>The probability of a first occurrence within a window.</summary>
public sealed record OutcomeForecast(string Id, int WithinMonths, double P, (double Lo, double Hi) Ci95Mc, (double Lo, double Hi) Ci90Param);

/// <summary>A forecast (DESIGN section 7): no timing, host or database fields.</summary>
public sealed record ForecastDocument(
    string Scenario,
    string Policy,
    Provenance Provenance,
    string Start,
    int Months,
    int Runs,
    int ParameterDraws,
    ulong Seed,
    ImmutableArray<string> LevelLabels,
    ImmutableArray<MonthlyForecast> Monthly,
    ImmutableArray<OutcomeForecast> Outcomes,
    ImmutableArray<CumulativeCurve> Cumulative);
