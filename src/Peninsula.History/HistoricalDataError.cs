namespace Peninsula.History;

/// <summary>
/// One problem found while loading the curated historical files: where it is (file, line, column) and
/// what is wrong. <see cref="ToString"/> gives the one-line form <c>file:line: column: problem</c>.
/// </summary>
/// <param name="File">The file's name as the loader knows it, e.g. <c>monthly_series.csv</c>.</param>
/// <param name="Line">1-based physical line where the record starts (1 = header); 0 when the file could not be read at all.</param>
/// <param name="Column">The column at fault, or null for a problem with the whole record or file.</param>
/// <param name="Problem">What is wrong, on one line, with any offending value quoted and escaped.</param>
public sealed record HistoricalDataError(string File, int Line, string? Column, string Problem)
{
    /// <summary>The error as one line: <c>file:line: column: problem</c> (or <c>file:line: problem</c>).</summary>
    public override string ToString() =>
        Column is null
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}: {Problem}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File}:{Line}: {Column}: {Problem}");
}
