using System.Globalization;

namespace Peninsula.Testing;

/// <summary>What a fuzz run saw (every case kept its promises, or the run would have thrown).</summary>
/// <param name="Parser">Which parser.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Cases">Cases run.</param>
/// <param name="Accepted">Inputs the parser accepted.</param>
/// <param name="Rejected">Inputs it rejected with located one-line errors.</param>
/// <param name="DistinctProblems">Distinct kinds of first error (location, quoted values and numbers blanked).</param>
public sealed record FuzzReport(string Parser, ulong Seed, int Cases, int Accepted, int Rejected, int DistinctProblems)
{
    /// <summary>One line for test output.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Parser}: {Cases} cases (seed 0x{Seed:X16}): {Accepted} accepted, {Rejected} rejected, {DistinctProblems} kinds of error");
}
