using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Peninsula.Web.Archive;

/// <summary>
/// Rendered pages of finished results (which never change). Concurrent requests for a page not rendered yet wait
/// for one rendering instead of each drawing the charts again.
/// </summary>
public sealed class PageCache(IMemoryCache cache)
{
    private readonly ConcurrentDictionary<string, Lazy<string>> _rendering = new(StringComparer.Ordinal);

    /// <summary>The page under <paramref name="key"/>, rendered by <paramref name="render"/> once if missing.</summary>
    public string GetOrRender(string key, Func<string> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (cache.TryGetValue(key, out string? html) && html is not null) return html;
        var lazy = _rendering.GetOrAdd(key, _ => new Lazy<string>(render, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            html = lazy.Value;
            cache.Set(key, html, new MemoryCacheEntryOptions { Size = 1 });
            return html;
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(key, lazy));
        }
    }
}
