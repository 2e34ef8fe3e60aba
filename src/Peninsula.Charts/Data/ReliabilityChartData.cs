using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>One forecast-probability bin of a reliability diagram.</summary>
/// <param name="MeanForecast">Mean forecast probability of the bin's forecasts, in [0, 1].</param>
/// <param name="ObservedFrequency">Share of the bin's forecasts whose event happened, in [Lower, Upper].</param>
/// <param name="Count">Number of forecasts in the bin, ≥ 1 (leave empty bins out).</param>
/// <param name="Lower">Lower end of the observed frequency's interval (e.g. Wilson 90%), in [0, 1].</param>
/// <param name="Upper">Upper end of the interval, in [0, 1].</param>
public sealed record ReliabilityBin(double MeanForecast, double ObservedFrequency, int Count, double Lower, double Upper);

/// <summary>The bins of one forecast target (e.g. "level≥3 within 12 months").</summary>
/// <param name="Name">Target name, distinct within the chart.</param>
/// <param name="Bins">At least one bin.</param>
public sealed record ReliabilityTarget(string Name, ImmutableArray<ReliabilityBin> Bins);

/// <summary>
/// Reliability diagram: observed frequency against mean forecast per bin with interval bars and the
/// diagonal of perfect calibration, above a panel with the number of forecasts per bin.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Targets">One or more forecast targets.</param>
public sealed record ReliabilityChartData(string Title, ImmutableArray<ReliabilityTarget> Targets)
{
    /// <summary>Meaning of the interval bars, shown in the legend; default "90% interval".</summary>
    public string IntervalLabel { get; init; } = "90% interval";
}
