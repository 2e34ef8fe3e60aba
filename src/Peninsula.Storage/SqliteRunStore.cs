using Microsoft.Data.Sqlite;

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
    }

    /// <summary>The SQLite file this store uses.</summary>
    public string DatabasePath => _db.DatabasePath;

    /// <summary>How the file was opened.</summary>
    public StoreAccess Access => _db.Access;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A run with this id is stored with different fields (other than the command line).</exception>
    public void EnsureRun(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _db.Write($"recording run {manifest.RunId}", transaction =>
        {
            using var insert = _db.Command(RunStoreSql.InsertRun, transaction);
            ManifestRow.Bind(insert, manifest);
            if (insert.ExecuteNonQuery() == 1)
                return;

            var stored = ReadRun(manifest.RunId, transaction)
                ?? throw new InvalidOperationException($"Run {manifest.RunId} was neither inserted nor found in '{DatabasePath}'.");
            if (stored with { CommandLine = manifest.CommandLine } == manifest)
                return;

            var fields = ManifestDifference.Fields(stored, manifest);
            var names = fields.Count == 0 ? "fields" : string.Join(", ", fields);
            throw new InvalidOperationException(
                $"Run {manifest.RunId} is already stored in '{DatabasePath}' with a different {names}; a run id must always describe the same run.");
        });
    }

    /// <inheritdoc/>
    public RunManifest? FindRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _db.Read($"reading run {runId}", () => ReadRun(runId, null));
    }

    /// <inheritdoc/>
    public IReadOnlyList<RunManifest> ListRuns() => _db.Read("listing runs", () =>
    {
        using var command = _db.Command(RunStoreSql.SelectRunsNewestFirst, null);
        using var reader = command.ExecuteReader();
        var runs = new List<RunManifest>();
        while (reader.Read())
            runs.Add(ManifestRow.Read(reader));
        return runs;
    });

    /// <inheritdoc/>
    /// <returns>A new <see cref="HashSet{T}"/>; empty for an unknown run.</returns>
    public IReadOnlySet<int> CommittedBatches(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _db.Read($"listing batches of run {runId}", () =>
        {
            using var command = _db.Command(RunStoreSql.SelectBatchIndices, null);
            ManifestRow.Add(command, "@run_id", runId);
            using var reader = command.ExecuteReader();
            var indices = new HashSet<int>();
            while (reader.Read())
                indices.Add(reader.GetInt32(0));
            return indices;
        });
    }

    /// <inheritdoc/>
    /// <param name="runId">A run already recorded with <see cref="EnsureRun"/>.</param>
    /// <param name="batchIndex">Zero-based batch index, at least 0.</param>
    /// <param name="payload">Serialized aggregate; may be empty.</param>
    /// <exception cref="InvalidOperationException">The run is not stored.</exception>
    public void SaveBatch(string runId, int batchIndex, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(batchIndex);
        var bytes = payload.ToArray();
        _db.Write($"saving batch {batchIndex} of run {runId}", transaction =>
        {
            RequireRun(runId, transaction, "save a batch of");
            using var insert = _db.Command(RunStoreSql.InsertBatch, transaction);
            ManifestRow.Add(insert, "@run_id", runId);
            ManifestRow.Add(insert, "@batch_index", batchIndex);
            ManifestRow.Add(insert, "@payload", bytes);
            insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public byte[]? LoadBatch(string runId, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _db.Read($"loading batch {batchIndex} of run {runId}", () =>
        {
            using var command = _db.Command(RunStoreSql.SelectBatch, null);
            ManifestRow.Add(command, "@run_id", runId);
            ManifestRow.Add(command, "@batch_index", batchIndex);
            using var reader = command.ExecuteReader();
            return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
        });
    }

    /// <inheritdoc/>
    /// <remarks>Completing a run again replaces its forecast.</remarks>
    /// <exception cref="InvalidOperationException">The run is not stored.</exception>
    public void CompleteRun(string runId, string forecastJson)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(forecastJson);
        _db.Write($"completing run {runId}", transaction =>
        {
            using var update = _db.Command(RunStoreSql.CompleteRun, transaction);
            ManifestRow.Add(update, "@run_id", runId);
            ManifestRow.Add(update, "@forecast_json", forecastJson);
            if (update.ExecuteNonQuery() == 0)
                throw new InvalidOperationException($"Cannot complete run {runId}: it is not stored in '{DatabasePath}'.");
        });
    }

    /// <inheritdoc/>
    public string? LoadForecast(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return _db.Read($"loading the forecast of run {runId}", () =>
        {
            using var command = _db.Command(RunStoreSql.SelectForecast, null);
            ManifestRow.Add(command, "@run_id", runId);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetString(0) : null;
        });
    }

    /// <summary>Closes the connection and releases the file. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();

    private RunManifest? ReadRun(string runId, SqliteTransaction? transaction)
    {
        using var command = _db.Command(RunStoreSql.SelectRun, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ManifestRow.Read(reader) : null;
    }

    private void RequireRun(string runId, SqliteTransaction transaction, string action)
    {
        using var command = _db.Command(RunStoreSql.RunExists, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        if (command.ExecuteScalar() is null)
            throw new InvalidOperationException($"Cannot {action} run {runId}: it is not stored in '{DatabasePath}'.");
    }
}
