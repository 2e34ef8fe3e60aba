using System.Globalization;
using System.Text;
using Peninsula.Core;
using Peninsula.Engine.Output;

namespace Peninsula.Web.Archive;

/// <summary>
/// Forecasts as CSV for spreadsheets: a monthly table (ladder probabilities, P(level ≥ k) with 50% and 90% parameter
/// bands, phases, sanctions and stress) and an outcomes table. One row per package and month (or outcome), with
/// the package in the first column, so several packages stack in one file. RFC 4180 quoting, invariant numbers.
/// </summary>
public static class ForecastCsv
{
    /// <summary>The monthly table of every forecast.</summary>
    public static string Monthly(IReadOnlyList<ForecastDocument> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var sb = new StringBuilder();
        var header = new List<string> { "policy", "month" };
        for (var k = 0; k < Ladder.Levels; k++) header.Add($"p_level{k}");
        for (var k = 1; k < Ladder.Levels; k++)
        {
            header.AddRange([$"p_ge{k}", $"p_ge{k}_band50_lo", $"p_ge{k}_band50_hi", $"p_ge{k}_band90_lo", $"p_ge{k}_band90_hi"]);
        }
        header.Add("engage");
        header.AddRange(Phases.Ids.Select(id => "phase_" + id));
        header.AddRange(["sanctions_mean", "sanctions_q05", "sanctions_q95", "stress_mean", "stress_q05", "stress_q95"]);
        Line(sb, header);
        foreach (var f in forecasts)
        {
            foreach (var m in f.Monthly)
            {
                var row = new List<string> { f.Policy, m.Month };
                row.AddRange(m.Ladder.Select(N));
                foreach (var b in m.Exceedance) row.AddRange([N(b.P), N(b.Band50.Lo), N(b.Band50.Hi), N(b.Band90.Lo), N(b.Band90.Hi)]);
                row.Add(N(m.Engage));
                row.AddRange(m.Phase.Select(N));
                row.AddRange([N(m.SanctionsPressure.Mean), N(m.SanctionsPressure.Q05), N(m.SanctionsPressure.Q95),
                    N(m.EconomicStress.Mean), N(m.EconomicStress.Q05), N(m.EconomicStress.Q95)]);
                Line(sb, row);
            }
        }
        return sb.ToString();
    }

    /// <summary>The outcomes table of every forecast: P(first occurrence within the window) with both intervals.</summary>
    public static string Outcomes(IReadOnlyList<ForecastDocument> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var sb = new StringBuilder();
        Line(sb, ["policy", "outcome", "within_months", "p", "ci95_mc_lo", "ci95_mc_hi", "ci90_param_lo", "ci90_param_hi"]);
        foreach (var f in forecasts)
        {
            foreach (var o in f.Outcomes)
            {
                Line(sb, [f.Policy, o.Id, o.WithinMonths.ToString(CultureInfo.InvariantCulture), N(o.P), N(o.Ci95Mc.Lo), N(o.Ci95Mc.Hi), N(o.Ci90Param.Lo), N(o.Ci90Param.Hi)]);
            }
        }
        return sb.ToString();
    }

    private static string N(double x) => double.IsFinite(x) ? Math.Round(x, 6).ToString("0.######", CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder sb, IEnumerable<string> cells)
    {
        sb.AppendJoin(',', cells.Select(Quote)).Append("\r\n");
    }

    private static string Quote(string cell)
    {
        // Quote when needed, and defuse spreadsheet formulas in text cells.
        if (cell.Length > 0 && cell[0] is '=' or '+' or '@' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) cell = "'" + cell;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
