using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Peninsula.Web.Html;

namespace Peninsula.Web.Infrastructure;

/// <summary>
/// The first middleware: security headers, the request-size limit with a clear refusal, and one-line error pages
/// (never a stack trace) for anything that escapes a handler.
/// </summary>
public sealed partial class Guards(RequestDelegate next, WebOptions options, ILogger<Guards> log)
{
    /// <summary>
    /// Content security policy: nothing is loaded from anywhere but this page and this app (styles and the few
    /// lines of script are inline, charts are inline SVG).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Runs the request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Secure(context.Response.Headers);

        var (outcome, length) = await BodyLimit.CheckAsync(context, options.MaxBodyBytes).ConfigureAwait(false);
        if (outcome != BodyLimit.Outcome.Accepted)
        {
            await TooLarge(context, length, close: outcome == BodyLimit.Outcome.TooLargeClose).ConfigureAwait(false);
            return;
        }
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            await TooLarge(context, null, close: true).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await Refuse(context, e.StatusCode, "Bad request", e.Message).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (!context.Response.HasStarted)
        {
            // Form limits (field count, value length) surface here.
            await Refuse(context, StatusCodes.Status400BadRequest, "Form refused", e.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the client went away
        }
#pragma warning disable CA1031 // the last resort: a one-line page, never a stack trace
        catch (Exception e) when (!context.Response.HasStarted)
        {
            LogUnhandled(log, e, context.Request.Path);
            await Refuse(context, StatusCodes.Status500InternalServerError, "Something went wrong",
                $"internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
        }
#pragma warning restore CA1031
    }

    /// <summary>The refusal of a body over the limit: 413 with the numbers and the option that changes them.</summary>
    public static string TooLargeMessage(long? length, long limit) =>
        (length is { } n ? $"Request body too large: {n.ToString(CultureInfo.InvariantCulture)} bytes. " : "Request body too large. ")
        + $"This server accepts at most {limit.ToString(CultureInfo.InvariantCulture)} bytes ({limit / 1024.0:0.#} KiB) per request; "
        + "'peninsula serve --max-body BYTES' changes the limit.";

    private Task TooLarge(HttpContext context, long? length, bool close)
    {
        // With close, the unread rest of the body cannot be skipped on this connection.
        return Refuse(context, StatusCodes.Status413PayloadTooLarge, "Request too large", TooLargeMessage(length, options.MaxBodyBytes), close);
    }

    /// <summary>Answers with a short page (HTML for browsers, plain text otherwise).</summary>
    public static async Task Refuse(HttpContext context, int status, string title, string message, bool close = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        Secure(context.Response.Headers);
        if (close) context.Response.Headers.Connection = "close";
        context.Response.StatusCode = status;
        var wantsHtml = context.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        if (wantsHtml)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Layout.Message(title, message), context.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message + "\n", context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static void Secure(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
