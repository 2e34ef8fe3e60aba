using System.Text.RegularExpressions;
using Npgsql;

namespace Peninsula.Storage;

/// <summary>
/// A PostgreSQL database as given to <c>--db</c>: the key/value connection string Npgsql opens, and the same
/// without secrets (<see cref="Display"/>) for every message. Accepts Npgsql's key/value form
/// (<c>Host=…;Port=…;Database=…</c>) and libpq URIs (<c>postgres://user:password@host:port/database?sslmode=require</c>),
/// which are converted to key/value.
/// </summary>
/// <param name="ConnectionString">Key/value connection string, secrets included.</param>
/// <param name="Display">"postgres " and the connection string without any password, as messages name the database.</param>
internal sealed partial record PostgresTarget(string ConnectionString, string Display)
{
    internal const string Prefix = "postgres ";

    /// <summary>libpq URI parameter names that Npgsql spells differently (and <c>search_path</c>, which libpq only takes in <c>options</c>).</summary>
    private static readonly Dictionary<string, string> UriKeywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["user"] = "Username",
        ["dbname"] = "Database",
        ["sslmode"] = "SSL Mode",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["sslrootcert"] = "Root Certificate",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["target_session_attrs"] = "Target Session Attributes",
        ["search_path"] = "Search Path",
    };

    /// <summary>True when <paramref name="target"/> is a PostgreSQL URI or a key/value string with a Host (or Server) key.</summary>
    public static bool Matches(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return IsUri(target) || HostKey().IsMatch(target);
    }

    /// <summary>Parses <paramref name="target"/> (see <see cref="Matches"/>).</summary>
    /// <exception cref="StorageException">The connection string is malformed or names an unknown keyword; the message shows no password.</exception>
    public static PostgresTarget Parse(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = IsUri(target) ? FromUri(target.Trim()) : new NpgsqlConnectionStringBuilder(target);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new StorageException(Prefix + Redact(target), "reading the PostgreSQL connection string", Redact(ex.Message), ex);
        }

        return new PostgresTarget(builder.ConnectionString, Prefix + Shown(builder));
    }

    /// <summary>Replaces passwords in free text (key/value <c>Password=…</c>, <c>PWD=…</c> and URI <c>user:password@</c>) with <c>***</c>.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UriPassword().Replace(KeyValuePassword().Replace(text, "${key}***"), "${head}***@");
    }

    /// <summary>The connection string without secrets, where the database is first: Host, Port, Database, Username, then the rest as given.</summary>
    private static string Shown(NpgsqlConnectionStringBuilder builder)
    {
        string[] first = ["Host", "Port", "Database", "Username"];
        var keys = builder.Keys.Cast<string>().ToList();
        var shown = new NpgsqlConnectionStringBuilder();
        foreach (var key in first.Where(keys.Contains).Concat(keys.Except(first)))
        {
            if (!key.Contains("password", StringComparison.OrdinalIgnoreCase))
                shown[key] = builder[key];
        }
        return shown.ConnectionString;
    }

    private static bool IsUri(string target)
    {
        var trimmed = target.TrimStart();
        return trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>postgresql://[user[:password]@][host[:port][,…]][/database][?key=value&amp;…], percent-decoded.</summary>
    private static NpgsqlConnectionStringBuilder FromUri(string uri)
    {
        var rest = uri[(uri.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var query = TakeAfter(ref rest, '?');
        var database = TakeAfter(ref rest, '/');
        var builder = new NpgsqlConnectionStringBuilder();

        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var user = rest[..at];
            rest = rest[(at + 1)..];
            var colon = user.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Decode(colon < 0 ? user : user[..colon]);
            if (colon >= 0)
                builder.Password = Decode(user[(colon + 1)..]);
        }

        if (rest.Length > 0)
            SetHosts(builder, rest);
        if (!string.IsNullOrEmpty(database))
            builder.Database = Decode(database);

        foreach (var pair in (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
                value = value.Replace("-", "", StringComparison.Ordinal); // verify-full → VerifyFull
            builder[UriKeywords.GetValueOrDefault(key, key)] = value;
        }
        return builder;
    }

    /// <summary>One host (<c>name</c>, <c>name:port</c>, <c>[v6]:port</c>) or several, which Npgsql takes as they are.</summary>
    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts)
    {
        if (hosts.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = Decode(hosts);
            return;
        }

        string host;
        string? port = null;
        if (hosts.StartsWith('['))
        {
            var close = hosts.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
                throw new FormatException("unclosed '[' in the URI's host");
            host = hosts[1..close];
            if (hosts.Length > close + 1)
                port = hosts[(close + 1)..].TrimStart(':');
        }
        else
        {
            var colon = hosts.LastIndexOf(':');
            host = colon < 0 ? hosts : hosts[..colon];
            port = colon < 0 ? null : hosts[(colon + 1)..];
        }

        if (host.Length > 0)
            builder.Host = Decode(host);
        if (!string.IsNullOrEmpty(port))
            builder.Port = int.Parse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Cuts <paramref name="text"/> at the first <paramref name="separator"/>, returning what followed it (null if absent).</summary>
    private static string? TakeAfter(ref string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
            return null;
        var after = text[(index + 1)..];
        text = text[..index];
        return after;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    [GeneratedRegex(@"(?:^|;)\s*(?:host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKey();

    /// <summary>Password, SSL Password and Npgsql's synonyms PWD and PSW, with a plain, "quoted" or 'quoted' value.</summary>
    [GeneratedRegex("""(?<key>\b(?:[\w ]*password|pwd|psw)\s*=\s*)(?:"(?:[^"]|"")*"|'(?:[^']|'')*'|[^;]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValuePassword();

    [GeneratedRegex(@"(?<head>postgres(?:ql)?://[^:/?#@\s]*:)[^@\s]*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();
}
