using System.Globalization;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// Collects errors from every stage; duplicates are dropped. Bounded: each error is one line of bounded length,
/// at most <see cref="MaxCollected"/> are kept and <see cref="MaxReported"/> reported (a file of a million
/// aliases makes a hundred lines, not a million).
/// </summary>
internal sealed class ErrorList
{
    /// <summary>Most errors kept in memory; later ones are only counted.</summary>
    public const int MaxCollected = 10_000;

    /// <summary>Most errors reported; a last line then says how many more there were.</summary>
    public const int MaxReported = 100;

    /// <summary>Longest message kept, in characters (user text quoted in it is cut with an ellipsis).</summary>
    public const int MaxMessageLength = 500;

    /// <summary>Longest dotted path kept, in characters.</summary>
    public const int MaxPathLength = 200;

    private readonly List<ScenarioError> _errors = [];
    private readonly HashSet<ScenarioError> _seen = [];
    private int _dropped;

    /// <summary>Errors found (including those beyond <see cref="MaxCollected"/>).</summary>
    public int Count => _errors.Count + _dropped;

    public void Add(string file, int line, string path, string message)
    {
        var error = new ScenarioError(file, Math.Max(1, line), OneLine(path, MaxPathLength), OneLine(message, MaxMessageLength));
        if (_errors.Count >= MaxCollected)
        {
            if (!_seen.Contains(error)) _dropped++;
            return;
        }
        if (_seen.Add(error)) _errors.Add(error);
    }

    public void Add(Origin origin, string path, string message) => Add(origin.File, origin.Line, path, message);

    /// <summary>
    /// Escapes control characters (user text quoted in a message may contain newlines) so each error is one line,
    /// and cuts the text to <paramref name="max"/> characters.
    /// </summary>
    private static string OneLine(string text, int max)
    {
        if (text.Length <= max && !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')) return text;
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, max) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append('…');
                break;
            }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// The errors sorted by file (in <paramref name="fileOrder"/>, files not in it last, by name), then line,
    /// then path, then message; the first <see cref="MaxReported"/>, then one line counting the rest.
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

        var sorted = _errors
            .OrderBy(e => Rank(e.File))
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Message, StringComparer.Ordinal)
            .ToList();
        if (Count <= MaxReported) return sorted;
        var shown = sorted.Take(MaxReported - 1).ToList();
        var last = shown[^1];
        var more = (Count - shown.Count).ToString(CultureInfo.InvariantCulture);
        shown.Add(new ScenarioError(last.File, last.Line, "", $"{more} more errors not shown (fix these first)"));
        return shown;
    }
}
