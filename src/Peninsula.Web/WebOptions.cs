using System.Globalization;
using System.Net;

namespace Peninsula.Web;

/// <summary>How the web app is served and what it accepts. Every limit has a default sized for one analyst's machine.</summary>
/// <param name="DataFolder">Folder of everything the app writes (the SQLite database, edited scenarios, job records); created if missing.</param>
/// <param name="Host">Address to listen on (default 127.0.0.1).</param>
/// <param name="Port">TCP port, 0 for any free port (default 5088).</param>
/// <param name="Public">Allow a non-loopback <paramref name="Host"/> (the app has no user accounts).</param>
/// <param name="MaxRuns">Largest Monte Carlo run count per policy package one request may ask for (default 200000).</param>
/// <param name="QueueCapacity">Jobs that may wait for the simulation worker; more are refused (default 8).</param>
/// <param name="MaxBodyBytes">Largest request body accepted, in bytes (default 1 MiB); larger ones get 413.</param>
/// <param name="Threads">Worker threads per simulation (null: all cores).</param>
public sealed record WebOptions(
    string DataFolder,
    string Host = WebOptions.DefaultHost,
    int Port = WebOptions.DefaultPort,
    bool Public = false,
    int MaxRuns = WebOptions.DefaultMaxRuns,
    int QueueCapacity = WebOptions.DefaultQueueCapacity,
    long MaxBodyBytes = WebOptions.DefaultMaxBodyBytes,
    int? Threads = null)
{
    /// <summary>Default listening address: loopback only.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>Default port.</summary>
    public const int DefaultPort = 5088;

    /// <summary>Default largest run count per package.</summary>
    public const int DefaultMaxRuns = 200_000;

    /// <summary>Default number of waiting jobs.</summary>
    public const int DefaultQueueCapacity = 8;

    /// <summary>Default largest request body: 1 MiB (forms here are a few kilobytes).</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>Longest value accepted in one form field, in characters.</summary>
    public const int MaxFieldLength = 200;

    /// <summary>Most form fields accepted in one request.</summary>
    public const int MaxFormFields = 400;

    /// <summary>The default data folder: <c>.peninsula-web</c> in the repository.</summary>
    public static string DefaultDataFolder(string repositoryRoot) => Path.Combine(repositoryRoot, ".peninsula-web");

    /// <summary>The first problem with these options as a one-line message naming the option, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(DataFolder)) return "--data must name a folder";
        if (Port is < 0 or > 65535) return $"--port must be 0-65535 (got {Port})";
        if (MaxRuns < 1) return $"--max-runs must be at least 1 (got {MaxRuns})";
        if (QueueCapacity < 1) return $"--queue must be at least 1 (got {QueueCapacity})";
        if (MaxBodyBytes < 16 * 1024) return $"--max-body must be at least 16384 bytes (got {MaxBodyBytes.ToString(CultureInfo.InvariantCulture)})";
        if (Threads is < 1) return $"--threads must be at least 1 (got {Threads})";
        if (!TryAddress(Host, out var address)) return $"--host must be an IP address or 'localhost' (got '{Host}')";
        if (!IPAddress.IsLoopback(address) && !Public)
            return $"--host {Host} is not a loopback address: the app has no accounts, so anyone who can reach the port can start runs; add --public to serve it anyway";
        return null;
    }

    /// <summary>The address to bind.</summary>
    public IPAddress Address() => TryAddress(Host, out var a) ? a : IPAddress.Loopback;

    private static bool TryAddress(string host, out IPAddress address)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            address = IPAddress.Loopback;
            return true;
        }
        return IPAddress.TryParse(host, out address!);
    }
}
