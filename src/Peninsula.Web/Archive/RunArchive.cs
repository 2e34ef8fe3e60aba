using Microsoft.Extensions.Caching.Memory;
using Peninsula.Engine.Output;
using Peninsula.Reporting;
using Peninsula.Storage;
using Peninsula.Web.Infrastructure;

namespace Peninsula.Web.Archive;

/// <summary>
/// Reads stored runs from the data folder's SQLite database (one connection, calls serialized by the store) and
/// caches parsed forecasts: a completed run's forecast never changes, because its id hashes everything that
/// determines it.
/// </summary>
public sealed class RunArchive : IDisposable
{
    private readonly SqliteRunStore _store;
    private readonly IMemoryCache _cache;

    /// <summary>Opens (creating and migrating if needed) the database in <paramref name="data"/>.</summary>
    public RunArchive(DataFolder data, IMemoryCache cache)
    {
        ArgumentNullException.ThrowIfNull(data);
        _store = new SqliteRunStore(data.Database);
        _cache = cache;
    }

    /// <summary>Every stored run, newest first.</summary>
    public IReadOnlyList<RunManifest> List() => _store.ListRuns();

    /// <summary>The run's manifest, or null (also for an id that is not a hex id).</summary>
    public RunManifest? Find(string? runId) => DataFolder.IsId(runId) ? _store.FindRun(runId!) : null;

    /// <summary>The run's forecast JSON as stored, or null when the run is unknown, incomplete or not a forecast.</summary>
    public string? ForecastJson(string? runId) => DataFolder.IsId(runId) ? _store.LoadForecast(runId!) : null;

    /// <summary>The run's forecast, or null when the run is unknown, incomplete or not a forecast (e.g. a bargaining run).</summary>
    public ForecastDocument? Forecast(string? runId)
    {
        if (!DataFolder.IsId(runId)) return null;
        var key = "forecast:" + runId;
        if (_cache.TryGetValue(key, out ForecastDocument? cached)) return cached;
        var json = _store.LoadForecast(runId!);
        if (json is null) return null;
        ForecastDocument forecast;
        try
        {
            forecast = ForecastJsonReader.Read(json, "run " + runId);
        }
        catch (ForecastJsonException)
        {
            return null;
        }
        _cache.Set(key, forecast, new MemoryCacheEntryOptions { Size = 1 });
        return forecast;
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}
