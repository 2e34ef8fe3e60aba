using Peninsula.Storage;
using Peninsula.Web.Html;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /runs</c>: the jobs submitted here and every run stored in the database, with a choice of two to compare.</summary>
public static class HistoryPage
{
    /// <summary>The levers an edited package changed, e.g. "edited: demand level 100; talks approach top-down".</summary>
    private static string Edited(JobRecord job)
    {
        var changes = job.Levers.ChangesFrom(job.BaseLevers);
        return changes.Count == 0 ? "edited: as its base" : "edited: " + string.Join("; ", changes.Select(c => $"{c.Label.ToLowerInvariant()} {c.Value}"));
    }

    /// <summary>Runs shown per page.</summary>
    public const int PageSize = 50;

    /// <summary>The page.</summary>
    /// <param name="jobs">Recent jobs, newest first.</param>
    /// <param name="runs">Stored runs, newest first (all of them; this page shows one slice).</param>
    /// <param name="page">Zero-based page of runs.</param>
    /// <param name="a">Run preselected as A, or null.</param>
    public static string Render(IReadOnlyList<JobRecord> jobs, IReadOnlyList<RunManifest> runs, int page, string? a)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(runs);
        var jobRows = jobs.Select(j =>
        {
            var changes = j.Levers.ChangesFrom(j.BaseLevers);
            var summary = changes.Count == 0 ? "no lever changed" : string.Join("; ", changes.Select(c => $"{c.Label} {c.Other} → {c.Value}"));
            var link = j.State == JobState.Completed ? Markup.Of($"<a href=\"/results/{j.Id}\">results</a>") : Markup.Of($"<a href=\"/jobs/{j.Id}\">{j.State.ToString().ToLowerInvariant()}</a>");
            return Markup.Of($"<tr><td>{j.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC</td><td>{j.ScenarioName}</td><td>{j.BasePolicy}</td><td>{summary}</td><td class=\"num\">{Format.Count(j.Runs)}</td><td class=\"num\">{j.Seed}</td><td>{link}</td></tr>");
        });
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var j in jobs)
        {
            for (var i = 0; i < j.RunIds.Length && i < j.Policies.Length; i++)
            {
                var p = j.Policies[i];
                notes.TryAdd(j.RunIds[i], p == j.CustomPolicy ? Edited(j) : p == j.BasePolicy ? "base of an edit" : p == j.ReferencePolicy ? "reference" : "");
            }
        }
        var slice = runs.Skip(page * PageSize).Take(PageSize).ToList();
        var runRows = slice.Select(r =>
        {
            var forecast = r.Kind != "bargain";
            Markup Radio(string name, bool on) => forecast
                ? Markup.Of($"<input type=\"radio\" name=\"{name}\" value=\"{r.RunId}\" aria-label=\"{name.ToUpperInvariant()}: {r.Policy}\"{(on ? Markup.Trusted(" checked") : Markup.Empty)}>")
                : Markup.Empty;
            var link = forecast ? Markup.Of($"<a href=\"/runs/{r.RunId}\" class=\"mono\">{Format.Short(r.RunId)}</a>") : Markup.Of($"<span class=\"mono\">{Format.Short(r.RunId)}</span>");
            return Markup.Of($"<tr><td>{Radio("a", r.RunId == a)}</td><td>{Radio("b", false)}</td><td>{link}</td><td>{r.Kind}</td><td>{r.Scenario}</td><td>{r.Policy}</td><td class=\"muted\">{notes.GetValueOrDefault(r.RunId, "")}</td><td class=\"num\">{Format.Count(r.Runs)}</td><td class=\"num\">{r.Months}</td><td class=\"num\">{r.Seed}</td></tr>");
        });
        var pages = (runs.Count + PageSize - 1) / PageSize;
        var nav = pages <= 1 ? Markup.Empty : Markup.Of($"""
            <p>{(page > 0 ? Markup.Of($"<a href=\"/runs?page={page - 1}\">newer</a>") : Markup.Empty)} page {page + 1} of {pages}
            {(page + 1 < pages ? Markup.Of($"<a href=\"/runs?page={page + 1}\">older</a>") : Markup.Empty)}</p>
            """);
        var body = Markup.Of($"""
            <p class="lead">Runs are stored in the data folder's database and survive restarts. Choose run A and run B and compare them side by side.</p>
            <h2>Submitted here</h2>
            {(jobs.Count == 0 ? Markup.Of($"<p class=\"muted\">Nothing submitted yet: start from a <a href=\"/\">scenario</a>.</p>") : Markup.Of($"""
            <div class="scroll"><table id="jobs"><thead><tr><th>Submitted</th><th>Scenario</th><th>Base</th><th>Levers changed</th><th class="num">Runs</th><th class="num">Seed</th><th></th></tr></thead><tbody>{jobRows}</tbody></table></div>
            """))}
            <h2>Stored runs</h2>
            {(runs.Count == 0 ? Markup.Of($"<p class=\"muted\">No stored runs yet.</p>") : Markup.Of($"""
            <form method="get" action="/compare">
            <div class="actions"><button type="submit" id="compare">Compare A and B</button></div>
            <div class="scroll"><table id="runs"><thead><tr><th>A</th><th>B</th><th>Run</th><th>Kind</th><th>Scenario</th><th>Package</th><th>Note</th><th class="num">Runs</th><th class="num">Months</th><th class="num">Seed</th></tr></thead><tbody>{runRows}</tbody></table></div>
            </form>
            {nav}
            """))}
            """);
        return Layout.Page("Stored runs", body, "history");
    }
}
