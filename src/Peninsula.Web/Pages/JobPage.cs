using Microsoft.AspNetCore.Antiforgery;
using Peninsula.Web.Html;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /jobs/{id}</c>: progress of a queued or running job (reloads itself), or how it ended.</summary>
public static class JobPage
{
    /// <summary>The page.</summary>
    /// <param name="record">The job's record.</param>
    /// <param name="live">The live job while queued or running, else null.</param>
    /// <param name="ahead">Jobs ahead in the queue.</param>
    /// <param name="token">Anti-forgery token for the cancel form.</param>
    public static string Render(JobRecord record, RunJob? live, int ahead, AntiforgeryTokenSet token)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(token);
        var title = $"{record.ScenarioName}: edited package from {record.BasePolicy}";
        var packages = string.Join(", ", record.Policies);
        var again = Markup.Of($"<a class=\"button secondary\" href=\"/scenarios/{record.ScenarioId}?from={record.Id}\">Back to the form with these levers</a>");
        Markup body;
        int? refresh = null;
        switch (record.State)
        {
            case JobState.Queued or JobState.Running:
                refresh = 1;
                var done = live?.Completed ?? 0;
                var total = Math.Max(1, live?.Total ?? (long)record.Runs * record.Policies.Length);
                var status = record.State == JobState.Queued
                    ? (ahead > 0 ? $"Waiting: {ahead} job(s) ahead in the queue." : "Waiting for the simulation worker.")
                    : string.IsNullOrEmpty(live?.Current)
                        ? "Loading the edited scenario…"
                        : $"Simulating {live?.Current}: {Format.Count(done)} of {Format.Count(total)} runs.";
                body = Markup.Of($"""
                    <p class="lead">Packages {packages}; {Format.Count(record.Runs)} runs each, seed {record.Seed}. This page refreshes itself every second.</p>
                    <div class="card" id="job-status" data-state="{record.State.ToString().ToLowerInvariant()}">
                    <p><strong id="status-text">{status}</strong></p>
                    <progress id="progress" value="{done}" max="{total}">{(100.0 * done / total):0}%</progress>
                    <form method="post" action="/jobs/{record.Id}/cancel" class="actions">
                    <input type="hidden" name="{token.FormFieldName}" value="{token.RequestToken ?? ""}">
                    <button type="submit" class="danger" id="cancel">Cancel</button>
                    <span class="muted">Batches already simulated are kept; running the same form again continues from them.</span>
                    </form>
                    </div>
                    """);
                break;
            case JobState.Completed:
                body = Markup.Of($"<p>Done. <a id=\"results-link\" href=\"/results/{record.Id}\">See the results</a>.</p>");
                break;
            default:
                body = Markup.Of($"""
                    <div class="card" id="job-status" data-state="{record.State.ToString().ToLowerInvariant()}">
                    <p class="{(record.State == JobState.Failed ? "error" : "")}"><strong>{(record.State == JobState.Cancelled ? "Cancelled" : "Failed")}:</strong> {record.Message ?? ""}</p>
                    <div class="actions">{again}</div>
                    </div>
                    """);
                break;
        }
        return Layout.Page(title, body, "scenarios", refresh);
    }
}
