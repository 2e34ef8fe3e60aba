using System.Text.RegularExpressions;
using Peninsula.Charts;

namespace Peninsula.Web.Html;

/// <summary>Charts as inline SVG figures: scalable, readable without JavaScript, nothing fetched.</summary>
public static partial class ChartMarkup
{
    private static long _counter;

    /// <summary>
    /// The chart as a <c>figure</c> with inline SVG. The SVG's fixed size becomes a view box so it scales with the
    /// page, and its clip-path ids get a prefix unique in this process so several charts on one page never share one.
    /// </summary>
    public static Markup Figure(ChartImage chart, string caption)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var prefix = "c" + Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture) + "_";
        var svg = chart.Svg;
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        svg = SizeAttributes().Replace(svg, m =>
            $"<svg{m.Groups[1].Value} viewBox=\"0 0 {chart.Width} {chart.Height}\" role=\"img\" aria-label=\"{Markup.Encode(chart.Title)}\"", 1);
        svg = IdReference().Replace(svg, m => m.Groups[1].Value + prefix);
        return Markup.Of($"<figure>{Markup.Trusted(svg)}<figcaption>{caption}</figcaption></figure>");
    }

    [GeneratedRegex(@"<svg([^>]*?)\s+width=""\d+""\s+height=""\d+""", RegexOptions.CultureInvariant)]
    private static partial Regex SizeAttributes();

    [GeneratedRegex("""(id="|url\(#|href="#)(?=[A-Za-z])""", RegexOptions.CultureInvariant)]
    private static partial Regex IdReference();
}
