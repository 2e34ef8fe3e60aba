using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.App;

/// <summary>Persists a run's batches in the run store; loads committed ones when resuming.</summary>
public sealed class StoreBatchAdapter(IRunStore store, string runId, bool resume) : IBatchStore
{
    /// <inheritdoc />
    public BatchResult? TryLoad(int batchIndex)
    {
        if (!resume) return null;
        var payload = store.LoadBatch(runId, batchIndex);
        return payload is null ? null : BatchResult.Deserialize(payload);
    }

    /// <inheritdoc />
    public void Save(BatchResult batch) => store.SaveBatch(runId, batch.BatchIndex, batch.Serialize());
}
