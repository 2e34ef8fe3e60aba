using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Peninsula.Web.Html;

/// <summary>Builds <see cref="Markup"/> from an interpolated string (see <see cref="Markup.Of"/>).</summary>
[InterpolatedStringHandler]
public ref struct MarkupHandler
{
    private readonly StringBuilder _sb;

    /// <summary>Starts a handler.</summary>
    public MarkupHandler(int literalLength, int formattedCount)
    {
        _ = formattedCount;
        _sb = new StringBuilder(literalLength + 64);
    }

    /// <summary>Literal markup, as written.</summary>
    public readonly void AppendLiteral(string literal) => _sb.Append(literal);

    /// <summary>Markup as is.</summary>
    public readonly void AppendFormatted(Markup markup) => _sb.Append(markup.Value);

    /// <summary>Several pieces of markup.</summary>
    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        if (parts is null) return;
        foreach (var p in parts) _sb.Append(p.Value);
    }

    /// <summary>Text, encoded.</summary>
    public readonly void AppendFormatted(string? text) => _sb.Append(Markup.Encode(text));

    /// <summary>A value formatted with the invariant culture, encoded.</summary>
    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    /// <summary>A value formatted with <paramref name="format"/> and the invariant culture, encoded.</summary>
    public readonly void AppendFormatted<T>(T value, string? format)
    {
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        _sb.Append(Markup.Encode(text));
    }

    internal readonly Markup ToMarkup() => Markup.FromBuilder(_sb);
}
