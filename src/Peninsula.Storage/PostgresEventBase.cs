using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>
/// The historical event base (<see cref="IEventBase"/>) in a PostgreSQL database: the same <c>hist_</c> tables,
/// statements and semantics as <see cref="SqliteEventBase"/>, in the first schema of the connection's search
/// path (which may also hold the run store's tables). Calls from several threads are serialized. Provider
/// failures surface as <see cref="StorageException"/> naming the connection string without its password.
/// </summary>
public sealed class PostgresEventBase : IEventBase
{
    private readonly PostgresSession _db;
    private readonly EventBaseCore _events;

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
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _db = new PostgresSession(PostgresTarget.Parse(connectionString), access, this);
        _events = new EventBaseCore(_db);
    }

    /// <summary>"postgres " and the connection string without its password, as messages name the database.</summary>
    public string Target => _db.Target;

    /// <summary>How the database was opened.</summary>
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

    /// <summary>Closes the connection. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();
}
