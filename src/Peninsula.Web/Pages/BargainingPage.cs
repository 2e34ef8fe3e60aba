using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Zone;
using Peninsula.Charts;
using Peninsula.Reporting;
using Peninsula.Web.Bargaining;
using Peninsula.Web.Html;

namespace Peninsula.Web.Pages;

/// <summary><c>/bargaining</c>: an issue space with editable positions, a model, the trajectory and the forecast.</summary>
public static class BargainingPage
{
    /// <summary>The page.</summary>
    /// <param name="entries">Issue spaces on offer.</param>
    /// <param name="entry">The chosen one.</param>
    /// <param name="model">Model id.</param>
    /// <param name="positions">Positions as shown in the inputs [actor][dimension].</param>
    /// <param name="errors">Problems (the reader's one-line messages).</param>
    /// <param name="run">The edited space and the model's result, or null when the input was refused.</param>
    /// <param name="token">Anti-forgery token.</param>
    public static string Render(IReadOnlyList<IssueSpaceEntry> entries, IssueSpaceEntry entry, string model, IReadOnlyList<IReadOnlyList<string>> positions,
        IReadOnlyList<string> errors, (IssueSpace Space, BargainingResult Result)? run, AntiforgeryTokenSet token)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(token);
        var space = entry.Space;
        var options = Markup.Join(entries.Select(e => Markup.Of($"<option value=\"{e.Id}\"{(e.Id == entry.Id ? Markup.Trusted(" selected") : Markup.Empty)}>{e.Space.Name} ({e.FileName})</option>")));
        var models = Markup.Join(BargainingModels.Ids.Select(m => Markup.Of($"<option value=\"{m}\"{(m == model ? Markup.Trusted(" selected") : Markup.Empty)}>{m}</option>")));
        var head = Markup.Join(space.Dimensions.Select(d => Markup.Of($"<th class=\"num\">{d}</th>")));
        var rows = space.Stakeholders.Select((a, i) => Markup.Of($"""
            <tr><th>{a.Name}<div class="hint muted" style="font-weight:normal">{a.Description}</div></th><td class="num">{a.Capability:0.##}</td>
            {Markup.Join(space.Dimensions.Select((_, d) => Markup.Of($"<td class=\"num\"><input type=\"number\" step=\"any\" class=\"small\" name=\"pos_{i}_{d}\" id=\"pos_{i}_{d}\" aria-label=\"{a.Name} {space.Dimensions[d]}\" value=\"{(i < positions.Count && d < positions[i].Count ? positions[i][d] : "")}\"></td>")))}
            <td class="num muted">{string.Join(" / ", a.Saliences.Select(s => s.ToString("0.##", CultureInfo.InvariantCulture)))}</td></tr>
            """));
        var errorList = errors.Count == 0 ? Markup.Empty : Markup.Of(
            $"<ul class=\"errors\" role=\"alert\">{Markup.Join(errors.Select(e => Markup.Of($"<li>{e}</li>")))}</ul>");

        var results = Markup.Empty;
        if (run is { } r)
        {
            var forecast = Markup.Join(r.Space.Dimensions.Select((d, i) => Markup.Of(
                $"<tr><th>{d}</th><td class=\"num\"><strong>{r.Result.Forecast[i]:0.0}</strong></td>{Markup.Join(r.Space.Stakeholders.Select((_, a) => Markup.Of($"<td class=\"num\">{r.Result.Trajectory[^1][a][i]:0.0}</td>")))}</tr>")));
            var actors = Markup.Join(r.Space.Stakeholders.Select(a => Markup.Of($"<th class=\"num\">{a.Name}</th>")));
            var charts = r.Result.Turns == 0
                ? Markup.Of($"<p class=\"muted\">The {r.Result.Model} model computes the outcome in one step: there is no trajectory to draw (the smp and bdm models bargain turn by turn).</p>")
                : Markup.Join(ForecastCharts.Bargaining(r.Space, r.Result).Select(c =>
                    ForecastSections.Chart(() => BargainingChart.Create(c), $"Positions on {c.Dimension} turn by turn under the {r.Result.Model} model.")));
            var json = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(BargainingJson.Write(r.Space, r.Result)));
            var notes = Markup.Join(r.Result.Notes.Select(n => Markup.Of($"<li>{n}</li>")));
            results = Markup.Of($"""
                <h2>Forecast · {r.Result.Model} · {r.Result.Turns} turns</h2>
                <div class="scroll"><table id="bargaining-forecast"><thead><tr><th>Dimension</th><th class="num">Outcome</th>{actors}</tr></thead><tbody>{forecast}</tbody></table></div>
                <p class="muted">Outcome and each stakeholder's final position on the 0–100 scale of each dimension.</p>
                {(r.Result.Notes.Length > 0 ? Markup.Of($"<ul class=\"muted\">{notes}</ul>") : Markup.Empty)}
                <p class="downloads"><a download="bargaining-{entry.Id}-{r.Result.Model}.json" href="data:application/json;base64,{json}">Trajectory and forecast (JSON)</a></p>
                <h2>Trajectories</h2>
                {charts}
                """);
        }

        var body = Markup.Of($"""
            <p class="lead">{space.Description}. Positions on 0–100; capability weighs an actor's influence; saliences (how much each dimension matters) are shown as written.
            Edit positions and run a bargaining model; nothing is stored.</p>
            <form method="get" action="/bargaining" class="card">
            <label for="space"><strong>Issue space</strong></label> <select id="space" name="space" onchange="this.form.submit()">{options}</select>
            <button type="submit" class="secondary">Load</button>
            </form>
            {errorList}
            <form method="post" action="/bargaining" id="bargaining-form">
            <input type="hidden" name="{token.FormFieldName}" value="{token.RequestToken ?? ""}">
            <input type="hidden" name="space" value="{entry.Id}">
            <div class="scroll"><table id="positions"><thead><tr><th>Stakeholder</th><th class="num">Capability</th>{head}<th class="num">Saliences</th></tr></thead><tbody>{rows}</tbody></table></div>
            <div class="actions"><label for="model"><strong>Model</strong></label> <select id="model" name="model">{models}</select>
            <button type="submit" id="run-bargaining">Run the model</button>
            <a class="button secondary" href="/bargaining?space={entry.Id}">Reset positions</a></div>
            </form>
            {results}
            """);
        return Layout.Page("Bargaining: the deal space", body, "bargaining");
    }
}
