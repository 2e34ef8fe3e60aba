using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// A monthly line with an optional band, e.g. a mean with its 5–95% range across runs.
/// <see cref="Lower"/> and <see cref="Upper"/> are either both empty (no band) or both as long as
/// <see cref="Values"/>, with <c>Lower[i] ≤ Upper[i]</c>.
/// </summary>
/// <param name="Name">Legend text (e.g. the policy package).</param>
/// <param name="Values">The line, one value per month.</param>
/// <param name="Lower">Lower band edge per month, or empty.</param>
/// <param name="Upper">Upper band edge per month, or empty.</param>
public sealed record BandedSeries(string Name, ImmutableArray<double> Values, ImmutableArray<double> Lower, ImmutableArray<double> Upper)
{
    /// <summary>A line without a band.</summary>
    public BandedSeries(string name, ImmutableArray<double> values)
        : this(name, values, [], [])
    {
    }

    /// <summary>Whether a band is drawn.</summary>
    public bool HasBand => !Lower.IsDefaultOrEmpty || !Upper.IsDefaultOrEmpty;
}
