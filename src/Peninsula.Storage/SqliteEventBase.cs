using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>
/// The curated historical record stored in the <c>hist_</c> tables of a SQLite file (schema version 2),
/// for queries by month. <see cref="Import"/> writes a whole <see cref="HistoricalDataset"/> in one
/// transaction: re-importing the same data (same SHA-256 and cut) is a no-op, different data replaces
/// the contents, and a failed import leaves the previous contents as they were. Calls from several
/// threads are serialized. Provider failures surface as <see cref="StorageException"/>.
/// </summary>
public sealed class SqliteEventBase : IEventBase
{
    private readonly SqliteSession _db;
    private readonly EventBaseCore _events;

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
    {
        _db = new SqliteSession(databasePath, access, this);
        _events = new EventBaseCore(_db);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => _db.DatabasePath;

    /// <summary>How the file was opened.</summary>
    public StoreAccess Access => _db.Access;

    /// <summary>Test hook: called after each row is inserted during an import, with the table name and the row's index.</summary>
    internal Action<string, int>? RowInserted
    {
        get => _events.RowInserted;
        set => _events.RowInserted = value;
    }

    /// <inheritdoc/>
    public bool Import(HistoricalDataset dataset, string dataSha256) => _events.Import(dataset, dataSha256);

    /// <inheritdoc/>
    public HistoricalImport? CurrentImport() => _events.CurrentImport();

    /// <inheritdoc/>
    public IReadOnlyList<LadderMonth> MonthlyLabels(Month from, Month to) => _events.MonthlyLabels(from, to);

    /// <inheritdoc/>
    public IReadOnlyList<MonthlySeriesRow> MonthlySeries(Month from, Month to) => _events.MonthlySeries(from, to);

    /// <inheritdoc/>
    public IReadOnlyList<EventRow> Events(Month from, Month to) => _events.Events(from, to);

    /// <inheritdoc/>
    public IReadOnlyList<MissileLaunchRow> MissileLaunches(Month from, Month to) => _events.MissileLaunches(from, to);

    /// <summary>Closes the connection and releases the file. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();
}
