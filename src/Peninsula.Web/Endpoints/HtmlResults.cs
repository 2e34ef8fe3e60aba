using Microsoft.AspNetCore.Http;
using Peninsula.Web.Html;

namespace Peninsula.Web.Endpoints;

/// <summary>HTML results.</summary>
internal static class HtmlResults
{
    /// <summary>A page.</summary>
    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    /// <summary>A 404 page with a reason.</summary>
    public static IResult NotFound(string message) =>
        Page(Layout.Message("Not found", message), StatusCodes.Status404NotFound);
}
