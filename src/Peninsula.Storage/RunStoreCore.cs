using System.Data.Common;

namespace Peninsula.Storage;

/// <summary>
/// The <see cref="IRunStore"/> operations over any <see cref="StoreSession"/>, so SQLite and PostgreSQL share
/// one implementation: the same statements (<see cref="RunStoreSql"/>), transactions, checks and messages.
/// </summary>
/// <param name="db">The open session.</param>
/// <param name="lockRunsForInsert">
/// A statement run first in <see cref="EnsureRun"/>'s transaction to serialise run inserts, or null when the
/// database already serialises writers (SQLite). <c>created_order</c> is computed from the table's maximum, so
/// two concurrent inserts on a server must not both see the same one.
/// </param>
internal sealed class RunStoreCore(StoreSession db, string? lockRunsForInsert)
{
    private string Target => db.Target;

    /// <inheritdoc cref="IRunStore.EnsureRun"/>
    public void EnsureRun(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        db.Write($"recording run {manifest.RunId}", transaction =>
        {
            if (lockRunsForInsert is not null)
            {
                using var lockRuns = db.Command(lockRunsForInsert, transaction);
                lockRuns.ExecuteNonQuery();
            }

            using var insert = db.Command(RunStoreSql.InsertRun, transaction);
            ManifestRow.Bind(insert, manifest);
            if (insert.ExecuteNonQuery() == 1)
                return;

            var stored = ReadRun(manifest.RunId, transaction)
                ?? throw new InvalidOperationException($"Run {manifest.RunId} was neither inserted nor found in '{Target}'.");
            if (stored with { CommandLine = manifest.CommandLine } == manifest)
                return;

            var fields = ManifestDifference.Fields(stored, manifest);
            var names = fields.Count == 0 ? "fields" : string.Join(", ", fields);
            throw new InvalidOperationException(
                $"Run {manifest.RunId} is already stored in '{Target}' with a different {names}; a run id must always describe the same run.");
        });
    }

    /// <inheritdoc cref="IRunStore.FindRun"/>
    public RunManifest? FindRun(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return db.Read($"reading run {runId}", () => ReadRun(runId, null));
    }

    /// <inheritdoc cref="IRunStore.ListRuns"/>
    public IReadOnlyList<RunManifest> ListRuns() => db.Read("listing runs", () =>
    {
        using var command = db.Command(RunStoreSql.SelectRunsNewestFirst, null);
        using var reader = command.ExecuteReader();
        var runs = new List<RunManifest>();
        while (reader.Read())
            runs.Add(ManifestRow.Read(reader));
        return runs;
    });

    /// <inheritdoc cref="IRunStore.CommittedBatches"/>
    public IReadOnlySet<int> CommittedBatches(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return db.Read($"listing batches of run {runId}", () =>
        {
            using var command = db.Command(RunStoreSql.SelectBatchIndices, null);
            ManifestRow.Add(command, "@run_id", runId);
            using var reader = command.ExecuteReader();
            var indices = new HashSet<int>();
            while (reader.Read())
                indices.Add(reader.GetInt32(0));
            return indices;
        });
    }

    /// <inheritdoc cref="IRunStore.SaveBatch"/>
    public void SaveBatch(string runId, int batchIndex, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(batchIndex);
        var bytes = payload.ToArray();
        db.Write($"saving batch {batchIndex} of run {runId}", transaction =>
        {
            RequireRun(runId, transaction, "save a batch of");
            using var insert = db.Command(RunStoreSql.InsertBatch, transaction);
            ManifestRow.Add(insert, "@run_id", runId);
            ManifestRow.Add(insert, "@batch_index", batchIndex);
            ManifestRow.Add(insert, "@payload", bytes);
            insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc cref="IRunStore.LoadBatch"/>
    public byte[]? LoadBatch(string runId, int batchIndex)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return db.Read($"loading batch {batchIndex} of run {runId}", () =>
        {
            using var command = db.Command(RunStoreSql.SelectBatch, null);
            ManifestRow.Add(command, "@run_id", runId);
            ManifestRow.Add(command, "@batch_index", batchIndex);
            using var reader = command.ExecuteReader();
            return reader.Read() ? reader.GetFieldValue<byte[]>(0) : null;
        });
    }

    /// <inheritdoc cref="IRunStore.CompleteRun"/>
    public void CompleteRun(string runId, string forecastJson)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(forecastJson);
        db.Write($"completing run {runId}", transaction =>
        {
            using var update = db.Command(RunStoreSql.CompleteRun, transaction);
            ManifestRow.Add(update, "@run_id", runId);
            ManifestRow.Add(update, "@forecast_json", forecastJson);
            if (update.ExecuteNonQuery() == 0)
                throw new InvalidOperationException($"Cannot complete run {runId}: it is not stored in '{Target}'.");
        });
    }

    /// <inheritdoc cref="IRunStore.LoadForecast"/>
    public string? LoadForecast(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        return db.Read($"loading the forecast of run {runId}", () =>
        {
            using var command = db.Command(RunStoreSql.SelectForecast, null);
            ManifestRow.Add(command, "@run_id", runId);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetString(0) : null;
        });
    }

    private RunManifest? ReadRun(string runId, DbTransaction? transaction)
    {
        using var command = db.Command(RunStoreSql.SelectRun, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ManifestRow.Read(reader) : null;
    }

    private void RequireRun(string runId, DbTransaction transaction, string action)
    {
        using var command = db.Command(RunStoreSql.RunExists, transaction);
        ManifestRow.Add(command, "@run_id", runId);
        if (command.ExecuteScalar() is null)
            throw new InvalidOperationException($"Cannot {action} run {runId}: it is not stored in '{Target}'.");
    }
}
