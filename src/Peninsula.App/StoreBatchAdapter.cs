using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.App;

/// <summary>
/// Persists a run's batches in the run store; loads committed ones when resuming. <paramref name="committed"/>, when
/// given, is told each batch index once its transaction has committed.
/// </summary>
public sealed class StoreBatchAdapter(IRunStore store, string runId, bool resume, Action<int>? committed = null) : IBatchStore
{
    /// <inheritdoc />
    public BatchResult? TryLoad(int batchIndex)
    {
        if (!resume) return null;
        var payload = store.LoadBatch(runId, batchIndex);
        return payload is null ? null : BatchResult.Deserialize(payload);
    }

    /// <inheritdoc />
    public void Save(BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        store.SaveBatch(runId, batch.BatchIndex, batch.Serialize());
        committed?.Invoke(batch.BatchIndex);
    }
}
