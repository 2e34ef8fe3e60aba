using System.Globalization;
using System.Text;

namespace Peninsula.Testing;

/// <summary>Inputs built to exhaust a parser: alias and entity expansion, deep nesting, huge documents, external entities.</summary>
public static class HostileText
{
    /// <summary>
    /// YAML "billion laughs": <c>a0</c> holds a string and each <c>aK</c> a list of <paramref name="fanout"/> aliases of
    /// <c>aK-1</c>, so expanding the last key gives fanout^levels strings (10^9 by default).
    /// </summary>
    public static string BillionLaughsYaml(int levels = 9, int fanout = 10, string key = "laughs")
    {
        var sb = new StringBuilder();
        sb.Append("a0: &a0 \"lol\"\n");
        for (var k = 1; k <= levels; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"a{k}: &a{k} [");
            sb.AppendJoin(", ", Enumerable.Repeat($"*a{k - 1}", fanout));
            sb.Append("]\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"{key}: *a{levels}\n");
        return sb.ToString();
    }

    /// <summary>The YAML merge-key variant: each level merges the previous mapping twice under new keys.</summary>
    public static string MergeKeyBombYaml(int levels = 30)
    {
        var sb = new StringBuilder("m0: &m0 {x: 1}\n");
        for (var k = 1; k <= levels; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"m{k}: &m{k}\n  <<: [*m{k - 1}, *m{k - 1}]\n  l{k}: *m{k - 1}\n  r{k}: *m{k - 1}\n");
        }
        return sb.ToString();
    }

    /// <summary><c>key: [[[…]]]</c>, <paramref name="depth"/> flow sequences deep (10^5 levels are 200 kB).</summary>
    public static string DeepFlowYaml(int depth, string key = "deep") => key + ": " + new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>Block mappings nested <paramref name="depth"/> deep, one more space of indentation per level.</summary>
    public static string DeepBlockYaml(int depth, string key = "deep")
    {
        var sb = new StringBuilder();
        for (var d = 0; d < depth; d++) sb.Append(' ', d).Append(key).Append(":\n");
        sb.Append(' ', depth).Append("leaf: 1\n");
        return sb.ToString();
    }

    /// <summary>A block list of <paramref name="count"/> items under <paramref name="key"/> (10^6 items are 4 MB).</summary>
    public static string ManyItemsYaml(int count, string key = "items")
    {
        var sb = new StringBuilder(key.Length + 2 + 4 * count);
        sb.Append(key).Append(":\n");
        for (var i = 0; i < count; i++) sb.Append("- 1\n");
        return sb.ToString();
    }

    /// <summary><c>{"a":{"a":…}}</c>, <paramref name="depth"/> objects deep, or arrays when <paramref name="arrays"/>.</summary>
    public static string DeepJson(int depth, bool arrays = false) =>
        arrays
            ? new string('[', depth) + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    /// <summary>An XML document whose DTD declares an external entity reading <paramref name="path"/> and uses it in <c>name</c>.</summary>
    public static string ExternalEntityXml(string path, string root = "Scenario") =>
        $"<?xml version=\"1.0\"?>\n<!DOCTYPE {root} [\n  <!ENTITY xxe SYSTEM \"{new Uri(path).AbsoluteUri}\">\n]>\n<{root}><name>&xxe;</name></{root}>\n";

    /// <summary>An XML document whose DTD references an external DTD file (parameter entities).</summary>
    public static string ExternalDtdXml(string path, string root = "Scenario") =>
        $"<?xml version=\"1.0\"?>\n<!DOCTYPE {root} SYSTEM \"{new Uri(path).AbsoluteUri}\">\n<{root}><name>x</name></{root}>\n";

    /// <summary>XML "billion laughs" with internal entities, <paramref name="levels"/> levels of ten.</summary>
    public static string BillionLaughsXml(int levels = 9, string root = "Scenario")
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE ").Append(root).Append(" [\n  <!ENTITY l0 \"lol\">\n");
        for (var k = 1; k <= levels; k++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  <!ENTITY l{k} \"");
            for (var j = 0; j < 10; j++) sb.Append(CultureInfo.InvariantCulture, $"&l{k - 1};");
            sb.Append("\">\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"]>\n<{root}><name>&l{levels};</name></{root}>\n");
        return sb.ToString();
    }
}
