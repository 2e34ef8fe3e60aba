namespace Peninsula.Storage;

/// <summary>
/// <see cref="IRunStore"/> over one SQLite file. The file uses WAL with <c>synchronous = FULL</c> and
/// every write is one transaction, so a batch whose <see cref="SaveBatch"/> returned survives the
/// process being killed. Calls from several threads are serialized. Provider failures surface as
/// <see cref="StorageException"/>; misuse (manifest mismatch, unknown run) as <see cref="InvalidOperationException"/>.
/// </summary>
public sealed class SqliteRunStore : IRunStore
{
    private readonly SqliteSession _db;
    private readonly RunStoreCore _runs;

    /// <summary>Opens or creates <paramref name="databasePath"/> for reading and writing, applying missing schema migrations.</summary>
    /// <param name="databasePath">Path of the SQLite file; created if absent.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build knows.</exception>
    public SqliteRunStore(string databasePath)
        : this(databasePath, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Opens <paramref name="databasePath"/> with the given access.</summary>
    /// <param name="databasePath">Path of the SQLite file; must exist for <see cref="StoreAccess.ReadOnly"/>.</param>
    /// <param name="access">Read-write (default: creates and migrates) or read-only (schema must already be current).</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema version does not fit this build.</exception>
    public SqliteRunStore(string databasePath, StoreAccess access)
    {
        _db = new SqliteSession(databasePath, access, this);
        _runs = new RunStoreCore(_db, lockRunsForInsert: null);
    }

    /// <summary>The SQLite file this store uses.</summary>
    public string DatabasePath => _db.DatabasePath;

    /// <summary>How the file was opened.</summary>
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

    /// <summary>Closes the connection and releases the file. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();
}
