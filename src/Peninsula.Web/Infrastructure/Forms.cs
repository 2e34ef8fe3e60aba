using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace Peninsula.Web.Infrastructure;

/// <summary>Reads a posted form after checking its type and its anti-forgery token (another site cannot start runs here).</summary>
public static class Forms
{
    /// <summary>The form, or null after answering the request with a refusal.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context, IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!context.Request.HasFormContentType)
        {
            await Guards.Refuse(context, StatusCodes.Status415UnsupportedMediaType, "Form expected",
                "This address takes an HTML form (application/x-www-form-urlencoded or multipart/form-data).").ConfigureAwait(false);
            return null;
        }
        // Read first: a body over the size limit is refused as such (413), not as a bad token.
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            await Guards.Refuse(context, StatusCodes.Status400BadRequest, "Form expired",
                "The form has expired or did not come from this app's own page; reload the page and submit it again.").ConfigureAwait(false);
            return null;
        }
        return form;
    }
}
