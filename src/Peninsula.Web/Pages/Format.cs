using System.Globalization;
using Peninsula.Web.Html;

namespace Peninsula.Web.Pages;

/// <summary>Numbers as the CLI shows them: percentages with one decimal, intervals in brackets.</summary>
public static class Format
{
    /// <summary>A probability as a percentage, e.g. "23.1%".</summary>
    public static string Percent(double p) => double.IsFinite(p) ? (100 * p).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A probability difference in percentage points, e.g. "+2.4".</summary>
    public static string Points(double d) => double.IsFinite(d) ? (100 * d).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";

    /// <summary>An interval of probabilities in percent, e.g. "22.7–23.5".</summary>
    public static string Interval(double lo, double hi) =>
        $"{(100 * lo).ToString("0.0", CultureInfo.InvariantCulture)}–{(100 * hi).ToString("0.0", CultureInfo.InvariantCulture)}";

    /// <summary>An interval of differences in points, e.g. "−1.0, +2.3".</summary>
    public static string PointsInterval(double lo, double hi) => $"{Points(lo)}, {Points(hi)}";

    /// <summary>A cell "estimate [Monte Carlo 95%] {parameter 90%}" as the CLI prints it.</summary>
    public static Markup Cell(double p, (double Lo, double Hi) mc, (double Lo, double Hi) param) =>
        Markup.Of($"<td class=\"num\">{Percent(p)}<br><span class=\"ci\">[{Interval(mc.Lo, mc.Hi)}]<br>{{{Interval(param.Lo, param.Hi)}}}</span></td>");

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>The first 12 characters of an id.</summary>
    public static string Short(string id) => id.Length > 12 ? id[..12] : id;

    /// <summary>Short outcome name for column heads, e.g. "level ≥5".</summary>
    public static string ShortOutcome(string id) => id switch
    {
        "level>=3" => "level ≥3",
        "level>=4" => "level ≥4",
        "level>=5" => "level ≥5",
        "level6" => "level 6",
        "un_resolution" => "UN resolution",
        _ => id,
    };

    /// <summary>Readable outcome name, e.g. "level ≥5 event".</summary>
    public static string Outcome(string id) => Reporting.ForecastCharts.EventName(id);
}
