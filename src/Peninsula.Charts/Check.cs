using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Peninsula.Charts;

/// <summary>
/// Input checks of the chart builders. Every failure is an <see cref="ArgumentException"/> for the
/// parameter <c>data</c> whose message names the offending field by path, e.g.
/// <c>FanChartData.Series[1].Points[3].Q95</c>.
/// </summary>
internal static partial class Check
{
    private static readonly string Parameter = "data";

    public static ArgumentException Fail(string field, string message) =>
        new($"{field} {message}.", Parameter);

    public static void That(bool ok, string field, string message)
    {
        if (!ok)
            throw Fail(field, message);
    }

    public static void NotNull(object? value, string field) =>
        That(value is not null, field, "must not be null");

    /// <summary>Axis and legend labels: may be empty, not null.</summary>
    public static void Labels(string root, params (string Name, string? Value)[] labels)
    {
        foreach ((string name, string? value) in labels)
            NotNull(value, $"{root}.{name}");
    }

    public static void Text(string? value, string field) =>
        That(!string.IsNullOrWhiteSpace(value), field, "must not be empty");

    public static void NotEmpty<T>(ImmutableArray<T> values, string field) =>
        That(!values.IsDefaultOrEmpty, field, "must not be empty");

    /// <summary>Same length as the reference field, which must hold <paramref name="expected"/> items.</summary>
    public static void Length<T>(ImmutableArray<T> values, int expected, string field, string referenceField)
    {
        That(!values.IsDefault, field, "must not be null");
        That(values.Length == expected, field,
            $"has {values.Length} values but {referenceField} has {expected}; the lengths must match");
    }

    public static void Finite(double value, string field) =>
        That(double.IsFinite(value), field, $"must be a finite number but was {value}");

    public static void Probability(double value, string field)
    {
        Finite(value, field);
        That(value is >= 0 and <= 1, field, $"must be a probability in [0, 1] but was {value}");
    }

    public static void InRange(double value, double low, double high, string field)
    {
        Finite(value, field);
        That(value >= low && value <= high, field, $"must be in [{low}, {high}] but was {value}");
    }

    public static void Ordered(double low, double high, string lowField, string highField) =>
        That(low <= high, lowField, $"({low}) must not exceed {highField} ({high})");

    public static void Month(string? value, string field)
    {
        Text(value, field);
        That(MonthPattern().IsMatch(value!), field, $"must be a month \"YYYY-MM\" but was '{value}'");
    }

    /// <summary>Non-empty, each a valid month, strictly increasing.</summary>
    public static void Months(ImmutableArray<string> months, string field)
    {
        NotEmpty(months, field);
        for (int i = 0; i < months.Length; i++)
        {
            Month(months[i], $"{field}[{i}]");
            if (i > 0)
            {
                That(string.CompareOrdinal(months[i - 1], months[i]) < 0, $"{field}[{i}]",
                    $"('{months[i]}') must come after {field}[{i - 1}] ('{months[i - 1]}')");
            }
        }
    }

    /// <summary>Names that are non-empty and distinct; <paramref name="fieldOf"/> names item i's field.</summary>
    public static void DistinctNames(IReadOnlyList<string> names, Func<int, string> fieldOf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            Text(names[i], fieldOf(i));
            That(seen.Add(names[i]), fieldOf(i), $"('{names[i]}') appears twice; names must be distinct");
        }
    }

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
