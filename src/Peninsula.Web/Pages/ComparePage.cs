using Peninsula.Engine.Output;
using Peninsula.Storage;
using Peninsula.Web.Html;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /compare?a=&amp;b=</c>: two stored runs side by side.</summary>
public static class ComparePage
{
    /// <summary>The page.</summary>
    public static string Render(RunManifest runA, ForecastDocument a, RunManifest runB, ForecastDocument b)
    {
        ArgumentNullException.ThrowIfNull(runA);
        ArgumentNullException.ThrowIfNull(runB);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var labelA = $"A: {a.Policy}";
        var labelB = $"B: {b.Policy}";
        List<(string Label, ForecastDocument Forecast)> both = [(labelA, a), (labelB, b)];
        var rows = a.Outcomes.Select(oa =>
        {
            var ob = b.Outcomes.FirstOrDefault(o => o.Id == oa.Id && o.WithinMonths == oa.WithinMonths);
            if (ob is null) return Markup.Empty;
            var d = ob.P - oa.P;
            return Markup.Of($"<tr><th>P({Format.Outcome(oa.Id)}) ≤{oa.WithinMonths} mo</th>{Format.Cell(oa.P, oa.Ci95Mc, oa.Ci90Param)}{Format.Cell(ob.P, ob.Ci95Mc, ob.Ci90Param)}<td class=\"num\">{Format.Points(d)}</td></tr>");
        });
        var windows = a.Outcomes.Select(o => o.WithinMonths).Distinct().Order().ToList();
        var compact = a.Outcomes.Select(o => o.Id).Distinct().Select(id => Markup.Of($"<tr><th>{Format.Outcome(id)}</th>{Markup.Join(windows.Select(w =>
        {
            var oa = a.Outcomes.FirstOrDefault(o => o.Id == id && o.WithinMonths == w);
            var ob = b.Outcomes.FirstOrDefault(o => o.Id == id && o.WithinMonths == w);
            if (oa is null || ob is null) return Markup.Of($"<td class=\"num\">–</td>");
            var d = ob.P - oa.P;
            return Markup.Of($"<td class=\"num\">{Format.Percent(oa.P)} → {Format.Percent(ob.P)}<br><span class=\"ci {(Math.Abs(d) < 0.0005 ? "" : d > 0 ? "pos" : "neg")}\">{Format.Points(d)} points</span></td>");
        }))}</tr>"));
        var compactHead = Markup.Join(windows.Select(w => Markup.Of($"<th class=\"num\">within {w} months</th>")));
        var sameDesign = a.Runs == b.Runs && a.Seed == b.Seed && a.ParameterDraws == b.ParameterDraws && a.Months == b.Months;
        Markup Describe(string name, RunManifest m, ForecastDocument f) => Markup.Of($"""
            <div class="card"><h3 style="margin-top:0">{name}: <a href="/runs/{m.RunId}">{f.Scenario} · {f.Policy}</a></h3>
            {ForecastSections.Provenance(f)}<p class="muted mono">{m.RunId}</p></div>
            """);
        var body = Markup.Of($"""
            <div class="two">{Describe("A", runA, a)}{Describe("B", runB, b)}</div>
            <h2>Outcomes side by side</h2>
            <div class="scroll"><table id="compare-table"><thead><tr><th>P(first occurrence)</th>{compactHead}</tr></thead><tbody>{compact}</tbody></table></div>
            <p class="muted">Cells: A → B, and B − A in percentage points (red: more likely in B, green: less likely).</p>
            <details><summary>Every outcome with its intervals</summary>
            <div class="scroll"><table id="compare-detail"><thead><tr><th>Outcome</th><th class="num">A: {a.Policy}</th><th class="num">B: {b.Policy}</th><th class="num">B − A (points)</th></tr></thead><tbody>{rows}</tbody></table></div>
            </details>
            <p class="muted">Cells: estimate, [Monte Carlo 95%], &#123;parameter 90%&#125;. {(sameDesign
                ? "Both runs share seed, runs, draws and horizon, so they used common random numbers; paired intervals of the difference are on a job's results page."
                : "The runs differ in seed, size or horizon: the difference mixes policy and Monte Carlo noise.")}</p>
            {ForecastSections.Headlines(both)}
            <h2>First level ≥5 event</h2>
            {ForecastSections.Cumulative(both)}
            <h2>Escalation: fan charts</h2>
            <div class="two"><div>{ForecastSections.Fan(a, labelA)}</div><div>{ForecastSections.Fan(b, labelB)}</div></div>
            {ForecastSections.MonthlyTable(both)}
            <h2>Sanctions and economic stress</h2>
            {ForecastSections.Paths(both)}
            """);
        return Layout.Page("Compare two runs", body, "history");
    }
}
