using Peninsula.Core;

namespace Peninsula.History.Parsing;

/// <summary>How one curated file is read: its exact header, its as-of key and how a row is built.</summary>
/// <typeparam name="T">The typed row.</typeparam>
internal sealed class TableSpec<T>
    where T : class
{
    /// <summary>File name inside the data folder.</summary>
    public required string FileName { get; init; }

    /// <summary>The exact header, in order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>
    /// Reads only the columns that date the row and returns the month from which the row is known. Rows
    /// whose month is after <c>until</c> are skipped without reading anything else.
    /// </summary>
    public required Func<RowReader, Month> AsOf { get; init; }

    /// <summary>Reads and checks every field; called only for rows that are kept.</summary>
    public required Func<RowReader, T> Build { get; init; }

    /// <summary>The identifier column, unique among kept rows; null when the file has none.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The identifier of a row (required with <see cref="IdColumn"/>).</summary>
    public Func<T, string>? Id { get; init; }
}

/// <summary>The rows kept from one file, and the as-of key of every record whose key could be read.</summary>
/// <typeparam name="T">The typed row.</typeparam>
internal sealed record TableResult<T>(List<T> Rows, List<int> RowLines, List<(int Line, Month? Key)> Keys);
