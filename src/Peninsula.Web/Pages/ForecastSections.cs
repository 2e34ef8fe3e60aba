using System.Collections.Immutable;
using Peninsula.Charts;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Reporting;
using Peninsula.Web.Html;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Pages;

/// <summary>The tables and charts the result pages share. Forecasts come labelled: (label shown, forecast).</summary>
public static class ForecastSections
{
    /// <summary>The headline outcomes for a horizon, as (event id, window).</summary>
    public static IReadOnlyList<(string Id, int Window)> Headline(int months) =>
        [.. HeadlineOutcomes.For(months).Select(h => (Outcomes.Ids[(int)h.Event], h.Window))];

    /// <summary>Packages side by side: one row per forecast, one column per headline outcome.</summary>
    public static Markup OutcomeTable(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts, string id = "outcomes")
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var headline = Headline(forecasts[0].Forecast.Months);
        var head = Markup.Join(headline.Select(h => Markup.Of($"<th class=\"num\">P({Format.ShortOutcome(h.Id)})<br>≤{h.Window} months</th>")));
        var rows = forecasts.Select(f =>
        {
            var cells = headline.Select(h => f.Forecast.Outcomes.FirstOrDefault(o => o.Id == h.Id && o.WithinMonths == h.Window) is { } o
                ? Format.Cell(o.P, o.Ci95Mc, o.Ci90Param)
                : Markup.Of($"<td class=\"num\">–</td>"));
            return Markup.Of($"<tr><th>{f.Label}</th>{Markup.Join(cells)}</tr>");
        });
        return Markup.Of($"""
            <div class="scroll"><table id="{id}"><thead><tr><th>Package</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>
            <p class="muted">Cells: estimate, [Monte Carlo 95% interval], &#123;90% interval from parameter uncertainty&#125;.</p>
            """);
    }

    /// <summary>Paired differences (common random numbers), grouped by the package they are taken against.</summary>
    public static Markup DifferenceTable(IReadOnlyList<DifferenceRow> differences, Func<string, string> label, string id = "differences")
    {
        ArgumentNullException.ThrowIfNull(differences);
        ArgumentNullException.ThrowIfNull(label);
        if (differences.Count == 0) return Markup.Empty;
        var outcomes = differences.Select(d => (d.OutcomeId, d.WithinMonths)).Distinct().ToList();
        var head = Markup.Join(outcomes.Select(o => Markup.Of($"<th class=\"num\">Δ {Format.ShortOutcome(o.OutcomeId)}<br>≤{o.WithinMonths} months</th>")));
        var rows = differences.Select(d => (d.Policy, d.Reference)).Distinct().Select(pair =>
        {
            var cells = outcomes.Select(o => differences.FirstOrDefault(d => d.Policy == pair.Policy && d.Reference == pair.Reference && d.OutcomeId == o.OutcomeId && d.WithinMonths == o.WithinMonths) is { } d
                ? Markup.Of($"<td class=\"num {(d.McLo > 0 ? "pos" : d.McHi < 0 ? "neg" : "")}\">{Format.Points(d.Difference)}<br><span class=\"ci\">[{Format.PointsInterval(d.McLo, d.McHi)}]<br>{{{Format.PointsInterval(d.ParamLo, d.ParamHi)}}}</span></td>")
                : Markup.Of($"<td class=\"num\">–</td>"));
            return Markup.Of($"<tr><th>{label(pair.Policy)} − {label(pair.Reference)}</th>{Markup.Join(cells)}</tr>");
        });
        return Markup.Of($"""
            <div class="scroll"><table id="{id}"><thead><tr><th>Difference</th>{head}</tr></thead><tbody>{rows}</tbody></table></div>
            <p class="muted">Percentage points, paired run by run on common random numbers: Δ, [Monte Carlo 95%], &#123;parameter 90%&#125;. Red: more likely than the package it is compared with (Monte Carlo interval above 0); green: less likely.</p>
            """);
    }

    /// <summary>P(level ≥3/≥4/≥5) month by month for each forecast, in a collapsed table (readable without JavaScript).</summary>
    public static Markup MonthlyTable(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        var head = Markup.Join(forecasts.Select(f => Markup.Of($"<th class=\"num\" colspan=\"3\">{f.Label}</th>")));
        var sub = Markup.Join(forecasts.Select(_ => Markup.Of($"<th class=\"num\">≥3</th><th class=\"num\">≥4</th><th class=\"num\">≥5</th>")));
        var months = forecasts[0].Forecast.Monthly;
        var rows = months.Select((m, i) => Markup.Of($"<tr><td>{m.Month}</td>{Markup.Join(forecasts.Select(f =>
        {
            var x = i < f.Forecast.Monthly.Length ? f.Forecast.Monthly[i].Exceedance : [];
            return x.Length >= 5
                ? Markup.Of($"<td class=\"num\">{Format.Percent(x[2].P)}</td><td class=\"num\">{Format.Percent(x[3].P)}</td><td class=\"num\">{Format.Percent(x[4].P)}</td>")
                : Markup.Of($"<td></td><td></td><td></td>");
        }))}</tr>"));
        return Markup.Of($"""
            <details><summary>Monthly P(highest level that month ≥ k), every month</summary>
            <div class="scroll"><table><thead><tr><th rowspan="2">Month</th>{head}</tr><tr>{sub}</tr></thead><tbody>{rows}</tbody></table></div>
            </details>
            """);
    }

    /// <summary>A chart as an inline SVG figure, or a note when the chart cannot be drawn from these numbers.</summary>
    public static Markup Chart(Func<ChartImage> make, string caption)
    {
        ArgumentNullException.ThrowIfNull(make);
        try
        {
            return ChartMarkup.Figure(make(), caption);
        }
        catch (ArgumentException e)
        {
            return Markup.Of($"<p class=\"muted\">Chart not drawn: {e.Message}</p>");
        }
    }

    /// <summary>The fan chart of P(level ≥3/≥4/≥5) with parameter bands.</summary>
    public static Markup Fan(ForecastDocument forecast, string label) =>
        Chart(() => FanChart.Create(ForecastCharts.Fan(forecast, label)),
            $"Fan chart · {label}: monthly probability that the highest escalation level reaches 3, 4 or 5; shaded bands are 50% and 90% intervals over parameter draws.");

    /// <summary>Cumulative probability of a first level ≥5 event, one line per forecast.</summary>
    public static Markup Cumulative(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts) =>
        Chart(() => CumulativeProbabilityChart.Create(ForecastCharts.Cumulative(Relabelled(forecasts), "level>=5")),
            "Cumulative probability of a first level ≥5 event (ICBM or nuclear test class) by each month, with 90% parameter bands.");

    /// <summary>Headline probabilities side by side.</summary>
    public static Markup Headlines(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts) =>
        Chart(() => HeadlineProbabilityChart.Create(ForecastCharts.Headlines(Relabelled(forecasts), headline: Headline(forecasts[0].Forecast.Months))),
            "Headline outcomes by package, with 90% parameter intervals.");

    /// <summary>Paired differences against one package.</summary>
    public static Markup Differences(IReadOnlyList<DifferenceRow> rows, ForecastDocument reference, Func<string, string> label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(reference);
        if (rows.Count == 0) return Markup.Empty;
        return Chart(() => PolicyComparisonChart.Create(ForecastCharts.Differences([.. rows.Select(r => r.ToPaired())], reference, label, Headline(reference.Months))),
            $"Paired differences from {label(reference.Policy)}: Monte Carlo 95% and parameter 90% intervals drawn apart.");
    }

    /// <summary>Negotiation phases over time.</summary>
    public static Markup Phases(ForecastDocument forecast, string label) =>
        Chart(() => PhaseChart.Create(ForecastCharts.Phases(forecast, label)), $"Share of runs in each negotiation phase, month by month · {label}.");

    /// <summary>Sanctions pressure and economic stress of several forecasts in one chart.</summary>
    public static Markup Paths(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts) =>
        Chart(() =>
        {
            var parts = forecasts.Select(f => ForecastCharts.Paths(f.Forecast, f.Label)).ToList();
            var quantities = parts[0].Quantities.Select((q, i) => q with { Series = [.. parts.SelectMany(p => p.Quantities[i].Series)] }).ToImmutableArray();
            return PathChart.Create(parts[0] with { Title = "Sanctions pressure and economic stress", Quantities = quantities });
        }, "Sanctions pressure and DPRK economic stress: mean across runs with the 5–95% range.");

    /// <summary>Forecasts whose policy field carries the label (charts name series by it).</summary>
    public static IReadOnlyList<ForecastDocument> Relabelled(IReadOnlyList<(string Label, ForecastDocument Forecast)> forecasts) =>
        [.. forecasts.Select(f => f.Forecast with { Policy = f.Label })];

    /// <summary>Provenance line of a forecast.</summary>
    public static Markup Provenance(ForecastDocument f) => Markup.Of($"""
        <p class="muted">{f.Scenario} · start {f.Start} · {f.Months} months · {Format.Count(f.Runs)} runs per package · {f.ParameterDraws} parameter draws · seed {f.Seed} ·
        parameters: {(f.Provenance.Calibration.Source == "priors" ? "documented priors" : f.Provenance.Calibration.Source + " (cutoff " + f.Provenance.Calibration.Cutoff + ")")} ·
        scenario sha256 <span class="mono">{Format.Short(f.Provenance.ScenarioSha256)}</span> · code {f.Provenance.CodeVersion}</p>
        """);
}
