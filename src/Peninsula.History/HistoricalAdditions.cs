using Peninsula.Core;
using Peninsula.History.Parsing;

namespace Peninsula.History;

/// <summary>
/// The two files Peninsula adds to the curated record for the history replay (data/SOURCES.md):
/// agreements.csv (agreements carrying the challenger's commitments, their signing and end) and exogenous.csv
/// (border closures and disasters). Read with the same strictness and no-look-ahead cut as the curated files:
/// rows are dated by their signing or start; an end after the cut is unknown (null).
/// </summary>
public static class HistoricalAdditions
{
    /// <summary>The additions' file names.</summary>
    public static IReadOnlyList<string> FileNames { get; } = ["agreements.csv", "exogenous.csv"];

    private static readonly HashSet<string> EndReasons = new(["", "violated", "renounced", "lapsed", "superseded"], StringComparer.Ordinal);
    private static readonly HashSet<string> ExogenousKinds = new(["border_closure", "disaster"], StringComparer.Ordinal);

    private static readonly TableSpec<AgreementRow> Agreements = new()
    {
        FileName = "agreements.csv",
        Columns = ["agreement_id", "name", "parties", "signed", "ended", "end_reason", "strength", "restrains_from_level", "event_id", "source", "notes"],
        AsOf = r => RowReader.MonthOf(r.Date("signed")),
        Build = r =>
        {
            var signed = r.Date("signed");
            var ended = r.KnownBy(r.OptionalDate("ended"));
            if (ended is { } e && e < signed) r.Fail("ended", $"{RowReader.Iso(e)} is before signed {RowReader.Iso(signed)}");
            var reason = r.OptionalText("end_reason") ?? "";
            if (!EndReasons.Contains(reason)) r.Fail("end_reason", $"{ErrorLog.Show(reason)} is not one of violated, renounced, lapsed, superseded");
            var strength = r.OptionalNumber("strength");
            if (strength is null) r.Fail("strength", "is required");
            else if (strength > 1) r.Fail("strength", $"{strength} is outside 0-1");
            var level = r.Count("restrains_from_level");
            if (level is < 1 or > 6) r.Fail("restrains_from_level", $"{level} is outside 1-6");
            return new AgreementRow(
                r.Text("agreement_id"), r.Text("name"), r.Text("parties"), signed, ended, ended is null ? "" : reason,
                strength ?? 0, level, r.OptionalText("event_id"), r.Text("source"), r.OptionalText("notes"));
        },
        IdColumn = "agreement_id",
        Id = row => row.AgreementId,
    };

    private static readonly TableSpec<ExogenousRow> Exogenous = new()
    {
        FileName = "exogenous.csv",
        Columns = ["kind", "start", "end", "description", "event_id", "source"],
        AsOf = r => RowReader.MonthOf(r.Date("start")),
        Build = r =>
        {
            var start = r.Date("start");
            var end = r.KnownBy(r.OptionalDate("end"));
            if (end is { } e && e < start) r.Fail("end", $"{RowReader.Iso(e)} is before start {RowReader.Iso(start)}");
            return new ExogenousRow(r.OneOf("kind", ExogenousKinds), start, end, r.Text("description"), r.OptionalText("event_id"), r.Text("source"));
        },
    };

    /// <summary>Loads both files from <paramref name="folder"/>, nothing dated after <paramref name="until"/>.</summary>
    /// <exception cref="HistoricalDataException">A file is missing or malformed; the message is the first problem.</exception>
    public static (IReadOnlyList<AgreementRow> Agreements, IReadOnlyList<ExogenousRow> Exogenous) Load(string folder, Month? until = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var log = new ErrorLog(HistoricalData.MaxErrors);
        var agreements = TableReader.Read(Agreements, Read(folder, Agreements.FileName, log), until, log);
        var exogenous = TableReader.Read(Exogenous, Read(folder, Exogenous.FileName, log), until, log);
        log.ThrowIfAny();
        return (agreements.Rows.ToArray(), exogenous.Rows.ToArray());
    }

    /// <summary>Reads one file on its own (for tests and fuzzing); returns its kept row count.</summary>
    /// <exception cref="HistoricalDataException">The file is missing or malformed.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is not one of <see cref="FileNames"/>.</exception>
    internal static int ParseFile(string fileName, byte[]? bytes, Month? until)
    {
        var log = new ErrorLog(HistoricalData.MaxErrors);
        var rows = fileName switch
        {
            "agreements.csv" => TableReader.Read(Agreements, bytes, until, log).Rows.Count,
            "exogenous.csv" => TableReader.Read(Exogenous, bytes, until, log).Rows.Count,
            _ => throw new ArgumentException($"'{fileName}' is not an additions file", nameof(fileName)),
        };
        log.ThrowIfAny();
        return rows;
    }

    private static byte[]? Read(string folder, string name, ErrorLog log) => HistoryFile.Read(Path.Combine(folder, name), name, log);
}
