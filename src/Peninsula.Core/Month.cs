using System.Globalization;

namespace Peninsula.Core;

/// <summary>
/// A calendar month, stored as a count of months since January of year 0, so that
/// arithmetic and comparison are plain integer operations.
/// </summary>
public readonly record struct Month(int Index) : IComparable<Month>
{
    /// <summary>Creates a month from a year and a 1-based month number (1–12).</summary>
    public static Month Of(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1-12");
        return new Month(year * 12 + month - 1);
    }

    /// <summary>Calendar year.</summary>
    public int Year => Index / 12;

    /// <summary>Month of year, 1–12.</summary>
    public int MonthOfYear => Index % 12 + 1;

    /// <summary>Parses <c>YYYY-MM</c> (also accepts a full ISO date <c>YYYY-MM-DD</c>, keeping the month).</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length == 10 && s[7] == '-')
        {
            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
            s = s[..7];
        }
        if (s.Length != 7 || s[4] != '-') return false;
        if (!int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return false;
        if (!int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        if (m is < 1 or > 12 || y < 1) return false;
        month = Of(y, m);
        return true;
    }

    /// <summary>Parses <c>YYYY-MM</c> or throws <see cref="FormatException"/>.</summary>
    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month");

    /// <summary>The month <paramref name="months"/> later (negative for earlier).</summary>
    public Month Plus(int months) => new(Index + months);

    /// <summary>Whole months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(Month other) => Index - other.Index;

    public int CompareTo(Month other) => Index.CompareTo(other.Index);

    public static bool operator <(Month a, Month b) => a.Index < b.Index;
    public static bool operator >(Month a, Month b) => a.Index > b.Index;
    public static bool operator <=(Month a, Month b) => a.Index <= b.Index;
    public static bool operator >=(Month a, Month b) => a.Index >= b.Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{MonthOfYear:D2}");
}
