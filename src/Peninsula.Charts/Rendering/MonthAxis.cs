using System.Collections.Immutable;
using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Peninsula.Charts.Rendering;

/// <summary>
/// Month labels "YYYY-MM" on a category axis (x = 0, 1, … for the months in order), thinned to a
/// calendar-aligned step (every 1, 2, 3, 6, 12, … months) so that labels never overlap.
/// </summary>
internal static class MonthAxis
{
    private static readonly int[] Steps = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240];

    /// <summary>Months since year 0 of a validated "YYYY-MM" label.</summary>
    public static int Ordinal(string month) =>
        (int.Parse(month.AsSpan(0, 4), CultureInfo.InvariantCulture) * 12)
        + int.Parse(month.AsSpan(5, 2), CultureInfo.InvariantCulture) - 1;

    /// <summary>Decimal year of the middle of a month ("2001-07" → 2001.54).</summary>
    public static double DecimalYear(string month) => (Ordinal(month) + 0.5) / 12.0;

    /// <summary>Sets month tick labels on <paramref name="axis"/> for categories 0 … n − 1.</summary>
    /// <param name="axis">The month axis.</param>
    /// <param name="months">Validated month labels.</param>
    /// <param name="style">Font sizes.</param>
    /// <param name="plotWidth">Pixels available to the axis and its neighbours (the figure width less any side legend).</param>
    public static void Apply(IAxis axis, ImmutableArray<string> months, ChartStyle style, float plotWidth)
    {
        // "2021-01" is about 4.4 em wide; keep at least 1.5 label widths between label starts.
        float labelWidth = 4.4f * style.TickLabelFontSize;
        int maxLabels = Math.Max(2, (int)((plotWidth - 100) / (labelWidth * 1.4f)));
        int step = Steps.FirstOrDefault(s => (months.Length + s - 1) / s <= maxLabels, Steps[^1]);
        var ticks = new List<Tick>();
        for (int i = 0; i < months.Length; i++)
        {
            if (Ordinal(months[i]) % step == 0)
                ticks.Add(Tick.Major(i, months[i]));
            else if (months.Length <= 120)
                ticks.Add(Tick.Minor(i));
        }
        if (!ticks.Any(t => t.IsMajor))
            ticks.Insert(0, Tick.Major(0, months[0]));
        axis.TickGenerator = new NumericManual([.. ticks]);
    }

    /// <summary>Year ticks on a decimal-year axis between <paramref name="first"/> and <paramref name="last"/>.</summary>
    public static void ApplyYears(IAxis axis, int first, int last, ChartStyle style, float plotWidth)
    {
        float labelWidth = 2.6f * style.TickLabelFontSize;
        int maxLabels = Math.Max(2, (int)((plotWidth - 180) / (labelWidth * 1.6f)));
        int span = last - first + 1;
        int step = new[] { 1, 2, 5, 10, 20, 50 }.FirstOrDefault(s => (span + s - 1) / s <= maxLabels, 100);
        var ticks = new List<Tick>();
        for (int year = first; year <= last; year++)
        {
            ticks.Add(year % step == 0
                ? Tick.Major(year, year.ToString(CultureInfo.InvariantCulture))
                : Tick.Minor(year));
        }
        axis.TickGenerator = new NumericManual([.. ticks]);
    }
}
