using System.Globalization;
using System.Text.RegularExpressions;
using Peninsula.Core;

namespace Peninsula.Scenarios.Semantics;

/// <summary>
/// A scenario date: <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>. Compared by month, and by day only when both
/// carry one (so an inauguration on 2021-01-20 does not overlap a term ending 2021-01-20).
/// </summary>
internal readonly partial record struct DateText(Month Month, int? Day)
{
    /// <summary>True when <paramref name="text"/> has the schema's date form (whether or not the day exists).</summary>
    public static bool HasDateForm(string text) => DateForm().IsMatch(text);

    /// <summary>Parses a date of the schema's form that names a real day.</summary>
    public static bool TryParse(string text, out DateText date)
    {
        date = default;
        if (!HasDateForm(text) || !Month.TryParse(text, out var month)) return false;
        int? day = text.Length == 10 ? int.Parse(text.AsSpan(8, 2), NumberStyles.None, CultureInfo.InvariantCulture) : null;
        date = new DateText(month, day);
        return true;
    }

    /// <summary>Negative, zero or positive as this date is before, the same as or after <paramref name="other"/>.</summary>
    public int CompareTo(DateText other)
    {
        var byMonth = Month.CompareTo(other.Month);
        if (byMonth != 0 || Day is null || other.Day is null) return byMonth;
        return Day.Value.CompareTo(other.Day.Value);
    }

    public override string ToString() =>
        Day is null ? Month.ToString() : string.Create(CultureInfo.InvariantCulture, $"{Month}-{Day:D2}");

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$")]
    private static partial Regex DateForm();
}
