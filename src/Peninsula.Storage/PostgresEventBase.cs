namespace Peninsula.Storage;

/// <summary>
/// The historical event base (<see cref="IEventBase"/>) in a PostgreSQL database: the same <c>hist_</c> tables,
/// statements and semantics as <see cref="SqliteEventBase"/> (both are <see cref="SqlEventBase"/>), in the first
/// schema of the connection's search path (which may also hold the run store's tables). Provider failures name
/// the connection string without its password.
/// </summary>
public sealed class PostgresEventBase : SqlEventBase
{
    /// <summary>Connects to <paramref name="connectionString"/> read-write, applying missing schema migrations.</summary>
    /// <param name="connectionString">Npgsql key/value (<c>Host=…;Database=…</c>) or a <c>postgres://</c> / <c>postgresql://</c> URI.</param>
    /// <exception cref="StorageException">The connection string is malformed, the server could not be reached, or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build knows.</exception>
    public PostgresEventBase(string connectionString)
        : this(connectionString, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Connects to <paramref name="connectionString"/> with the given access.</summary>
    /// <param name="connectionString">Npgsql key/value (<c>Host=…;Database=…</c>) or a <c>postgres://</c> / <c>postgresql://</c> URI.</param>
    /// <param name="access">Read-write (creates and migrates) or read-only.</param>
    /// <exception cref="StorageException">The connection string is malformed, the server could not be reached, or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The database's schema version does not fit this build.</exception>
    public PostgresEventBase(string connectionString, StoreAccess access)
        : base(PostgresSession.Open(connectionString, access, typeof(PostgresEventBase)))
    {
    }

    /// <summary>"postgres " and the connection string without its password, as messages name the database.</summary>
    public string Target => Session.Target;
}
