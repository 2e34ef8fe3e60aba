using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peninsula.Engine.Output;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Levers;
using Peninsula.Web.Pages;
using Peninsula.Web.Archive;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Endpoints;

/// <summary>
/// Results of jobs and stored runs, their downloads, the list of stored runs and the comparison of two. Everything
/// is read from the run store and job records, so it survives restarts; ids are checked to be hex before any lookup.
/// Finished results never change, so rendered pages are cached.
/// </summary>
public static class ResultEndpoints
{
    /// <summary>Maps <c>/results/…</c>, <c>/runs…</c> and <c>/compare</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/results/{id}", JobResults);
        app.MapGet("/results/{id}/comparison.json", JobJson);
        app.MapGet("/results/{id}/monthly.csv", (string id, JobStore jobs, RunArchive archive) => JobCsv(id, jobs, archive, monthly: true));
        app.MapGet("/results/{id}/outcomes.csv", (string id, JobStore jobs, RunArchive archive) => JobCsv(id, jobs, archive, monthly: false));
        app.MapGet("/results/{id}/scenario.yaml", JobScenario);
        app.MapGet("/runs", History);
        app.MapGet("/runs/{id}", Run);
        app.MapGet("/runs/{id}/forecast.json", RunJson);
        app.MapGet("/runs/{id}/monthly.csv", (string id, RunArchive archive) => RunCsv(id, archive, monthly: true));
        app.MapGet("/runs/{id}/outcomes.csv", (string id, RunArchive archive) => RunCsv(id, archive, monthly: false));
        app.MapGet("/compare", Compare);
    }

    private static IResult JobResults(string id, JobStore jobs, RunArchive archive, PageCache pages)
    {
        if (!Completed(id, jobs, archive, out var record, out var forecasts, out var problem)) return problem!;
        return HtmlResults.Page(pages.GetOrRender("results:" + id, () => ResultsPage.Render(record!, forecasts!)));
    }

    private static IResult JobJson(string id, JobStore jobs, RunArchive archive)
    {
        if (!Completed(id, jobs, archive, out var record, out var forecasts, out var problem)) return problem!;
        var json = ForecastJson.WriteComparison(forecasts!, [.. record!.Differences.Select(d => d.ToPaired())]);
        return Download(json, "application/json", $"{record.ScenarioName}-{record.CustomPolicy}-{Format.Short(record.Id)}.json");
    }

    private static IResult JobCsv(string id, JobStore jobs, RunArchive archive, bool monthly)
    {
        if (!Completed(id, jobs, archive, out var record, out var forecasts, out var problem)) return problem!;
        var csv = monthly ? ForecastCsv.Monthly(forecasts!) : ForecastCsv.Outcomes(forecasts!);
        return Download(csv, "text/csv", $"{record!.ScenarioName}-{Format.Short(record.Id)}-{(monthly ? "monthly" : "outcomes")}.csv");
    }

    private static IResult JobScenario(string id, JobStore jobs, EditStore edits)
    {
        if (jobs.Load(id) is not { } record) return HtmlResults.NotFound("There is no such job.");
        if (edits.ScenarioFile(record.EditHash, record.ScenarioFile) is not { } file) return HtmlResults.NotFound("The edited scenario is no longer in the data folder.");
        return Download(File.ReadAllText(file), "application/yaml", Path.GetFileName(record.ScenarioFile));
    }

    private static IResult History(HttpContext context, JobStore jobs, RunArchive archive)
    {
        var page = int.TryParse(context.Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Min(p, 100_000) : 0;
        var a = context.Request.Query["a"].ToString();
        context.Response.Headers.CacheControl = "no-store";
        return HtmlResults.Page(HistoryPage.Render(jobs.Newest(20), archive.List(), page, DataFolder.IsId(a) ? a : null));
    }

    private static IResult Run(string id, RunArchive archive, PageCache pages)
    {
        if (archive.Find(id) is not { } manifest) return HtmlResults.NotFound("There is no such stored run.");
        if (archive.Forecast(id) is not { } forecast) return HtmlResults.NotFound("That run is not complete, or is not a forecast (a bargaining run, say).");
        return HtmlResults.Page(pages.GetOrRender("run:" + id, () => RunPage.Render(manifest, forecast)));
    }

    private static IResult RunJson(string id, RunArchive archive)
    {
        if (archive.Find(id) is not { } manifest || archive.ForecastJson(id) is not { } json) return HtmlResults.NotFound("There is no such completed run.");
        return Download(json, "application/json", $"{manifest.Scenario}-{manifest.Policy}-{Format.Short(id)}.json");
    }

    private static IResult RunCsv(string id, RunArchive archive, bool monthly)
    {
        if (archive.Find(id) is not { } manifest || archive.Forecast(id) is not { } forecast) return HtmlResults.NotFound("There is no such completed run.");
        var csv = monthly ? ForecastCsv.Monthly([forecast]) : ForecastCsv.Outcomes([forecast]);
        return Download(csv, "text/csv", $"{manifest.Scenario}-{manifest.Policy}-{Format.Short(id)}-{(monthly ? "monthly" : "outcomes")}.csv");
    }

    private static IResult Compare(HttpContext context, RunArchive archive, PageCache pages)
    {
        var a = context.Request.Query["a"].ToString();
        var b = context.Request.Query["b"].ToString();
        if (!DataFolder.IsId(a) || !DataFolder.IsId(b))
            return HtmlResults.Page(Peninsula.Web.Html.Layout.Message("Choose two runs", "Choose run A and run B on the stored runs page, then compare."), StatusCodes.Status400BadRequest);
        if (archive.Find(a) is not { } runA || archive.Forecast(a) is not { } fa) return HtmlResults.NotFound("Run A is not a stored, completed forecast.");
        if (archive.Find(b) is not { } runB || archive.Forecast(b) is not { } fb) return HtmlResults.NotFound("Run B is not a stored, completed forecast.");
        return HtmlResults.Page(pages.GetOrRender($"compare:{a}:{b}", () => ComparePage.Render(runA, fa, runB, fb)));
    }

    /// <summary>A completed job with its forecasts from the run store, or the response explaining why not.</summary>
    private static bool Completed(string id, JobStore jobs, RunArchive archive, out JobRecord? record, out List<ForecastDocument>? forecasts, out IResult? problem)
    {
        forecasts = null;
        problem = null;
        record = jobs.Load(id);
        if (record is null)
        {
            problem = HtmlResults.NotFound("There is no such job.");
            return false;
        }
        if (record.State != JobState.Completed)
        {
            problem = Results.Redirect($"/jobs/{id}");
            return false;
        }
        forecasts = [];
        foreach (var runId in record.RunIds)
        {
            if (archive.Forecast(runId) is not { } f)
            {
                problem = HtmlResults.NotFound($"Run {Format.Short(runId)} of this job is missing from the database.");
                return false;
            }
            forecasts.Add(f);
        }
        return true;
    }

    private static IResult Download(string text, string contentType, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(text), contentType + "; charset=utf-8", SafeName(fileName));

    private static string SafeName(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
