using System.Diagnostics.CodeAnalysis;

namespace Peninsula.Storage;

/// <summary>
/// Opens the store a <c>--db</c> value names: a PostgreSQL connection string (Npgsql key/value with a
/// <c>Host=</c> key, or a <c>postgres://</c> / <c>postgresql://</c> URI) opens PostgreSQL; anything else is a
/// SQLite file path, or a SQLite URI such as <c>file:/data/peninsula.db?mode=ro</c> (read-only, as on a
/// read-only mount: reads work, every write fails as <see cref="StorageFailure.ReadOnly"/>).
/// </summary>
public static class RunStores
{
    /// <summary>
    /// Environment variable that caps every SQLite database this process opens at that many pages
    /// (<c>PRAGMA max_page_count</c>; a page is 4096 bytes unless the file says otherwise). A database already
    /// that large cannot grow at all (<c>1</c> always means "no growth"); a write that needs more room fails as
    /// <see cref="StorageFailure.DatabaseFull"/>, exactly as on a full disk, and is rolled back. For operators who
    /// must keep a database off a shared disk's last bytes, and for testing what a full disk does. Unset or empty:
    /// no cap beyond SQLite's own.
    /// </summary>
    public const string SqliteMaxPagesVariable = "PENINSULA_SQLITE_MAX_PAGES";

    /// <summary>The feature switch behind <see cref="PostgresSupported"/>.</summary>
    public const string PostgresSwitch = "Peninsula.Storage.PostgresSupported";

    /// <summary>
    /// Whether this build can open PostgreSQL (the default). A build that sets the switch off at compile time (the
    /// natively compiled run entry point, which leaves PostgreSQL to the managed CLI) has none of Npgsql's code in it: the
    /// compiler removes every branch behind this property, and a PostgreSQL target then fails to open with a one-line
    /// <see cref="StorageException"/>.
    /// </summary>
    [FeatureSwitchDefinition(PostgresSwitch)]
    public static bool PostgresSupported => AppContext.TryGetSwitch(PostgresSwitch, out var supported) ? supported : true;

    /// <summary>True when <paramref name="target"/> is a PostgreSQL connection string rather than a SQLite file path.</summary>
    /// <param name="target">A <c>--db</c> value.</param>
    public static bool IsPostgres(string target) => PostgresTarget.Matches(target);

    /// <summary>Opens the run store <paramref name="target"/> names: <see cref="PostgresRunStore"/> or <see cref="SqliteRunStore"/>.</summary>
    /// <param name="target">A PostgreSQL connection string or a SQLite file path (created if absent for read-write access).</param>
    /// <param name="access">Read-write (default: creates and migrates) or read-only (the schema must be current).</param>
    /// <exception cref="StorageException">
    /// The store could not be opened, e.g. "Storage error in 'postgres Host=127.0.0.1;Port=5432;Database=x': connecting to the server failed: Failed to connect to 127.0.0.1:5432: Connection refused";
    /// no message shows a password.
    /// </exception>
    /// <exception cref="InvalidOperationException">The database's schema version does not fit this build.</exception>
    public static IRunStore Open(string target, StoreAccess access = StoreAccess.ReadWrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!IsPostgres(target)) return new SqliteRunStore(target, access);
        return PostgresSupported ? new PostgresRunStore(target, access) : throw NoPostgres(target);
    }

    /// <summary>Opens the historical event base <paramref name="target"/> names: <see cref="PostgresEventBase"/> or <see cref="SqliteEventBase"/>.</summary>
    /// <param name="target">A PostgreSQL connection string or a SQLite file path (may be the run store's).</param>
    /// <param name="access">Read-write (default: creates and migrates) or read-only.</param>
    /// <exception cref="StorageException">The database could not be opened; no message shows a password.</exception>
    /// <exception cref="InvalidOperationException">The database's schema version does not fit this build.</exception>
    public static IEventBase OpenEventBase(string target, StoreAccess access = StoreAccess.ReadWrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (!IsPostgres(target)) return new SqliteEventBase(target, access);
        return PostgresSupported ? new PostgresEventBase(target, access) : throw NoPostgres(target);
    }

    /// <summary>
    /// How to show <paramref name="target"/> to a user: a SQLite path as it is, a PostgreSQL connection string as
    /// "postgres " and its key/value form without any password (a malformed one with passwords masked).
    /// </summary>
    /// <param name="target">A <c>--db</c> value.</param>
    public static string Describe(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!IsPostgres(target))
            return target;
        if (!PostgresSupported)
            return Redacted(target);
        try
        {
            return PostgresTarget.Parse(target).Display;
        }
        catch (StorageException ex)
        {
            return ex.DatabasePath;
        }
    }

    /// <summary>A PostgreSQL target as messages show it without Npgsql's parser: "postgres " and the text, passwords masked.</summary>
    private static string Redacted(string target) => PostgresTarget.Prefix + PostgresTarget.Redact(target);

    private static StorageException NoPostgres(string target) =>
        new(Redacted(target), "opening the database",
            "this build has no PostgreSQL support (the managed CLI has: PENINSULA_MANAGED=1 ./peninsula ...)");
}
