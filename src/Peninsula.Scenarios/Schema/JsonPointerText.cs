namespace Peninsula.Scenarios.Schema;

/// <summary>Splits a JSON Pointer (RFC 6901) into unescaped segments.</summary>
internal static class JsonPointerText
{
    public static string[] Segments(string pointer)
    {
        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        if (text.Length == 0) return [];
        return (text.StartsWith('/') ? text[1..] : text).Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }
}
