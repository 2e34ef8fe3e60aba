using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace Peninsula.History.Parsing;

/// <summary>One data record of a CSV file: the 1-based line it starts on and its fields.</summary>
internal sealed record CsvRecord(int Line, string[] Fields);

/// <summary>
/// Splits a CSV file into records with CsvHelper (RFC 4180, comma, header row) and checks its structure:
/// valid UTF-8, a header exactly equal to the expected columns, balanced quotes and one field per column
/// on every line. Problems are logged with file and line; CsvHelper exceptions never escape.
/// </summary>
internal static class CsvTable
{
    /// <summary>Reads the records after the header, or null when the file cannot be read as a table at all.</summary>
    /// <param name="file">File name used in errors.</param>
    /// <param name="bytes">The file's bytes as stored.</param>
    /// <param name="columns">The exact expected header, in order.</param>
    /// <param name="log">Receives every problem found.</param>
    public static List<CsvRecord>? Read(string file, byte[] bytes, IReadOnlyList<string> columns, ErrorLog log)
    {
        if (!CheckUtf8(file, bytes, log))
            return null;
        if (bytes.Length == 0 || bytes is [0xEF, 0xBB, 0xBF])
        {
            log.Add(file, 1, null, "file is empty (no header row)");
            return null;
        }

        var malformed = new List<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            OnMalformedRecord = malformed.Add,
            FormatProvider = CultureInfo.InvariantCulture,
            PoolStrings = false,
        };

        var lastLine = 1;
        try
        {
            using var reader = CsvReader.Create(bytes, options);
            var hasHeader = reader.Read();
            var headerSound = malformed.Count == 0 && hasHeader && reader.LineNumber == 1;
            Drain(file, malformed, log);
            if (!headerSound)
            {
                if (log.Errors.Count == 0 || !hasHeader)
                    log.Add(file, 1, null, "the header row could not be read");
                return null;
            }
            if (!CheckHeader(file, Fields(reader), columns, log))
                return null;

            var records = new List<CsvRecord>();
            while (!log.Full && reader.Read())
            {
                Drain(file, malformed, log);
                var line = LineOf(reader.LineNumber);
                lastLine = line;
                if (reader.FieldCount != columns.Count)
                {
                    log.Add(file, line, null, reader.FieldCount == 1 && reader.RawRecord.IsEmpty
                        ? $"empty line; expected {columns.Count} fields"
                        : $"row has {reader.FieldCount} fields, expected {columns.Count}");
                    continue;
                }
                records.Add(new CsvRecord(line, Fields(reader)));
            }
            Drain(file, malformed, log);
            return records;
        }
        catch (CsvFormatException ex)
        {
            var line = ex.LineNumber > 0 ? LineOf(ex.LineNumber) : lastLine;
            log.Add(file, line, null, "malformed CSV: " + ex.Message);
            return null;
        }
    }

    private static string[] Fields(CsvReader reader)
    {
        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = reader.GetString(i) ?? "";
        return fields;
    }

    private static int LineOf(long line) => line > int.MaxValue ? int.MaxValue : (int)Math.Max(1, line);

    private static void Drain(string file, List<CsvMalformedRecord> malformed, ErrorLog log)
    {
        foreach (var m in malformed)
            log.Add(file, LineOf(m.LineNumber), null, "malformed CSV: " + Describe(m.Reason));
        malformed.Clear();
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "stray quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
        CsvMalformedReason.UnterminatedQuote => "quoted field is never closed (unterminated quote)",
        CsvMalformedReason.LineBreakInQuotes => "line break inside a quoted field",
        CsvMalformedReason.FieldCountMismatch => "wrong number of fields",
        _ => reason.ToString(),
    };

    /// <summary>Checks the header equals <paramref name="columns"/> exactly; logs missing, unknown, duplicate and misplaced columns.</summary>
    private static bool CheckHeader(string file, string[] header, IReadOnlyList<string> columns, ErrorLog log)
    {
        var before = log.Errors.Count;
        var expected = new HashSet<string>(columns, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            if (!seen.Add(name))
                log.Add(file, 1, null, $"duplicate column {ErrorLog.Show(name)} in the header");
            else if (!expected.Contains(name))
                log.Add(file, 1, null, $"unknown column {ErrorLog.Show(name)} in the header");
        }
        foreach (var name in columns)
        {
            if (!seen.Contains(name))
                log.Add(file, 1, name, "missing column in the header");
        }
        if (log.Errors.Count == before && !log.Truncated)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (!string.Equals(header[i], columns[i], StringComparison.Ordinal))
                {
                    log.Add(file, 1, columns[i], $"expected in position {i + 1}, found {ErrorLog.Show(header[i])} there");
                    break;
                }
            }
        }
        return log.Errors.Count == before && !log.Truncated;
    }

    /// <summary>Logs the line of the first byte that is not valid UTF-8, if any.</summary>
    private static bool CheckUtf8(string file, byte[] bytes, ErrorLog log)
    {
        ReadOnlySpan<byte> span = bytes;
        if (System.Text.Unicode.Utf8.IsValid(span))
            return true;
        var offset = 0;
        while (offset < span.Length)
        {
            var status = Rune.DecodeFromUtf8(span[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                log.Add(file, LineAt(span, offset), null,
                    string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 (byte 0x{span[offset]:X2} at offset {offset})"));
                return false;
            }
            offset += consumed;
        }
        return true;
    }

    /// <summary>1-based line of a byte offset, counting CR, LF and CR LF as one line break each (as CsvHelper does).</summary>
    private static int LineAt(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n' || bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))
                line++;
        }
        return line;
    }
}
