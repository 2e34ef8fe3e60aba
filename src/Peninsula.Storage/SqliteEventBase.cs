namespace Peninsula.Storage;

/// <summary>
/// The curated historical record stored in the <c>hist_</c> tables of a SQLite file (schema version 2),
/// for queries by month (the operations are <see cref="SqlEventBase"/>'s). <see cref="SqlEventBase.Import"/>
/// writes a whole <see cref="History.HistoricalDataset"/> in one transaction: re-importing the same data (same
/// SHA-256 and cut) is a no-op, different data replaces the contents, and a failed import leaves the previous
/// contents as they were.
/// </summary>
public sealed class SqliteEventBase : SqlEventBase
{
    /// <summary>Opens or creates <paramref name="databasePath"/> read-write, applying missing schema migrations.</summary>
    /// <param name="databasePath">Path of the SQLite file (may be the run store's file); created if absent.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build knows.</exception>
    public SqliteEventBase(string databasePath)
        : this(databasePath, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Opens <paramref name="databasePath"/> with the given access.</summary>
    /// <param name="databasePath">Path of the SQLite file; must exist and be current for <see cref="StoreAccess.ReadOnly"/>.</param>
    /// <param name="access">Read-write (creates and migrates) or read-only.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema version does not fit this build.</exception>
    public SqliteEventBase(string databasePath, StoreAccess access)
        : base(new SqliteSession(databasePath, access, typeof(SqliteEventBase)))
    {
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => Session.Target;
}
