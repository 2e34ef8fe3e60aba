using System.Globalization;
using System.Text;

namespace Peninsula.App;

/// <summary>
/// Writes a sweep as <c>sweep.csv</c>: one row per cell and headline outcome, with a column per grid key, the
/// probability with its intervals and the paired difference against the base cell with its intervals
/// (probabilities, not percentages; RFC 4180 quoting).
/// </summary>
public static class SweepCsv
{
    /// <summary>Serializes the cells.</summary>
    public static string Write(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        var header = new List<string> { "cell" };
        header.AddRange(report.Plan.Axes.Select(a => a.Key));
        header.AddRange(["package", "outcome", "within_months", "p", "ci95_mc_lo", "ci95_mc_hi", "ci90_param_lo", "ci90_param_hi",
            "vs_base", "vs_base_ci95_mc_lo", "vs_base_ci95_mc_hi", "vs_base_ci90_param_lo", "vs_base_ci90_param_hi", "run_id"]);
        Line(sb, header);
        foreach (var cell in report.Cells)
        {
            for (var h = 0; h < report.Headline.Length; h++)
            {
                var o = cell.Outcomes[h];
                var row = new List<string> { cell.Cell.Index.ToString(CultureInfo.InvariantCulture) };
                row.AddRange(cell.Cell.Assignments.Select(a => a.Value));
                row.AddRange([cell.Cell.BasePolicy, report.OutcomeId(h), report.Headline[h].Window.ToString(CultureInfo.InvariantCulture),
                    N(o.P), N(o.Ci95Mc.Lo), N(o.Ci95Mc.Hi), N(o.Ci90Param.Lo), N(o.Ci90Param.Hi),
                    N(o.VsBase.Value), N(o.VsBase.Ci95Mc.Lo), N(o.VsBase.Ci95Mc.Hi), N(o.VsBase.Ci90Param.Lo), N(o.VsBase.Ci90Param.Hi), cell.RunId]);
                Line(sb, row);
            }
        }
        return sb.ToString();
    }

    private static string N(double x)
    {
        var r = Math.Round(x, 6);
        if (r == 0) r = 0;
        return r.ToString("0.######", CultureInfo.InvariantCulture);
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(',', fields.Select(Quote)).Append('\n');
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
