using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Pages;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Endpoints;

/// <summary>A job's progress page and its cancel button.</summary>
public static class JobEndpoints
{
    /// <summary>Maps <c>/jobs/{id}</c> and <c>/jobs/{id}/cancel</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs/{id}", Status);
        app.MapPost("/jobs/{id}/cancel", Cancel);
    }

    private static IResult Status(string id, HttpContext context, JobChannel queue, JobStore jobs, IAntiforgery antiforgery)
    {
        if (!DataFolder.IsId(id)) return HtmlResults.NotFound("There is no such job.");
        var live = queue.Live(id);
        var record = live?.Record ?? jobs.Load(id);
        if (record is null) return HtmlResults.NotFound("There is no such job.");
        if (record.State == JobState.Completed) return Results.Redirect($"/results/{id}");
        return HtmlResults.Page(JobPage.Render(record, live, queue.Ahead(id), antiforgery.GetAndStoreTokens(context)));
    }

    private static async Task<IResult> Cancel(string id, HttpContext context, JobChannel queue, JobStore jobs, IAntiforgery antiforgery, TimeProvider time)
    {
        if (!DataFolder.IsId(id)) return HtmlResults.NotFound("There is no such job.");
        if (await Forms.ReadAsync(context, antiforgery).ConfigureAwait(false) is null) return Results.Empty;
        if (queue.Live(id) is { } live)
        {
            live.Cancel();
            if (live.Record.State == JobState.Queued)
            {
                // Not started: say so at once rather than when the worker reaches it.
                var record = live.Record with { State = JobState.Cancelled, Message = "cancelled before it started", Finished = time.GetUtcNow() };
                live.Update(record);
                jobs.Save(record);
            }
        }
        else if (jobs.Load(id) is null) return HtmlResults.NotFound("There is no such job.");
        return Results.Redirect($"/jobs/{id}");
    }
}
