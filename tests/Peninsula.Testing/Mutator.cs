using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CsCheck;

namespace Peninsula.Testing;

/// <summary>
/// Generates and applies byte-level damage to real inputs: 1 to <see cref="MaxMutations"/> edits of the kinds in
/// <see cref="MutationKind"/> (replacing the whole input is rare), optionally on an excerpt (the first line and a
/// window of the following ones), which keeps line-record formats valid-looking and the cases cheap.
/// </summary>
/// <param name="alphabet">What the edits insert and what separates fields.</param>
public sealed class Mutator(Alphabet alphabet)
{
    /// <summary>Most edits per case (default 4).</summary>
    public int MaxMutations { get; init; } = 4;

    /// <summary>Lines kept after the first line when a case excerpts its source (0, the default: never excerpt).</summary>
    public int ExcerptLines { get; init; }

    /// <summary>When excerpting, one case in this many mutates the whole source instead (default 4).</summary>
    public int WholeEvery { get; init; } = 4;

    /// <summary>The alphabet.</summary>
    public Alphabet Alphabet { get; } = alphabet;

    private static readonly int KindCount = Enum.GetValues<MutationKind>().Length;

    /// <summary>Any edit; <see cref="MutationKind.ReplaceAll"/> is drawn about once in 60 edits.</summary>
    public static Gen<ByteMutation> Mutations { get; } = Gen.Select(
        Gen.Int[0, 4 * (KindCount - 1)], Gen.Int[0, int.MaxValue], Gen.Int[1, 12], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Byte,
        (kind, position, length, symbol, other, value) => new ByteMutation(
            kind == 4 * (KindCount - 1) ? MutationKind.ReplaceAll : (MutationKind)(kind % (KindCount - 1)), position, length, symbol, other, value));

    /// <summary>Cases over <paramref name="sources"/> source inputs.</summary>
    public Gen<MutatedInput> Inputs(int sources)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sources, 1);
        var lines = ExcerptLines;
        ArgumentOutOfRangeException.ThrowIfLessThan(WholeEvery, 1);
        return Gen.Select(
            Gen.Int[0, sources - 1], Gen.Int[0, int.MaxValue], Gen.Int[0, WholeEvery - 1], Mutations.Array[1, MaxMutations],
            (source, start, whole, edits) => new MutatedInput(source, lines == 0 || whole == 0 ? 0 : start, lines == 0 || whole == 0 ? 0 : lines, [.. edits]));
    }

    /// <summary>The bytes of <paramref name="input"/>: its excerpt of <paramref name="source"/> with its edits applied.</summary>
    public byte[] Apply(byte[] source, MutatedInput input)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(input);
        var bytes = new List<byte>(source.Length + 64);
        if (input.ExcerptLines > 0) Excerpt(source, input.ExcerptStart, input.ExcerptLines, bytes);
        else bytes.AddRange(source);
        foreach (var m in input.Mutations) m.Apply(bytes, Alphabet);
        return [.. bytes];
    }

    /// <summary>Offsets of the line feeds of each source seen, computed once (sources are never modified).</summary>
    private static readonly ConditionalWeakTable<byte[], int[]> LineFeeds = new();

    /// <summary>The first line and <paramref name="count"/> lines from <paramref name="start"/> (modulo the others' count).</summary>
    private static void Excerpt(byte[] source, int start, int count, List<byte> into)
    {
        var breaks = LineFeeds.GetValue(source, s =>
        {
            var found = new List<int>();
            for (var i = 0; i < s.Length; i++)
            {
                if (s[i] == (byte)'\n') found.Add(i);
            }
            return [.. found];
        });
        var firstEnd = breaks.Length == 0 ? source.Length : breaks[0] + 1;
        into.AddRange(source.AsSpan(0, firstEnd));
        var others = breaks.Length; // lines after the first (the last may lack a line feed)
        if (others == 0) return;
        var from = (int)((uint)start % (uint)others);
        var to = Math.Min(others, from + count);
        var begin = breaks[from] + 1;
        var end = to < breaks.Length ? breaks[to] + 1 : source.Length;
        into.AddRange(source.AsSpan(begin, end - begin));
    }
}
