using System.Buffers;
using System.Globalization;
using Peninsula.Core;

namespace Peninsula.History.Parsing;

/// <summary>
/// Reads the fields of one record by column name with invariant-culture parsing. Every accessor returns a
/// placeholder on failure and logs an error naming the file, line, column and the problem; the caller
/// drops the record when <see cref="HasErrors"/> is set.
/// </summary>
internal sealed class RowReader
{
    /// <summary>Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.</summary>
    private static readonly SearchValues<char> ForbiddenCharacters = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i), .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i), '\u2028', '\u2029']);

    private readonly string _file;
    private readonly string[] _fields;
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly ErrorLog _log;
    private readonly DateOnly? _lastVisibleDay;

    public RowReader(string file, CsvRecord record, IReadOnlyDictionary<string, int> index, ErrorLog log, Month? until)
    {
        _file = file;
        _fields = record.Fields;
        Line = record.Line;
        _index = index;
        _log = log;
        _lastVisibleDay = until is { } u ? LastDay(u) : null;
    }

    /// <summary>1-based line where the record starts.</summary>
    public int Line { get; }

    /// <summary>Whether any field of this record failed to read.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Logs a problem with <paramref name="column"/> (or the whole record when null).</summary>
    public void Fail(string? column, string problem)
    {
        HasErrors = true;
        _log.Add(_file, Line, column, problem);
    }

    /// <summary>A required text field: non-empty, no control characters, no surrounding whitespace.</summary>
    public string Text(string column)
    {
        var value = Raw(column);
        if (value is null)
            return "";
        if (value.Length == 0)
            Fail(column, "is empty but required");
        return value;
    }

    /// <summary>An optional text field; null when empty.</summary>
    public string? OptionalText(string column)
    {
        var value = Raw(column);
        if (value is null)
            return null;
        return value.Length == 0 ? null : value;
    }

    /// <summary>A required value from a fixed vocabulary (ordinal, case-sensitive).</summary>
    public string OneOf(string column, IReadOnlySet<string> allowed)
    {
        var value = Raw(column);
        if (value is null)
            return "";
        if (!allowed.Contains(value))
            Fail(column, $"{ErrorLog.Show(value)} is not one of {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
        return value;
    }

    /// <summary>A required non-negative integer (digits only).</summary>
    public int Count(string column) => OptionalCount(column, required: true) ?? 0;

    /// <summary>An optional non-negative integer; null when empty.</summary>
    public int? OptionalCount(string column) => OptionalCount(column, required: false);

    /// <summary>A required four-digit year between 1900 and 2100.</summary>
    public int Year(string column)
    {
        var value = Raw(column);
        if (value is null)
            return 0;
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            return year;
        Fail(column, $"{ErrorLog.Show(value)} is not a year (YYYY, 1900-2100)");
        return 0;
    }

    /// <summary>A required month of year, 1–12 (a leading zero is allowed).</summary>
    public int MonthOfYear(string column)
    {
        var value = Raw(column);
        if (value is null)
            return 0;
        if (value.Length is 1 or 2 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return month;
        Fail(column, $"{ErrorLog.Show(value)} is not a month number (1-12)");
        return 0;
    }

    /// <summary>A required ISO date <c>YYYY-MM-DD</c>.</summary>
    public DateOnly Date(string column) => OptionalDate(column, required: true) ?? default;

    /// <summary>An optional ISO date; null when empty.</summary>
    public DateOnly? OptionalDate(string column) => OptionalDate(column, required: false);

    /// <summary>An optional month <c>YYYY-MM</c>; null when empty.</summary>
    public Month? OptionalYearMonth(string column)
    {
        var value = Raw(column);
        if (value is null || value.Length == 0)
            return null;
        if (value.Length == 7 && value[4] == '-' && Month.TryParse(value, out var month) && month.Year is >= 1900 and <= 2100)
            return month;
        Fail(column, $"{ErrorLog.Show(value)} is not a month (YYYY-MM)");
        return null;
    }

    /// <summary>A required time of day <c>HH:mm</c>.</summary>
    public TimeOnly Time(string column)
    {
        var value = Raw(column);
        if (value is null)
            return default;
        if (TimeOnly.TryParseExact(value, "HH':'mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        Fail(column, $"{ErrorLog.Show(value)} is not a time (HH:mm)");
        return default;
    }

    /// <summary>An optional non-negative decimal number (invariant culture, no exponent or sign); null when empty.</summary>
    public double? OptionalNumber(string column)
    {
        var value = Raw(column);
        if (value is null || value.Length == 0)
            return null;
        if (TryNumber(value, out var number))
            return number;
        Fail(column, $"{ErrorLog.Show(value)} is not a non-negative number");
        return null;
    }

    /// <summary>A required text that starts with a non-negative decimal number, e.g. <c>6.3 (USGS); 6.1 (CTBTO)</c>; returns the number.</summary>
    public double LeadingNumber(string column)
    {
        var value = Raw(column);
        if (value is null)
            return 0;
        var end = 0;
        while (end < value.Length && (char.IsAsciiDigit(value[end]) || value[end] == '.'))
            end++;
        if (end > 0 && (end == value.Length || value[end] == ' ') && TryNumber(value[..end], out var number))
            return number;
        Fail(column, $"{ErrorLog.Show(value)} does not start with a non-negative number");
        return 0;
    }

    /// <summary>A required <c>yes</c>/<c>no</c> flag.</summary>
    public bool YesNo(string column)
    {
        var value = Raw(column);
        if (value is null)
            return false;
        switch (value)
        {
            case "yes": return true;
            case "no": return false;
            default:
                Fail(column, $"{ErrorLog.Show(value)} is not yes or no");
                return false;
        }
    }

    /// <summary>Checks that the year and month columns agree with <paramref name="date"/>.</summary>
    public void RequireSameMonth(DateOnly date, string dateColumn, string yearColumn, string monthColumn)
    {
        var year = Year(yearColumn);
        var month = MonthOfYear(monthColumn);
        if (HasErrors)
            return;
        if (year != date.Year)
            Fail(yearColumn, $"{year} does not match {dateColumn} {Iso(date)}");
        else if (month != date.Month)
            Fail(monthColumn, $"{month} does not match {dateColumn} {Iso(date)}");
    }

    /// <summary>
    /// The date when it is on or before the last day of <c>until</c>; null when it is later (not yet known then).
    /// Without <c>until</c>, the date itself.
    /// </summary>
    public DateOnly? KnownBy(DateOnly? date) => date is { } d && _lastVisibleDay is { } last && d > last ? null : date;

    /// <summary>ISO text of a date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The month of a date.</summary>
    public static Month MonthOf(DateOnly date) => Month.Of(date.Year, date.Month);

    /// <summary>Last calendar day of a month.</summary>
    public static DateOnly LastDay(Month month) =>
        new(month.Year, month.MonthOfYear, DateTime.DaysInMonth(month.Year, month.MonthOfYear));

    private int? OptionalCount(string column, bool required)
    {
        // Fast path for the common case (plain digits); anything else goes through the checks below.
        var field = _fields[_index[column]];
        if (field.Length is > 0 and <= 9)
        {
            var n = 0;
            foreach (var c in field)
            {
                if (!char.IsAsciiDigit(c))
                {
                    n = -1;
                    break;
                }
                n = n * 10 + (c - '0');
            }
            if (n >= 0)
                return n;
        }

        var value = Raw(column);
        if (value is null)
            return null;
        if (value.Length == 0)
        {
            if (required)
                Fail(column, "is empty; expected a non-negative integer");
            return null;
        }
        if (value.Length <= 9 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return count;
        Fail(column, $"{ErrorLog.Show(value)} is not a non-negative integer");
        return null;
    }

    private DateOnly? OptionalDate(string column, bool required)
    {
        var value = Raw(column);
        if (value is null)
            return null;
        if (value.Length == 0)
        {
            if (required)
                Fail(column, "is empty; expected a date (YYYY-MM-DD)");
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year is >= 1900 and <= 2100)
            return date;
        Fail(column, $"{ErrorLog.Show(value)} is not a date (YYYY-MM-DD)");
        return null;
    }

    private static bool TryNumber(string value, out double number)
    {
        number = 0;
        return value.Length is > 0 and <= 20 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[^1])
            && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    /// <summary>
    /// The raw field, or null (after logging) when it contains a control character or surrounding
    /// whitespace; accessors then return a placeholder without logging again.
    /// </summary>
    private string? Raw(string column)
    {
        var value = _fields[_index[column]];
        if (value.Length == 0)
            return value;
        if (value.AsSpan().ContainsAny(ForbiddenCharacters))
        {
            Fail(column, $"{ErrorLog.Show(value)} contains a control character");
            return null;
        }
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            Fail(column, $"{ErrorLog.Show(value)} has leading or trailing whitespace");
            return null;
        }
        return value;
    }
}
