namespace Peninsula.Storage;

/// <summary>
/// <see cref="IRunStore"/> over a PostgreSQL database, the server option: the same tables, columns, schema
/// migrations, statements and semantics as <see cref="SqliteRunStore"/> (both are <see cref="SqlRunStore"/>), so
/// the same runs read back identically from either. The tables live in the first schema of the connection's
/// search path; several processes may share the database. Provider failures name the connection string
/// without its password.
/// </summary>
public sealed class PostgresRunStore : SqlRunStore
{
    /// <summary>Serialises run inserts across processes: <c>created_order</c> is the table's maximum plus one.</summary>
    private const string LockRunsForInsert = "LOCK TABLE runs IN SHARE ROW EXCLUSIVE MODE";

    /// <summary>Connects to <paramref name="connectionString"/> for reading and writing, applying missing schema migrations.</summary>
    /// <param name="connectionString">Npgsql key/value (<c>Host=…;Database=…</c>) or a <c>postgres://</c> / <c>postgresql://</c> URI.</param>
    /// <exception cref="StorageException">The connection string is malformed, the server could not be reached, or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The database's schema is newer than this build knows.</exception>
    public PostgresRunStore(string connectionString)
        : this(connectionString, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Connects to <paramref name="connectionString"/> with the given access.</summary>
    /// <param name="connectionString">Npgsql key/value (<c>Host=…;Database=…</c>) or a <c>postgres://</c> / <c>postgresql://</c> URI.</param>
    /// <param name="access">Read-write (default: creates and migrates the tables) or read-only (every transaction read-only; the schema must be current).</param>
    /// <exception cref="StorageException">The connection string is malformed, the server could not be reached, or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The database's schema version does not fit this build.</exception>
    public PostgresRunStore(string connectionString, StoreAccess access)
        : base(PostgresSession.Open(connectionString, access, typeof(PostgresRunStore)), LockRunsForInsert)
    {
    }

    /// <summary>"postgres " and the connection string without its password, as messages name the database.</summary>
    public string Target => Session.Target;
}
