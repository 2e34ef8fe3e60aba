using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>Collects errors from every stage; duplicates are dropped.</summary>
internal sealed class ErrorList
{
    private readonly List<ScenarioError> _errors = [];
    private readonly HashSet<ScenarioError> _seen = [];

    public int Count => _errors.Count;

    public void Add(string file, int line, string path, string message)
    {
        var error = new ScenarioError(file, Math.Max(1, line), OneLine(path), OneLine(message));
        if (_seen.Add(error)) _errors.Add(error);
    }

    public void Add(Origin origin, string path, string message) => Add(origin.File, origin.Line, path, message);

    /// <summary>Escapes control characters (user text quoted in a message may contain newlines) so each error is one line.</summary>
    private static string OneLine(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var builder = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// The errors sorted by file (in <paramref name="fileOrder"/>, files not in it last, by name), then line,
    /// then path, then message.
    /// </summary>
    public IReadOnlyList<ScenarioError> Sorted(IReadOnlyList<string> fileOrder)
    {
        int Rank(string file)
        {
            for (var i = 0; i < fileOrder.Count; i++)
            {
                if (string.Equals(fileOrder[i], file, StringComparison.Ordinal)) return i;
            }
            return int.MaxValue;
        }

        return _errors
            .OrderBy(e => Rank(e.File))
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToArray();
    }
}
