namespace Peninsula.Storage;

/// <summary>Why a storage operation failed, where the provider says so in a way a user can act on.</summary>
public enum StorageFailure
{
    /// <summary>Any other provider failure (unreachable server, corrupt file, lock timeout…); the message carries the provider's words.</summary>
    Other = 0,

    /// <summary>
    /// The database cannot grow: the disk is full, or a size limit was reached (SQLite <c>SQLITE_FULL</c>, 13;
    /// PostgreSQL <c>disk_full</c>, 53100). The failed write was rolled back; earlier commits are kept.
    /// </summary>
    DatabaseFull = 1,

    /// <summary>
    /// The database accepts no writes: a read-only file, folder or mount, or a read-only session or server (SQLite
    /// <c>SQLITE_READONLY</c>, 8; PostgreSQL <c>read_only_sql_transaction</c>, 25006). Nothing was written.
    /// </summary>
    ReadOnly = 2,
}
