using System.Text;

namespace Peninsula.Bargaining.Input;

/// <summary>
/// The comma-separated files of the bargaining formats, one record per physical line: fields may be quoted
/// (<c>"a, b"</c>, with <c>""</c> for a quote), whitespace around fields is dropped and so are empty trailing
/// fields (KTAB writes a comma at the end of every line). A quoted field never spans lines.
/// </summary>
internal static class CsvLines
{
    /// <summary>The physical lines of the text (LF or CR LF), without their line breaks.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].EndsWith('\r'))
                lines[i] = lines[i][..^1];
        }
        // A final line break does not start another line.
        if (lines.Count > 1 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    /// <summary>Whether the line holds nothing but spaces, tabs and commas.</summary>
    public static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\t' or ','))
                return false;
        }
        return true;
    }

    /// <summary>Number of lines once blank lines at the end are left out.</summary>
    public static int CountWithoutTrailingBlanks(List<string> lines)
    {
        var n = lines.Count;
        while (n > 0 && IsBlank(lines[n - 1]))
            n--;
        return n;
    }

    /// <summary>
    /// The fields of one line, with surrounding whitespace and empty trailing fields removed; throws a
    /// <see cref="BargainingInputException"/> for an unterminated quote, a stray quote or text after a closing quote.
    /// </summary>
    public static List<string> Fields(string file, int lineNumber, string line)
    {
        var fields = new List<string>();
        var i = 0;
        var sb = new StringBuilder();
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
                i++;
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    sb.Append(line[i]);
                    i++;
                }
                if (!closed)
                    throw new BargainingInputException(file, lineNumber, Column(fields.Count), "quoted field is never closed (unterminated quote)");
                while (i < line.Length && line[i] is ' ' or '\t')
                    i++;
                if (i < line.Length && line[i] != ',')
                    throw new BargainingInputException(file, lineNumber, Column(fields.Count), "text after the closing quote of a field");
                fields.Add(sb.ToString());
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',')
                {
                    if (line[i] == '"')
                        throw new BargainingInputException(file, lineNumber, Column(fields.Count), "stray quote inside an unquoted field");
                    i++;
                }
                fields.Add(line[start..i].TrimEnd(' ', '\t'));
            }
            if (i >= line.Length)
                break;
            i++; // the comma
        }
        while (fields.Count > 0 && fields[^1].Length == 0)
            fields.RemoveAt(fields.Count - 1);
        return fields;
    }

    private static string Column(int index) => "field " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
