namespace Peninsula.Storage;

/// <summary>
/// <see cref="IRunStore"/> over one SQLite file (the operations are <see cref="SqlRunStore"/>'s). The file uses
/// WAL with <c>synchronous = FULL</c> and every write is one transaction, so a batch whose
/// <see cref="SqlRunStore.SaveBatch"/> returned survives the process being killed; a write the disk or
/// <see cref="RunStores.SqliteMaxPagesVariable"/> has no room for fails as <see cref="StorageFailure.DatabaseFull"/>
/// and leaves earlier commits intact.
/// </summary>
public sealed class SqliteRunStore : SqlRunStore
{
    /// <summary>Opens or creates <paramref name="databasePath"/> for reading and writing, applying missing schema migrations.</summary>
    /// <param name="databasePath">Path of the SQLite file (or a SQLite <c>file:</c> URI); created if absent.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build knows.</exception>
    public SqliteRunStore(string databasePath)
        : this(databasePath, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Opens <paramref name="databasePath"/> with the given access.</summary>
    /// <param name="databasePath">Path of the SQLite file (or a SQLite <c>file:</c> URI); must exist for <see cref="StoreAccess.ReadOnly"/>.</param>
    /// <param name="access">Read-write (default: creates and migrates) or read-only (schema must already be current).</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema version does not fit this build.</exception>
    public SqliteRunStore(string databasePath, StoreAccess access)
        : base(new SqliteSession(databasePath, access, typeof(SqliteRunStore)), lockRunsForInsert: null)
    {
    }

    /// <summary>The SQLite file this store uses.</summary>
    public string DatabasePath => Session.Target;
}
