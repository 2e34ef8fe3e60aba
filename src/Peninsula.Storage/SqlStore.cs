namespace Peninsula.Storage;

/// <summary>
/// What the run stores and event bases of every provider share: one open database (a session serialising calls
/// from several threads and turning provider failures into <see cref="StorageException"/>), how it was opened, and
/// its disposal. <see cref="SqlRunStore"/> and <see cref="SqlEventBase"/> add the operations; the SQLite and
/// PostgreSQL classes only open the database.
/// </summary>
public abstract class SqlStore : IDisposable
{
    /// <summary>Takes over <paramref name="session"/>, which the store disposes.</summary>
    private protected SqlStore(StoreSession session)
    {
        Session = session;
    }

    /// <summary>How the database was opened.</summary>
    public StoreAccess Access => Session.Access;

    /// <summary>The open database.</summary>
    private protected StoreSession Session { get; }

    /// <summary>Closes the connection and releases the database. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the session when <paramref name="disposing"/>; a store holds no unmanaged state of its own.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
            Session.Dispose();
    }
}
