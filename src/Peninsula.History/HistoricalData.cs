using System.Security.Cryptography;
using System.Text;
using Peninsula.Core;
using Peninsula.History.Parsing;

namespace Peninsula.History;

/// <summary>
/// Loads the curated historical files (data/*.csv) strictly, with an optional no-look-ahead cut, and hashes
/// them for provenance.
/// </summary>
/// <remarks>
/// <para><b>Strictness.</b> Each file must be valid UTF-8 with a header exactly equal to the documented
/// columns, in order; every record must have one field per column, quotes must balance, and every value must
/// parse with the invariant culture (integers are plain digits, dates <c>YYYY-MM-DD</c>, months
/// <c>YYYY-MM</c>, categories from the documented sets; no control characters or surrounding whitespace).
/// Identifiers are unique; <c>monthly_series.csv</c> has one row per month, in order, without gaps. All
/// problems (up to <see cref="MaxErrors"/>) are collected and thrown as one <see cref="HistoricalDataException"/>.</para>
/// <para><b>No look-ahead.</b> With <c>until</c> set, each record is first dated by its as-of columns only;
/// a record dated after <c>until</c> is skipped without reading its other fields (its CSV structure must
/// still be sound). As-of rules: events, missile launches, nuclear tests and pipeline signals by their date
/// (whose <c>year</c>/<c>month</c> columns must agree); monthly rows by year and month; policy phases by
/// their start; administrations by the election day (or the start of the term for DPRK leaders), so a
/// leader elected by <c>until</c> is known with the scheduled <c>term_start</c>; exercises by their end
/// (last day, last month, or December of the year for one not held). In kept rows, dates after <c>until</c>
/// that describe the future (event <c>end_date</c>, <c>term_end</c>, <c>phase_end</c>) become null.</para>
/// </remarks>
public static class HistoricalData
{
    /// <summary>Most errors collected before loading stops.</summary>
    public const int MaxErrors = 50;

    /// <summary>Largest file accepted, in bytes (8 MiB; the curated files are under 60 kB). Larger files are refused unread.</summary>
    public const int MaxFileBytes = 8 << 20;

    /// <summary>The eight curated file names, in ordinal order.</summary>
    public static IReadOnlyList<string> FileNames => Tables.FileNames;

    /// <summary>Loads the eight curated files from <paramref name="folder"/>.</summary>
    /// <param name="folder">The data folder (normally the repository's <c>data/</c>).</param>
    /// <param name="until">When set, nothing dated after this month is read or returned.</param>
    /// <exception cref="HistoricalDataException">A file is missing, unreadable or malformed; the message is the first problem.</exception>
    public static HistoricalDataset Load(string folder, Month? until = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        var log = new ErrorLog(MaxErrors);
        foreach (var name in Tables.FileNames)
            files[name] = HistoryFile.Read(Path.Combine(folder, name), name, log);
        log.ThrowIfAny();
        return Parse(files, until);
    }

