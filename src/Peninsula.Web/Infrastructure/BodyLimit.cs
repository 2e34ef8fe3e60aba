using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Peninsula.Web.Infrastructure;

/// <summary>
/// Enforces the request-body limit so that every client gets the 413 page, not a reset connection. A body that
/// fits is buffered (forms here are small) and handed on; one over the limit is read to its end and discarded
/// (up to <see cref="DrainCap"/>) before answering, because clients that send the whole body before reading the
/// answer would otherwise see a broken pipe. A client that asked "Expect: 100-continue" is answered at once and
/// never sends the body.
/// </summary>
public static class BodyLimit
{
    /// <summary>Most bytes read and thrown away to answer an oversized request cleanly; beyond it the connection is closed.</summary>
    public const long DrainCap = 64L * 1024 * 1024;

    /// <summary>What became of the body.</summary>
    public enum Outcome
    {
        /// <summary>No body, or a body within the limit (now buffered).</summary>
        Accepted,
        /// <summary>Over the limit and fully read: answer 413 and keep the connection.</summary>
        TooLarge,
        /// <summary>Over the limit and not read (100-continue, or beyond the drain cap): answer 413 and close.</summary>
        TooLargeClose,
    }

    /// <summary>Checks, and buffers or drains, the request body.</summary>
    public static async Task<(Outcome Outcome, long? Length)> CheckAsync(HttpContext context, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var declared = request.ContentLength;
        var chunked = request.Headers.TransferEncoding.Any(t => t?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true);
        if (declared is null or 0 && !chunked) return (Outcome.Accepted, declared);
        var expects = request.Headers.Expect.Any(e => e?.Contains("100-continue", StringComparison.OrdinalIgnoreCase) == true);
        if (declared is { } n && n > limit && (expects || n > DrainCap)) return (Outcome.TooLargeClose, n);

        // This middleware now counts; the server's own limit only stops a runaway body.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = DrainCap + 1;
        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long total = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total <= limit) buffer.Write(chunk, 0, read);
                if (total > DrainCap) return (Outcome.TooLargeClose, declared);
            }
        }
        catch (BadHttpRequestException)
        {
            return (Outcome.TooLargeClose, declared);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        if (total > limit) return (Outcome.TooLarge, declared ?? total);
        buffer.Position = 0;
        request.Body = buffer;
        context.Response.RegisterForDispose(buffer);
        return (Outcome.Accepted, total);
    }
}
