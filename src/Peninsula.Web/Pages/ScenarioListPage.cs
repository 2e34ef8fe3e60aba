using Peninsula.Web.Catalog;
using Peninsula.Web.Html;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /</c>: the shipped scenarios.</summary>
public static class ScenarioListPage
{
    /// <summary>The page.</summary>
    public static string Render(ScenarioCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var rows = catalog.Entries.Select(e =>
        {
            var spec = e.Session.Spec;
            var calibration = e.Session.Provenance.Calibration;
            var packages = Markup.Join(spec.Policies.Select(p => Markup.Of($"<li>{p.Label} <span class=\"muted mono\">{p.Id}</span></li>")));
            return Markup.Of($"""
                <tr>
                <td><a href="/scenarios/{e.Id}"><strong>{spec.Name}</strong></a></td>
                <td>{e.Document.Description}</td>
                <td class="num">{spec.Start.ToString()}</td>
                <td class="num">{spec.Months} months</td>
                <td><ul style="margin:0;padding-left:18px">{packages}</ul></td>
                <td>{(calibration.Cutoff is { } c ? "fitted, cutoff " + c : "documented priors")}</td>
                </tr>
                """);
        });
        var body = Markup.Of($"""
            <p class="lead">Choose a scenario, change the policy levers of a package, and simulate it against its base package and the
            scenario's reference on common random numbers. Stored runs can be compared on the <a href="/runs">stored runs</a> page; the
            deal space of 2021 is on the <a href="/bargaining">bargaining</a> page.</p>
            <div class="scroll"><table>
            <thead><tr><th>Scenario</th><th>Situation</th><th class="num">Start</th><th class="num">Horizon</th><th>Policy packages</th><th>Parameters</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            """);
        return Layout.Page("Scenarios", body, "scenarios");
    }
}
