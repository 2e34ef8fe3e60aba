using Peninsula.Core;

namespace Peninsula.History.Parsing;

/// <summary>Runs a <see cref="TableSpec{T}"/> over a file's bytes: structure, as-of filter, typed rows, unique ids.</summary>
internal static class TableReader
{
    public static TableResult<T> Read<T>(TableSpec<T> spec, byte[]? bytes, Month? until, ErrorLog log)
        where T : class
    {
        var result = new TableResult<T>([], [], []);
        if (bytes is null)
        {
            log.Add(spec.FileName, 0, null, "file not found");
            return result;
        }
        if (bytes.Length > HistoricalData.MaxFileBytes)
        {
            log.Add(spec.FileName, 1, null, HistoryFile.TooLarge);
            return result;
        }
        var records = CsvTable.Read(spec.FileName, bytes, spec.Columns, log);
        if (records is null)
            return result;

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Columns.Count; i++)
            index[spec.Columns[i]] = i;

        foreach (var record in records)
        {
            if (log.Full)
                break;
            var reader = new RowReader(spec.FileName, record, index, log, until);
            var asOf = spec.AsOf(reader);
            if (reader.HasErrors)
            {
                result.Keys.Add((record.Line, null));
                continue;
            }
            result.Keys.Add((record.Line, asOf));
            if (until is { } u && asOf > u)
                continue;
            var row = spec.Build(reader);
            if (reader.HasErrors)
                continue;
            result.Rows.Add(row);
            result.RowLines.Add(record.Line);
        }

        if (spec.IdColumn is { } idColumn && spec.Id is { } id)
            CheckUnique(spec.FileName, idColumn, result, id, log);
        return result;
    }

    private static void CheckUnique<T>(string file, string column, TableResult<T> result, Func<T, string> id, ErrorLog log)
        where T : class
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Rows.Count; i++)
        {
            var key = id(result.Rows[i]);
            if (!first.TryAdd(key, result.RowLines[i]))
                log.Add(file, result.RowLines[i], column, $"{ErrorLog.Show(key)} is already used on line {first[key]}");
        }
    }
}
