using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peninsula.Web.Catalog;
using Peninsula.Web.Html;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Levers;
using Peninsula.Web.Pages;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Endpoints;

/// <summary>The scenario list, the lever form and its submission.</summary>
public static class ScenarioEndpoints
{
    /// <summary>Maps <c>/</c>, <c>/scenarios/{id}</c> and <c>/scenarios/{id}/run</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (ScenarioCatalog catalog) => HtmlResults.Page(ScenarioListPage.Render(catalog)));
        app.MapGet("/scenarios/{id}", Form);
        app.MapPost("/scenarios/{id}/run", Submit);
    }

    private static IResult Form(string id, HttpContext context, ScenarioCatalog catalog, JobStore jobs, IAntiforgery antiforgery, WebOptions options)
    {
        if (catalog.Find(id) is not { } entry) return HtmlResults.NotFound($"There is no scenario '{id}'.");
        var spec = entry.Session.Spec;
        LeverForm form;
        var from = context.Request.Query["from"].ToString();
        if (from.Length > 0 && jobs.Load(from) is { } record && record.ScenarioId == entry.Id)
        {
            form = JobSubmission.FormOf(record);
        }
        else
        {
            var requested = context.Request.Query["base"].ToString();
            var basePolicy = spec.Policy(requested) is not null ? requested : entry.Session.Loaded.DefaultPolicy ?? spec.Policies[0].Id;
            form = LeverForm.Start(basePolicy, entry.Document.LeversOf(basePolicy, spec.Start));
        }
        var baseLevers = entry.Document.LeversOf(form.Base, spec.Start);
        var token = antiforgery.GetAndStoreTokens(context);
        return HtmlResults.Page(ScenarioPage.Render(entry, form, baseLevers, new FormErrors(), token, options.MaxRuns));
    }

    private static async Task<IResult> Submit(string id, HttpContext context, ScenarioCatalog catalog, JobSubmission submission, IAntiforgery antiforgery, WebOptions options)
    {
        if (catalog.Find(id) is not { } entry) return HtmlResults.NotFound($"There is no scenario '{id}'.");
        var posted = await Forms.ReadAsync(context, antiforgery).ConfigureAwait(false);
        if (posted is null) return Results.Empty;
        var errors = new FormErrors();
        var form = LeverForm.Read(posted, errors);
        var result = submission.Submit(entry, form, errors);
        if (result.Job is { } job) return Results.Redirect($"/jobs/{job.Id}", permanent: false, preserveMethod: false);

        var spec = entry.Session.Spec;
        var basePolicy = spec.Policy(form.Base) is not null ? form.Base : entry.Session.Loaded.DefaultPolicy ?? spec.Policies[0].Id;
        var shown = form with { Base = basePolicy };
        var token = antiforgery.GetAndStoreTokens(context);
        var page = ScenarioPage.Render(entry, shown, entry.Document.LeversOf(basePolicy, spec.Start), result.Errors, token, options.MaxRuns);
        return HtmlResults.Page(page, result.QueueFull ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);
    }
}
