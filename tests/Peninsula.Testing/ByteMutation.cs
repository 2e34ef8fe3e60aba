using System.Globalization;

namespace Peninsula.Testing;

/// <summary>
/// One edit of an input's bytes. Positions and choices are raw non-negative numbers taken modulo what the input
/// offers when the edit is applied, so a generated edit applies to any input and a case replays from its numbers.
/// </summary>
/// <param name="Kind">What the edit does.</param>
/// <param name="Position">Where (modulo the length + 1).</param>
/// <param name="Length">How many bytes, 1–12, for the kinds that take a run.</param>
/// <param name="Symbol">Which symbol of the alphabet (modulo the count).</param>
/// <param name="Other">A second position (the other line of a swap or copy) or a salt for inserted bytes.</param>
/// <param name="Value">A byte value (overwrite, digit, or the choice between inserting and deleting).</param>
public readonly record struct ByteMutation(MutationKind Kind, int Position, int Length, int Symbol, int Other, byte Value)
{
    /// <summary>Applies the edit to <paramref name="bytes"/> in place.</summary>
    public void Apply(List<byte> bytes, Alphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(alphabet);
        var at = (int)((uint)Position % (uint)(bytes.Count + 1));
        var symbol = alphabet.Symbol(Symbol);
        switch (Kind)
        {
            case MutationKind.DeleteRun:
                bytes.RemoveRange(at, Math.Min(Length, bytes.Count - at));
                break;
            case MutationKind.DuplicateRun:
                {
                    var run = bytes.GetRange(at, Math.Min(Length, bytes.Count - at));
                    bytes.InsertRange(at + run.Count, run);
                    break;
                }
            case MutationKind.InsertSymbol:
                bytes.InsertRange(at, symbol);
                break;
            case MutationKind.OverwriteByte:
                if (at < bytes.Count) bytes[at] = Value;
                break;
            case MutationKind.InsertBytes:
                {
                    var noise = new byte[Length];
                    for (var k = 0; k < noise.Length; k++) noise[k] = unchecked((byte)(Value * 31 + k * 97 + Other));
                    bytes.InsertRange(at, noise);
                    break;
                }
            case MutationKind.Truncate:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case MutationKind.DeleteLine:
                {
                    var (start, end) = LineAround(bytes, at);
                    bytes.RemoveRange(start, end - start);
                    break;
                }
            case MutationKind.DuplicateLine:
                {
                    var (start, end) = LineAround(bytes, at);
                    bytes.InsertRange(end, bytes.GetRange(start, end - start));
                    break;
                }
            case MutationKind.SwapLines:
                SwapLines(bytes, at, OtherPosition(bytes));
                break;
            case MutationKind.CopyLine:
                {
                    var (s1, e1) = LineAround(bytes, at);
                    var (s2, e2) = LineAround(bytes, OtherPosition(bytes));
                    var copy = bytes.GetRange(s2, e2 - s2);
                    bytes.RemoveRange(s1, e1 - s1);
                    bytes.InsertRange(s1, copy);
                    break;
                }
            case MutationKind.ReplaceField:
                {
                    var start = at;
                    while (start > 0 && !alphabet.IsDelimiter(bytes[start - 1])) start--;
                    var end = at;
                    while (end < bytes.Count && !alphabet.IsDelimiter(bytes[end])) end++;
                    bytes.RemoveRange(start, end - start);
                    bytes.InsertRange(start, symbol);
                    break;
                }
            case MutationKind.InsertAfterDelimiter:
                {
                    var next = at;
                    while (next < bytes.Count && !alphabet.IsDelimiter(bytes[next])) next++;
                    bytes.InsertRange(Math.Min(next + 1, bytes.Count), symbol);
                    break;
                }
            case MutationKind.EditFirstLine:
                {
                    var (_, end) = LineAround(bytes, 0);
                    var inFirst = end == 0 ? 0 : (int)((uint)Position % (uint)end);
                    if (Value % 2 == 0) bytes.InsertRange(inFirst, symbol);
                    else bytes.RemoveRange(inFirst, Math.Min(Length, bytes.Count - inFirst));
                    break;
                }
            case MutationKind.ChangeDigit:
                for (var k = 0; k < bytes.Count; k++)
                {
                    var j = (at + k) % bytes.Count;
                    if (bytes[j] is >= (byte)'0' and <= (byte)'9')
                    {
                        bytes[j] = (byte)('0' + Value % 10);
                        break;
                    }
                }
                break;
            case MutationKind.PrefixLine:
                bytes.InsertRange(LineAround(bytes, at).Start, symbol);
                break;
            default:
                bytes.Clear();
                bytes.AddRange(symbol);
                break;
        }
    }

    private int OtherPosition(List<byte> bytes) => bytes.Count == 0 ? 0 : (int)((uint)Other % (uint)bytes.Count);

    private static void SwapLines(List<byte> bytes, int a, int b)
    {
        var (s1, e1) = LineAround(bytes, a);
        var (s2, e2) = LineAround(bytes, b);
        if (!(e1 <= s2 || e2 <= s1)) return;
        var (first, second) = s1 < s2 ? ((s1, e1), (s2, e2)) : ((s2, e2), (s1, e1));
        var x = bytes.GetRange(first.Item1, first.Item2 - first.Item1);
        var y = bytes.GetRange(second.Item1, second.Item2 - second.Item1);
        bytes.RemoveRange(second.Item1, y.Count);
        bytes.InsertRange(second.Item1, x);
        bytes.RemoveRange(first.Item1, x.Count);
        bytes.InsertRange(first.Item1, y);
    }

    /// <summary>The line holding <paramref name="at"/>, including its line feed: [start, end).</summary>
    private static (int Start, int End) LineAround(List<byte> bytes, int at)
    {
        at = Math.Min(at, Math.Max(0, bytes.Count - 1));
        var start = at;
        while (start > 0 && bytes[start - 1] != (byte)'\n') start--;
        var end = at;
        while (end < bytes.Count && bytes[end] != (byte)'\n') end++;
        return (start, Math.Min(bytes.Count, end + 1));
    }

    /// <summary>The edit's numbers, enough to replay it.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} at {Position} len {Length} symbol {Symbol} other {Other} value {Value}");
}
