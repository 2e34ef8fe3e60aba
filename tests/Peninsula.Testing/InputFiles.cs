namespace Peninsula.Testing;

/// <summary>
/// The files a parser was given, by the name it reports, each with the last line an error may name: errors must name
/// one of them and a line within it, or the line just after its end (where a reader expected a line that is missing,
/// e.g. "line 2: the header line is missing"). Lines are counted generously (LF, CR, CR LF, NEL, LS and PS all end a
/// line) so that every reader's convention fits.
/// </summary>
public sealed class InputFiles
{
    private readonly Dictionary<string, int> _lastLine = new(StringComparer.Ordinal);

    /// <summary>One file.</summary>
    public static InputFiles Of(string name, ReadOnlySpan<byte> bytes) => new InputFiles().And(name, bytes);

    /// <summary>This set with one more file.</summary>
    public InputFiles And(string name, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        _lastLine[name] = Math.Max(_lastLine.GetValueOrDefault(name), LineBreaks(bytes) + 2);
        return this;
    }

    /// <summary>This set with one more file, given as text.</summary>
    public InputFiles And(string name, string text) => And(name, System.Text.Encoding.UTF8.GetBytes(text ?? ""));

    /// <summary>The last line an error may name in <paramref name="name"/>, or null when it is not one of the files.</summary>
    public int? LastLine(string name) => _lastLine.TryGetValue(name, out var line) ? line : null;

    /// <summary>The names, for messages.</summary>
    public IEnumerable<string> Names => _lastLine.Keys;

    private static int LineBreaks(ReadOnlySpan<byte> b)
    {
        var count = 0;
        for (var i = 0; i < b.Length; i++)
        {
            if (b[i] == (byte)'\n') count++;
            else if (b[i] == (byte)'\r' && (i + 1 >= b.Length || b[i + 1] != (byte)'\n')) count++;
            else if (b[i] == 0xC2 && i + 1 < b.Length && b[i + 1] == 0x85) count++;
            else if (b[i] == 0xE2 && i + 2 < b.Length && b[i + 1] == 0x80 && b[i + 2] is 0xA8 or 0xA9) count++;
        }
        return count;
    }
}
