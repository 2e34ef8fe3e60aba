using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Zone;
using Peninsula.Web.Bargaining;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Pages;

namespace Peninsula.Web.Endpoints;

/// <summary>The bargaining model on a shipped issue space, with positions edited in the form (nothing stored).</summary>
public static class BargainingEndpoints
{
    /// <summary>The model the page starts with (the CLI's default).</summary>
    public const string DefaultModel = "smp";

    /// <summary>Maps <c>GET /bargaining</c> and <c>POST /bargaining</c>.</summary>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/bargaining", Show);
        app.MapPost("/bargaining", Run);
    }

    private static IResult Show(HttpContext context, IssueSpaceCatalog catalog, IAntiforgery antiforgery)
    {
        if (catalog.Entries.IsEmpty) return HtmlResults.NotFound("No issue spaces are installed (scenarios/bargaining/*.yaml).");
        var requested = context.Request.Query["space"].ToString();
        var entry = catalog.Find(requested) ?? catalog.Find("transition-2021") ?? catalog.Entries[0];
        var model = context.Request.Query["model"].ToString() is { Length: > 0 } m && BargainingModels.Ids.Contains(m) ? m : DefaultModel;
        var positions = entry.Space.Stakeholders.Select(a => (IReadOnlyList<string>)[.. a.Positions.Select(p => p.ToString("R", CultureInfo.InvariantCulture))]).ToList();
        var result = BargainingModels.Create(model)!.Run(entry.Space);
        return HtmlResults.Page(BargainingPage.Render(catalog.Entries, entry, model, positions, [], (entry.Space, result), antiforgery.GetAndStoreTokens(context)));
    }

    private static async Task<IResult> Run(HttpContext context, IssueSpaceCatalog catalog, IAntiforgery antiforgery)
    {
        var form = await Forms.ReadAsync(context, antiforgery).ConfigureAwait(false);
        if (form is null) return Results.Empty;
        var token = antiforgery.GetAndStoreTokens(context);
        if (catalog.Find(form["space"].ToString()) is not { } entry) return HtmlResults.NotFound("There is no such issue space.");
        var errors = new List<string>();
        var model = form["model"].ToString();
        if (BargainingModels.Create(model) is null)
        {
            errors.Add($"--model: unknown model '{Truncate(model)}' (known: {string.Join(", ", BargainingModels.Ids)})");
            model = DefaultModel;
        }
        var positions = new List<IReadOnlyList<string>>();
        for (var a = 0; a < entry.Space.ActorCount; a++)
        {
            positions.Add([.. Enumerable.Range(0, entry.Space.DimensionCount).Select(d =>
            {
                var value = form[$"pos_{a}_{d}"].ToString().Trim();
                if (value.Length > WebOptions.MaxFieldLength) errors.Add($"{entry.Space.Stakeholders[a].Name} {entry.Space.Dimensions[d]}: the value is longer than {WebOptions.MaxFieldLength} characters");
                return Truncate(value);
            })]);
        }
        (IssueSpace, BargainingResult)? run = null;
        if (errors.Count == 0)
        {
            try
            {
                var space = BargainingYamlReader.Parse(entry.FileName, PositionEditor.WithPositions(entry.Text, positions));
                run = (space, BargainingModels.Create(model)!.Run(space));
            }
            catch (BargainingInputException e)
            {
                errors.Add(e.Message);
            }
        }
        var page = BargainingPage.Render(catalog.Entries, entry, model, positions, errors, run, token);
        return HtmlResults.Page(page, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static string Truncate(string value) => value.Length > WebOptions.MaxFieldLength ? value[..WebOptions.MaxFieldLength] : value;
}
