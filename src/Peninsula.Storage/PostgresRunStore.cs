namespace Peninsula.Storage;

/// <summary>
/// <see cref="IRunStore"/> over a PostgreSQL database, the server option: the same tables, columns, schema
/// migrations, statements and semantics as <see cref="SqliteRunStore"/> (every write one transaction, saving a
/// stored batch a no-op, manifests checked on <see cref="EnsureRun"/>, runs listed newest first), so the same
/// runs read back identically from either. The tables live in the first schema of the connection's search path.
/// Calls from several threads are serialized; several processes may share the database. Provider failures
/// surface as <see cref="StorageException"/> naming the connection string without its password; misuse
/// (manifest mismatch, unknown run) as <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class PostgresRunStore : IRunStore
{
    /// <summary>Serialises run inserts across processes: <c>created_order</c> is the table's maximum plus one.</summary>
    private const string LockRunsForInsert = "LOCK TABLE runs IN SHARE ROW EXCLUSIVE MODE";

    private readonly PostgresSession _db;
    private readonly RunStoreCore _runs;

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
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _db = new PostgresSession(PostgresTarget.Parse(connectionString), access, this);
        _runs = new RunStoreCore(_db, LockRunsForInsert);
    }

    /// <summary>"postgres " and the connection string without its password, as messages name the database.</summary>
    public string Target => _db.Target;

    /// <summary>How the database was opened.</summary>
    public StoreAccess Access => _db.Access;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A run with this id is stored with different fields (other than the command line).</exception>
    public void EnsureRun(RunManifest manifest) => _runs.EnsureRun(manifest);

    /// <inheritdoc/>
    public RunManifest? FindRun(string runId) => _runs.FindRun(runId);

    /// <inheritdoc/>
    public IReadOnlyList<RunManifest> ListRuns() => _runs.ListRuns();

    /// <inheritdoc/>
    /// <returns>A new <see cref="HashSet{T}"/>; empty for an unknown run.</returns>
    public IReadOnlySet<int> CommittedBatches(string runId) => _runs.CommittedBatches(runId);

    /// <inheritdoc/>
    /// <param name="runId">A run already recorded with <see cref="EnsureRun"/>.</param>
    /// <param name="batchIndex">Zero-based batch index, at least 0.</param>
    /// <param name="payload">Serialized aggregate; may be empty.</param>
    /// <exception cref="InvalidOperationException">The run is not stored.</exception>
    public void SaveBatch(string runId, int batchIndex, ReadOnlySpan<byte> payload) => _runs.SaveBatch(runId, batchIndex, payload);

    /// <inheritdoc/>
    public byte[]? LoadBatch(string runId, int batchIndex) => _runs.LoadBatch(runId, batchIndex);

    /// <inheritdoc/>
    /// <remarks>Completing a run again replaces its forecast.</remarks>
    /// <exception cref="InvalidOperationException">The run is not stored.</exception>
    public void CompleteRun(string runId, string forecastJson) => _runs.CompleteRun(runId, forecastJson);

    /// <inheritdoc/>
    public string? LoadForecast(string runId) => _runs.LoadForecast(runId);

    /// <summary>Closes the connection. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();
}
