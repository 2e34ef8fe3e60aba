using System.Collections.Immutable;
using System.Globalization;

namespace Peninsula.Testing;

/// <summary>
/// One fuzz case of a <see cref="Mutator"/>: which source input, which lines of it (for line-record formats), and
/// the edits applied. Generated from a seed and a case index, so it is enough to replay the input.
/// </summary>
/// <param name="Source">Index of the source input.</param>
/// <param name="ExcerptStart">First kept line after the first line (modulo the line count), when excerpting.</param>
/// <param name="ExcerptLines">Lines kept after the first line; 0 keeps the whole source.</param>
/// <param name="Mutations">The edits, applied in order.</param>
public sealed record MutatedInput(int Source, int ExcerptStart, int ExcerptLines, ImmutableArray<ByteMutation> Mutations)
{
    /// <summary>The case's numbers, enough to rebuild the input.</summary>
    public override string ToString()
    {
        var excerpt = ExcerptLines == 0 ? "whole" : string.Create(CultureInfo.InvariantCulture, $"{ExcerptLines} lines from {ExcerptStart}");
        return string.Create(CultureInfo.InvariantCulture, $"source {Source} ({excerpt}); {string.Join("; ", Mutations)}");
    }
}
