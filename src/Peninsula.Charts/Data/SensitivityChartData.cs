using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// How far one factor moves one outcome's probability: the smallest and largest change (in [−1, 1]) across the
/// factor's values, measured against a base value whose own change is 0 — so usually <c>Low ≤ 0 ≤ High</c>.
/// </summary>
/// <param name="Outcome">Outcome, e.g. "level≥5 within 12 months".</param>
/// <param name="Factor">Factor (a lever or the package), e.g. "demand".</param>
/// <param name="Low">Smallest change; at most <paramref name="High"/>.</param>
/// <param name="High">Largest change.</param>
public sealed record SensitivityBar(string Outcome, string Factor, double Low, double High)
{
    /// <summary>The factor's value giving <see cref="Low"/>, written at the bar's left end (may be empty).</summary>
    public string LowLabel { get; init; } = "";

    /// <summary>The factor's value giving <see cref="High"/>, written at the bar's right end (may be empty).</summary>
    public string HighLabel { get; init; } = "";
}

/// <summary>
/// A tornado chart: per outcome, one horizontal bar per factor from its smallest to its largest change against the
/// base, widest first, decreases and increases in two colours, a zero line, and the values at the bar ends.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Bars">At least one; each (outcome, factor) pair at most once.</param>
public sealed record SensitivityChartData(string Title, ImmutableArray<SensitivityBar> Bars)
{
    /// <summary>Value-axis label.</summary>
    public string ValueLabel { get; init; } = "Change in probability against the base (percentage points)";

    /// <summary>Category-axis label.</summary>
    public string CategoryLabel { get; init; } = "Outcome · factor";
}
