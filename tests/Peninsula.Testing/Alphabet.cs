using System.Collections.Immutable;
using System.Text;

namespace Peninsula.Testing;

/// <summary>
/// What mutations insert (<see cref="Symbols"/>, UTF-8 encoded) and what separates fields (<see cref="IsDelimiter"/>)
/// for one family of formats. The presets hold the characters each format gives meaning to, plus values at the edges
/// of what the readers accept (huge, negative, non-finite numbers; control characters; byte-order marks).
/// </summary>
public sealed class Alphabet
{
    private readonly bool[] _delimiters = new bool[256];
    private readonly string _delimiterText;

    /// <summary>Creates an alphabet.</summary>
    /// <param name="symbols">Texts a mutation may insert (at least one).</param>
    /// <param name="delimiters">ASCII characters that end a field.</param>
    public Alphabet(IEnumerable<string> symbols, string delimiters)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        ArgumentNullException.ThrowIfNull(delimiters);
        Symbols = [.. symbols.Select(s => ImmutableArray.Create(Encoding.UTF8.GetBytes(s)))];
        if (Symbols.IsEmpty) throw new ArgumentException("at least one symbol is needed", nameof(symbols));
        _delimiterText = delimiters;
        foreach (var c in delimiters)
        {
            if (c > 127) throw new ArgumentException($"delimiter U+{(int)c:X4} is not ASCII", nameof(delimiters));
            _delimiters[c] = true;
        }
    }

    /// <summary>The symbols, UTF-8 encoded.</summary>
    public ImmutableArray<ImmutableArray<byte>> Symbols { get; }

    /// <summary>Whether <paramref name="b"/> ends a field.</summary>
    public bool IsDelimiter(byte b) => _delimiters[b];

    /// <summary>The symbol chosen by <paramref name="index"/> (any non-negative number; taken modulo the count).</summary>
    public ImmutableArray<byte> Symbol(int index) => Symbols[(int)((uint)index % (uint)Symbols.Length)];

    /// <summary>This alphabet with more symbols (e.g. paths only known at run time).</summary>
    public Alphabet With(params IEnumerable<string> more) =>
        new(Symbols.Select(s => Encoding.UTF8.GetString(s.AsSpan())).Concat(more), _delimiterText);

    private static readonly string[] Common =
    [
        "\"", ",", "\n", "\r\n", "\r", " ", "\t", "0", "7", "x", "-", "\0", "\u0001", "é", "\u2028", "\u0085", "\uFEFF", "",
        "9999999999", "1e308", "1e309", "-0", "NaN", "Infinity", "1e-320", "-1", "2020-13-45", "1990-01-01", "%s", "\\",
    ];

    /// <summary>CSV: quotes, commas, line breaks, numbers and dates at the edges.</summary>
    public static Alphabet Csv { get; } = new(
        [.. Common, "\"\"", ";", ":", ",\"", "\",", "yes", "1e3", "250", "251", "2", "100.0000001", "2016-12", "=cmd|' /C calc'!A0"],
        ",\n");

    /// <summary>XML: markup, entities, CDATA, DTDs.</summary>
    public static Alphabet Xml { get; } = new(
        [.. Common, "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "&lt;", "<!--", "-->", "]]>", "<![CDATA[", "<!DOCTYPE x>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>", "&e;", "<?pi x?>", "<Actor>", "</Actor>", "xmlns=\"urn:x\"", "'"],
        "<> \n");

    /// <summary>YAML: indicators, anchors, aliases, tags, merge keys, flow collections, documents, block scalars.</summary>
    public static Alphabet Yaml { get; } = new(
        [.. Common, ":", ": ", "- ", "? ", "#", "{", "}", "[", "]", "&a ", "*a", "<<: *a", "!!str ", "!!binary ", "!tag ", "%YAML 1.1\n",
            "|", ">-", "~", "null", "true", "yes", "...", "---", "'", "\\x00", "\"\\u0000\"", "\"\\uD800\"", "  ", "0x1F", ".inf", "-.nan",
            "2021-02-30", "1e400"],
        ":[]{}, \n");

    /// <summary>JSON: structure, escapes, numbers at the edges of double and int.</summary>
    public static Alphabet Json { get; } = new(
        [.. Common, "{", "}", "[", "]", ":", "null", "true", "false", "\\u0000", "\\uD800", "\\n", "1.5", "-3", "2147483648",
            "18446744073709551616", "[[[[[[[[[[[[[[[[[[[[", "\"\"", "{}", "[]"],
        ",:[]{} \n");
}
