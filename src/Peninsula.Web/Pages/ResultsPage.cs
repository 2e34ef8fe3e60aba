using Peninsula.Engine.Output;
using Peninsula.Web.Html;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /results/{job}</c>: the edited package beside its base and the reference, with charts, tables and downloads.</summary>
public static class ResultsPage
{
    /// <summary>The page.</summary>
    /// <param name="record">A completed job.</param>
    /// <param name="forecasts">The job's forecasts in <see cref="JobRecord.Policies"/> order (from the run store).</param>
    public static string Render(JobRecord record, IReadOnlyList<ForecastDocument> forecasts)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(forecasts);
        string Label(string policy) =>
            policy == record.CustomPolicy ? "edited" :
            policy == record.BasePolicy ? policy + " (base)" :
            policy == record.ReferencePolicy ? policy + " (reference)" : policy;
        List<(string Label, ForecastDocument Forecast)> labelled = [.. forecasts.Select(f => (Label(f.Policy), f))];
        var custom = forecasts.First(f => f.Policy == record.CustomPolicy);
        var basis = forecasts.First(f => f.Policy == record.BasePolicy);

        var changes = record.Levers.ChangesFrom(record.BaseLevers);
        var changeRows = changes.Count == 0
            ? Markup.Of($"<tr><td colspan=\"3\" class=\"muted\">No lever changed: the edited package equals {record.BasePolicy}.</td></tr>")
            : Markup.Join(changes.Select(c => Markup.Of($"<tr><th>{c.Label}</th><td>{c.Other}</td><td class=\"changed\"><strong>{c.Value}</strong></td></tr>")));
        var againstBase = record.Differences.Where(d => d.Reference == record.BasePolicy).ToList();
        var againstReference = record.Differences.Where(d => d.Reference != record.BasePolicy).ToList();
        var perRun = Markup.Join(record.Policies.Select((p, i) => i < record.RunIds.Length
            ? Markup.Of($"<li>{Label(p)}: <a href=\"/runs/{record.RunIds[i]}\">run <span class=\"mono\">{Format.Short(record.RunIds[i])}</span></a> · <a href=\"/runs/{record.RunIds[i]}/forecast.json\" download>JSON</a> · <a href=\"/runs/{record.RunIds[i]}/monthly.csv\" download>CSV</a></li>")
            : Markup.Empty));

        var body = Markup.Of($"""
            {ForecastSections.Provenance(custom)}
            <div class="two">
            <div class="card"><h3 style="margin-top:0">Levers changed from {record.BasePolicy}</h3>
            <table id="changes"><thead><tr><th>Lever</th><th>{record.BasePolicy}</th><th>edited</th></tr></thead><tbody>{changeRows}</tbody></table>
            <p><a class="button secondary" href="/scenarios/{record.ScenarioId}?from={record.Id}" id="edit-again">Change levers and run again</a></p></div>
            <div class="card downloads"><h3 style="margin-top:0">Downloads</h3>
            <p><a id="download-json" href="/results/{record.Id}/comparison.json" download>Forecasts and paired differences (JSON)</a><br>
            <a id="download-csv" href="/results/{record.Id}/monthly.csv" download>Monthly table (CSV)</a><br>
            <a href="/results/{record.Id}/outcomes.csv" download>Outcomes table (CSV)</a><br>
            <a href="/results/{record.Id}/scenario.yaml" download>Edited scenario (YAML, runs with <code>peninsula run FILE --policy {record.CustomPolicy}</code>)</a></p>
            <ul>{perRun}</ul></div>
            </div>
            <h2>Policy packages side by side</h2>
            {ForecastSections.OutcomeTable(labelled)}
            <h2>Paired differences</h2>
            {ForecastSections.DifferenceTable(againstBase.Concat(againstReference).ToList(), Label)}
            {ForecastSections.Differences(againstBase, basis, Label)}
            <h2>Escalation: fan chart</h2>
            {ForecastSections.Fan(custom, "edited")}
            {ForecastSections.MonthlyTable(labelled)}
            <h2>First level ≥5 event</h2>
            {ForecastSections.Cumulative(labelled)}
            {ForecastSections.Headlines(labelled)}
            <h2>Negotiation phases</h2>
            {ForecastSections.Phases(custom, "edited")}
            <h2>Sanctions and economic stress</h2>
            {ForecastSections.Paths(labelled.Where(l => l.Forecast.Policy == record.CustomPolicy || l.Forecast.Policy == record.BasePolicy).ToList())}
            """);
        return Layout.Page($"Results: {record.ScenarioName}, edited from {record.BasePolicy}", body, "scenarios");
    }
}
