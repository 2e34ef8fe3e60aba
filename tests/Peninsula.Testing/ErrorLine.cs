using System.Globalization;
using System.Text.RegularExpressions;

namespace Peninsula.Testing;

/// <summary>
/// The promise every reader makes about a rejection: one printable line of at most <see cref="MaxLength"/>
/// characters, <c>file:line: …</c>, naming one of the input files and a line of it (see <see cref="InputFiles"/>).
/// </summary>
public static partial class ErrorLine
{
    /// <summary>Longest message accepted (a message quoting a huge value must shorten it).</summary>
    public const int MaxLength = 1000;

    /// <summary>Null when <paramref name="message"/> keeps the promise for <paramref name="files"/>; otherwise what is wrong.</summary>
    public static string? Problem(string? message, InputFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (string.IsNullOrWhiteSpace(message)) return "empty message";
        if (message.Length > MaxLength) return $"message of {message.Length} characters (at most {MaxLength}): {message[..200]}…";
        foreach (var c in message)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
                return $"message holds U+{(int)c:X4}, so it is not one printable line: {message.Replace("\n", "\\n", StringComparison.Ordinal)}";
        }
        var m = Located().Match(message);
        if (!m.Success) return "message does not start with 'file:line: ': " + message;
        var file = m.Groups["file"].Value;
        if (files.LastLine(file) is not { } last) return $"message names '{file}', not one of the inputs ({string.Join(", ", files.Names)}): {message}";
        if (!long.TryParse(m.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var line) || line < 1 || line > last)
            return $"line {m.Groups["line"].Value} is not a line of {file} (1–{last}): {message}";
        return null;
    }

    /// <summary>The message with its location, quoted values and numbers blanked: what kind of problem it reports.</summary>
    public static string Shape(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var m = Located().Match(message);
        var rest = m.Success ? message[(m.Groups["line"].Index + m.Groups["line"].Length + 2)..] : message;
        return Details().Replace(rest, "_");
    }

    [GeneratedRegex(@"^(?<file>[^:]+?):(?<line>\d+): \S", RegexOptions.CultureInvariant)]
    private static partial Regex Located();

    [GeneratedRegex(@"'[^']*'|[0-9][0-9.]*", RegexOptions.CultureInvariant)]
    private static partial Regex Details();
}
