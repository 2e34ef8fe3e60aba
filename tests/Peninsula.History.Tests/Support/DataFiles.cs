using System.Text;
using Peninsula.Core;

namespace Peninsula.History.Tests.Support;

/// <summary>The repository's data files held in memory, with helpers to alter one file and parse the set.</summary>
internal static class DataFiles
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Originals = new(() =>
        HistoricalData.FileNames.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(Repo.Data, n)), StringComparer.Ordinal));

    private static readonly Lazy<HistoricalDataset> FullDataset = new(() => HistoricalData.Load(Repo.Data));

    /// <summary>The eight files' bytes as stored.</summary>
    public static IReadOnlyDictionary<string, byte[]> Bytes => Originals.Value;

    /// <summary>The full dataset loaded from data/ (shared; immutable).</summary>
    public static HistoricalDataset Full => FullDataset.Value;

    /// <summary>The text of one file as stored.</summary>
    public static string Text(string file) => Encoding.UTF8.GetString(Bytes[file]);

    /// <summary>Parses the set with <paramref name="file"/> replaced by <paramref name="bytes"/> (null = missing).</summary>
    public static HistoricalDataset ParseWith(string file, byte[]? bytes, Month? until = null)
    {
        var files = Bytes.ToDictionary(p => p.Key, p => (byte[]?)p.Value, StringComparer.Ordinal);
        files[file] = bytes;
        return HistoricalData.Parse(files, until);
    }

    /// <summary>Parses the set with <paramref name="file"/> replaced by <paramref name="text"/>.</summary>
    public static HistoricalDataset ParseWith(string file, string text, Month? until = null) =>
        ParseWith(file, Encoding.UTF8.GetBytes(text), until);

    /// <summary>The exception thrown when parsing with <paramref name="file"/> replaced by <paramref name="text"/>.</summary>
    public static HistoricalDataException FailWith(string file, string text, Month? until = null) =>
        Assert.Throws<HistoricalDataException>(() => ParseWith(file, text, until));

    /// <summary>The text of <paramref name="file"/> with 1-based physical line <paramref name="line"/> replaced.</summary>
    public static string ReplaceLine(string file, int line, Func<string, string> change)
    {
        var lines = Text(file).Split('\n');
        lines[line - 1] = change(lines[line - 1]);
        return string.Join('\n', lines);
    }

    /// <summary>Sets the field of <paramref name="column"/> on physical line <paramref name="line"/> (unquoted fields only).</summary>
    public static string SetField(string file, int line, string column, string value)
    {
        var header = Text(file).Split('\n')[0].Split(',');
        var index = Array.IndexOf(header, column);
        Assert.True(index >= 0, $"{column} not in {file}");
        return ReplaceLine(file, line, l =>
        {
            var fields = SplitCsvLine(l);
            fields[index] = value;
            return string.Join(',', fields.Select(Quote));
        });
    }

    /// <summary>Splits one physical CSV line (no embedded line breaks) into unquoted fields.</summary>
    public static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    /// <summary>Quotes a field when RFC 4180 requires it.</summary>
    public static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
