namespace Peninsula.Scenarios.Yaml;

/// <summary>Where a value was written: the file and the 1-based line.</summary>
internal readonly record struct Origin(string File, int Line);

/// <summary>How a scalar reads under the YAML 1.2 core schema (quoted scalars are always strings).</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}

/// <summary>
/// A parsed YAML value that remembers its origin, so errors found after merging and validation
/// point into the file each value came from.
/// </summary>
internal abstract class YNode(Origin origin)
{
    public Origin Origin { get; } = origin;
}

/// <summary>A scalar with its resolved type.</summary>
internal sealed class YScalar(Origin origin, string text, ScalarKind kind, double number = 0, bool flag = false) : YNode(origin)
{
    /// <summary>A null standing in for a rejected alias (already reported; not reported again by the schema).</summary>
    public static YScalar Placeholder(Origin origin) => new(origin, "", ScalarKind.Null) { IsPlaceholder = true };

    public bool IsPlaceholder { get; private init; }

    public string Text { get; } = text;

    public ScalarKind Kind { get; } = kind;

    /// <summary>The value when <see cref="IsNumber"/>.</summary>
    public double Number { get; } = number;

    /// <summary>The value when <see cref="Kind"/> is <see cref="ScalarKind.Boolean"/>.</summary>
    public bool Flag { get; } = flag;

    public bool IsNumber => Kind is ScalarKind.Integer or ScalarKind.Float;
}

/// <summary>One key of a mapping, with the key's own origin (unknown-key errors point at it).</summary>
internal sealed record YEntry(string Key, Origin KeyOrigin, YNode Value);

/// <summary>A mapping that keeps declaration order (policies and agreements are ordered by it).</summary>
internal sealed class YMap(Origin origin, IReadOnlyList<YEntry> entries) : YNode(origin)
{
    public IReadOnlyList<YEntry> Entries { get; } = entries;

    public YEntry? Find(string key)
    {
        foreach (var e in Entries)
        {
            if (e.Key == key) return e;
        }
        return null;
    }

    public YNode? this[string key] => Find(key)?.Value;

    public YMap? Map(string key) => this[key] as YMap;

    public YList? List(string key) => this[key] as YList;

    public YScalar? Scalar(string key) => this[key] as YScalar;

    /// <summary>The string value of <paramref name="key"/>, or null when absent or not a string.</summary>
    public string? Text(string key) => Scalar(key) is { Kind: ScalarKind.String } s ? s.Text : null;

    /// <summary>The numeric value of <paramref name="key"/>, or null when absent or not a number.</summary>
    public double? Number(string key) => Scalar(key) is { IsNumber: true } s ? s.Number : null;

    /// <summary>The boolean value of <paramref name="key"/>, or null when absent or not a boolean.</summary>
    public bool? Flag(string key) => Scalar(key) is { Kind: ScalarKind.Boolean } s ? s.Flag : null;
}

/// <summary>A sequence.</summary>
internal sealed class YList(Origin origin, IReadOnlyList<YNode> items) : YNode(origin)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    /// <summary>The string items (others skipped; the schema reports them).</summary>
    public IEnumerable<(string Text, YScalar Node, int Index)> Texts()
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] is YScalar { Kind: ScalarKind.String } s) yield return (s.Text, s, i);
        }
    }
}
