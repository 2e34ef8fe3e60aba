using System.Data.Common;

namespace Peninsula.Storage;

/// <summary>
/// <see cref="IRunStore"/> over one open database, whatever the provider: the same statements
/// (<see cref="RunStoreSql"/>), transactions, checks and messages for <see cref="SqliteRunStore"/> and
/// <see cref="PostgresRunStore"/>, which differ only in how they open the database. Every write is one
/// transaction; calls from several threads are serialized. Provider failures surface as
/// <see cref="StorageException"/> (with <see cref="StorageException.Failure"/> telling a full or read-only
/// database apart); misuse (manifest mismatch, unknown run) as <see cref="InvalidOperationException"/>.
/// </summary>
public abstract class SqlRunStore : SqlStore, IRunStore
{
    private readonly string? _lockRunsForInsert;

    /// <summary>Takes over <paramref name="session"/>, which the store disposes.</summary>
    /// <param name="session">The open database.</param>
    /// <param name="lockRunsForInsert">
    /// A statement run first in <see cref="EnsureRun"/>'s transaction to serialise run inserts, or null when the
    /// database already serialises writers (SQLite). <c>created_order</c> is computed from the table's maximum, so
    /// two concurrent inserts on a server must not both see the same one.
    /// </param>
    private protected SqlRunStore(StoreSession session, string? lockRunsForInsert)
        : base(session)
    {
        _lockRunsForInsert = lockRunsForInsert;
    }

    private string Target => Session.Target;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A run with this id is stored with different fields (other than the command line).</exception>
    public void EnsureRun(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Session.Write($"recording run {manifest.RunId}", transaction =>
        {
            if (_lockRunsForInsert is not null)
            {
                using var lockRuns = Session.Command(_lockRunsForInsert, transaction);
                lockRuns.ExecuteNonQuery();
            }

            using var insert = Session.Command(RunStoreSql.InsertRun, transaction);
            ManifestRow.Bind(insert, manifest);
            if (insert.ExecuteNonQuery() == 1)
                return;

            var stored = ReadRun(manifest.RunId, transaction)
                ?? throw new InvalidOperationException($"Run {manifest.RunId} was neither inserted nor found in '{Target}'.");
            var fields = ManifestDifference.Fields(stored, manifest);
            if (fields.Count == 0)
                return; // the same run (asked for again, perhaps by another verb or command line): the first record is kept

            var names = string.Join(", ", fields);
            throw new InvalidOperationException(
                $"Run {manifest.RunId} is already stored in '{Target}' with a different {names}; a run id must always describe the same run.");
        });
    }

    /// <inheritdoc/>
    public RunManifest? FindRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Session.Read($"reading run {runId}", () => ReadRun(runId, null));
    }

    /// <inheritdoc/>
    public IReadOnlyList<RunManifest> ListRuns() => Session.Read("listing runs", () =>
    {
        using var command = Session.Command(RunStoreSql.SelectRunsNewestFirst, null);
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
        return Session.Read($"listing batches of run {runId}", () =>
        {
            using var command = Session.Command(RunStoreSql.SelectBatchIndices, null);
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
        Session.Write($"saving batch {batchIndex} of run {runId}", transaction =>
        {
            RequireRun(runId, transaction, "save a batch of");
            using var insert = Session.Command(RunStoreSql.InsertBatch, transaction);
            ManifestRow.Add(insert, "@run_id", runId);
            ManifestRow.Add(insert, "@batch_index", batchIndex);
            ManifestRow.Add(insert, "@payload", bytes);
            insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc/>
    public void SaveBatches(string runId, IReadOnlyList<(int BatchIndex, byte[] Payload)> batches)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(batches);
        if (batches.Count == 0) return;
        foreach (var (index, payload) in batches)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentNullException.ThrowIfNull(payload);
        }
        var what = batches.Count == 1 ? $"saving batch {batches[0].BatchIndex} of run {runId}"
            : $"saving batches {string.Join(", ", batches.Select(b => b.BatchIndex))} of run {runId}";
        Session.Write(what, transaction =>
        {
            RequireRun(runId, transaction, "save a batch of");
            using var insert = Session.Command(RunStoreSql.InsertBatch, transaction);
            foreach (var (index, payload) in batches)
            {
                insert.Parameters.Clear();
                ManifestRow.Add(insert, "@run_id", runId);
                ManifestRow.Add(insert, "@batch_index", index);
                ManifestRow.Add(insert, "@payload", payload);
                insert.ExecuteNonQuery();
            }
        });
    }

    /// <inheritdoc/>
    public byte[]? LoadBatch(string runId, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Session.Read($"loading batch {batchIndex} of run {runId}", () =>
        {
            using var command = Session.Command(RunStoreSql.SelectBatch, null);
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
        Session.Write($"completing run {runId}", transaction =>
        {
            using var update = Session.Command(RunStoreSql.CompleteRun, transaction);
            ManifestRow.Add(update, "@run_id", runId);
            ManifestRow.Add(update, "@forecast_json", forecastJson);
            if (update.ExecuteNonQuery() == 0)
                throw new InvalidOperationException($"Cannot complete run {runId}: it is not stored in '{Target}'.");
        });
    }

    /// <inheritdoc/>
    public string? LoadForecast(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return Session.Read($"loading the forecast of run {runId}", () =>
        {
            using var command = Session.Command(RunStoreSql.SelectForecast, null);
            ManifestRow.Add(command, "@run_id", runId);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetString(0) : null;
        });
    }

    private RunManifest? ReadRun(string runId, DbTransaction? transaction)
    {
        using var command = Session.Command(RunStoreSql.SelectRun, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ManifestRow.Read(reader) : null;
    }

    private void RequireRun(string runId, DbTransaction transaction, string action)
    {
        using var command = Session.Command(RunStoreSql.RunExists, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        if (command.ExecuteScalar() is null)
            throw new InvalidOperationException($"Cannot {action} run {runId}: it is not stored in '{Target}'.");
    }
}
