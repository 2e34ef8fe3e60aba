using System.Text;

namespace Peninsula.Web.Html;

/// <summary>
/// A piece of markup. Built with <see cref="Of"/> from an interpolated string whose holes are encoded unless they
/// are markup already, so text from a request or a file can never become markup by accident.
/// </summary>
public readonly struct Markup : IEquatable<Markup>
{
    private readonly string? _value;

    private Markup(string value) => _value = value;

    /// <summary>No markup.</summary>
    public static Markup Empty => default;

    /// <summary>The markup text.</summary>
    public string Value => _value ?? "";

    /// <summary>Markup from an interpolated string: literal parts as written, holes encoded (unless markup).</summary>
    public static Markup Of(ref MarkupHandler handler) => handler.ToMarkup();

    /// <summary>Trusted markup as is (only for text this program generated, e.g. a chart's SVG).</summary>
    public static Markup Trusted(string markup) => new(markup);

    /// <summary>Plain text, encoded.</summary>
    public static Markup Text(string? text) => new(Encode(text));

    /// <summary>The pieces one after the other.</summary>
    public static Markup Join(IEnumerable<Markup> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sb = new StringBuilder();
        foreach (var p in parts) sb.Append(p.Value);
        return new Markup(sb.ToString());
    }

    /// <summary>Encodes text for element content and quoted attribute values.</summary>
    public static string Encode(string? text) => Reporting.ReportHtml.E(text);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <inheritdoc />
    public bool Equals(Markup other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Markup m && Equals(m);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Equality.</summary>
    public static bool operator ==(Markup left, Markup right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Markup left, Markup right) => !left.Equals(right);

    internal static Markup FromBuilder(StringBuilder sb) => new(sb.ToString());
}