    /// <summary>
    /// SHA-256 of a data folder, equal to the CLI's <c>Hashing.DataSha256</c>: every <c>*.csv</c> file in
    /// ordinal name order contributes <c>name\n</c> and the lowercase hex SHA-256 of its bytes as stored,
    /// then <c>\n</c>; the result is the lowercase hex SHA-256 of that UTF-8 text. A missing folder hashes
    /// as the empty set.
    /// </summary>
    public static string ComputeSha256(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var sb = new StringBuilder();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.csv").OrderBy(Path.GetFileName, StringComparer.Ordinal))
            {
                sb.Append(Path.GetFileName(file)).Append('\n')
                  .Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    /// <summary>Parses the eight files from memory (name → bytes; null or absent = missing file).</summary>
    /// <exception cref="HistoricalDataException">Any file is missing or malformed.</exception>
    internal static HistoricalDataset Parse(IReadOnlyDictionary<string, byte[]?> files, Month? until)
    {
        ArgumentNullException.ThrowIfNull(files);
        var log = new ErrorLog(MaxErrors);
        var administrations = TableReader.Read(Tables.Administrations, Get(files, Tables.Administrations.FileName), until, log);
        var events = TableReader.Read(Tables.Events, Get(files, Tables.Events.FileName), until, log);
        var exercises = TableReader.Read(Tables.Exercises, Get(files, Tables.Exercises.FileName), until, log);
        var launches = TableReader.Read(Tables.MissileLaunches, Get(files, Tables.MissileLaunches.FileName), until, log);
        var monthly = ReadMonthly(Get(files, Tables.MonthlySeries.FileName), until, log);
        var tests = TableReader.Read(Tables.NuclearTests, Get(files, Tables.NuclearTests.FileName), until, log);
        var phases = TableReader.Read(Tables.PolicyPhases, Get(files, Tables.PolicyPhases.FileName), until, log);
        var pipeline = TableReader.Read(Tables.WeaponsPipeline, Get(files, Tables.WeaponsPipeline.FileName), until, log);
        log.ThrowIfAny();

        return new HistoricalDataset(
            until, monthly.Rows[0].Month, monthly.Rows[^1].Month,
            Frozen(administrations.Rows), Frozen(events.Rows), Frozen(exercises.Rows), Frozen(launches.Rows),
            Frozen(monthly.Rows), Frozen(tests.Rows), Frozen(phases.Rows), Frozen(pipeline.Rows));
    }

    /// <summary>Reads one file on its own (for tests and fuzzing); returns its kept row count.</summary>
    /// <exception cref="HistoricalDataException">The file is missing or malformed.</exception>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> is not one of <see cref="FileNames"/>.</exception>
    internal static int ParseFile(string fileName, byte[]? bytes, Month? until)
    {
        var log = new ErrorLog(MaxErrors);
        var rows = fileName switch
        {
            "administrations.csv" => TableReader.Read(Tables.Administrations, bytes, until, log).Rows.Count,
            "events.csv" => TableReader.Read(Tables.Events, bytes, until, log).Rows.Count,
            "exercises.csv" => TableReader.Read(Tables.Exercises, bytes, until, log).Rows.Count,
            "missile_launches.csv" => TableReader.Read(Tables.MissileLaunches, bytes, until, log).Rows.Count,
            "monthly_series.csv" => ReadMonthly(bytes, until, log).Rows.Count,
            "nuclear_tests.csv" => TableReader.Read(Tables.NuclearTests, bytes, until, log).Rows.Count,
            "policy_phases.csv" => TableReader.Read(Tables.PolicyPhases, bytes, until, log).Rows.Count,
            "weapons_pipeline.csv" => TableReader.Read(Tables.WeaponsPipeline, bytes, until, log).Rows.Count,
            _ => throw new ArgumentException($"'{fileName}' is not a curated file", nameof(fileName)),
        };
        log.ThrowIfAny();
        return rows;
    }

    private static TableResult<MonthlySeriesRow> ReadMonthly(byte[]? bytes, Month? until, ErrorLog log)
    {
        var monthly = TableReader.Read(Tables.MonthlySeries, bytes, until, log);
        CheckMonthlySequence(monthly, until, log);
        return monthly;
    }

    /// <summary>A read-only copy (the rows themselves are immutable records).</summary>
    private static IReadOnlyList<T> Frozen<T>(List<T> rows) => rows.ToArray().AsReadOnly();

    private static byte[]? Get(IReadOnlyDictionary<string, byte[]?> files, string name) =>
        files.TryGetValue(name, out var bytes) ? bytes : null;

    /// <summary>Every dated record follows the previous one by exactly one month; at least one month is kept.</summary>
    private static void CheckMonthlySequence(TableResult<MonthlySeriesRow> monthly, Month? until, ErrorLog log)
    {
        const string file = "monthly_series.csv";
        Month? previous = null;
        foreach (var (line, key) in monthly.Keys)
        {
            if (key is not { } month)
            {
                previous = null; // already reported; do not cascade
                continue;
            }
            if (previous is { } p && month != p.Plus(1))
                log.Add(file, line, "month", $"{month} follows {p}; expected {p.Plus(1)} (one row per month, in order, no gaps)");
            previous = month;
        }
        if (monthly.Rows.Count == 0 && log.Errors.Count == 0)
        {
            var first = monthly.Keys.Count > 0 ? monthly.Keys[0] : (Line: 1, Key: null);
            log.Add(file, first.Line, null, until is { } u && first.Key is { } k
                ? $"no month on or before {u} (the series starts at {k})"
                : "no data rows");
        }
    }
}
