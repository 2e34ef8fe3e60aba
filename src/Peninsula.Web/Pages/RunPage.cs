using Peninsula.Engine.Output;
using Peninsula.Storage;
using Peninsula.Web.Html;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /runs/{id}</c>: one stored run with its charts, every outcome and downloads.</summary>
public static class RunPage
{
    /// <summary>The page.</summary>
    public static string Render(RunManifest run, ForecastDocument forecast)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(forecast);
        List<(string Label, ForecastDocument Forecast)> one = [(forecast.Policy, forecast)];
        var outcomes = forecast.Outcomes.GroupBy(o => o.Id).Select(g => Markup.Of(
            $"<tr><th>{Format.Outcome(g.Key)}</th>{Markup.Join(g.OrderBy(o => o.WithinMonths).Select(o => Format.Cell(o.P, o.Ci95Mc, o.Ci90Param)))}</tr>"));
        var windows = Markup.Join(forecast.Outcomes.Select(o => o.WithinMonths).Distinct().Order().Select(w => Markup.Of($"<th class=\"num\">≤{w} months</th>")));
        var body = Markup.Of($"""
            {ForecastSections.Provenance(forecast)}
            <p class="muted">Run <span class="mono">{run.RunId}</span> · kind {run.Kind} · stored command: <span class="mono">{run.CommandLine}</span></p>
            <p class="downloads"><a id="download-json" href="/runs/{run.RunId}/forecast.json" download>Forecast (JSON)</a>
            <a href="/runs/{run.RunId}/monthly.csv" download>Monthly table (CSV)</a>
            <a href="/runs/{run.RunId}/outcomes.csv" download>Outcomes table (CSV)</a>
            <a href="/runs?a={run.RunId}">Compare with another run</a></p>
            <h2>Outcomes: probability of a first occurrence within each window</h2>
            <div class="scroll"><table id="outcomes"><thead><tr><th>Outcome</th>{windows}</tr></thead><tbody>{outcomes}</tbody></table></div>
            <p class="muted">Cells: estimate, [Monte Carlo 95% interval], &#123;90% interval from parameter uncertainty&#125;.</p>
            <h2>Escalation: fan chart</h2>
            {ForecastSections.Fan(forecast, forecast.Policy)}
            {ForecastSections.MonthlyTable(one)}
            <h2>First level ≥5 event</h2>
            {ForecastSections.Cumulative(one)}
            <h2>Negotiation phases</h2>
            {ForecastSections.Phases(forecast, forecast.Policy)}
            <h2>Sanctions and economic stress</h2>
            {ForecastSections.Paths(one)}
            """);
        return Layout.Page($"Run {Format.Short(run.RunId)}: {forecast.Scenario}, {forecast.Policy}", body, "history");
    }
}
