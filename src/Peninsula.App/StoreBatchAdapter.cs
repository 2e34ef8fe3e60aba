using System.Threading.Channels;
using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.App;

/// <summary>
/// Persists a run's batches in the run store; loads committed ones when resuming. Writing happens on one background
/// writer so that the simulation threads never wait for a commit (a durable commit waits for the disk): workers
/// serialise their batch and queue it; the writer commits what has queued up (at most <see cref="GroupLimit"/> batches)
/// in one transaction, in arrival order, so a durable commit is paid per group rather than per batch. The <c>committed</c> callback, when
/// given, is told each batch index once its transaction has committed. <see cref="Complete"/> waits for every queued
/// batch and rethrows the first storage error; after an error, further <see cref="Save"/> calls throw it at once.
/// </summary>
public sealed class StoreBatchAdapter : IBatchStore, IDisposable
{
    private readonly IRunStore _store;
    private readonly string _runId;
    private readonly bool _resume;
    private readonly Action<int>? _committed;
    private readonly Channel<(int Index, byte[] Payload)> _queue =
        Channel.CreateUnbounded<(int, byte[])>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private volatile Exception? _failure;

    /// <summary>Starts the writer for run <paramref name="runId"/> of <paramref name="store"/>.</summary>
    public StoreBatchAdapter(IRunStore store, string runId, bool resume, Action<int>? committed = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _runId = runId ?? throw new ArgumentNullException(nameof(runId));
        _resume = resume;
        _committed = committed;
        _writer = Task.Run(Write);
    }

    /// <inheritdoc />
    public BatchResult? TryLoad(int batchIndex)
    {
        if (!_resume) return null;
        var payload = _store.LoadBatch(_runId, batchIndex);
        return payload is null ? null : BatchResult.Deserialize(payload);
    }

    /// <inheritdoc />
    public void Save(BatchResult batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_failure is { } failure) throw failure;
        if (!_queue.Writer.TryWrite((batch.BatchIndex, batch.Serialize())))
            throw _failure ?? new InvalidOperationException("the batch writer has been completed");
    }

    /// <summary>Waits until every queued batch is committed; rethrows the first storage error.</summary>
    public void Complete()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        if (_failure is { } failure) throw failure;
    }

    /// <summary>Stops the writer after the queued batches (a storage error is left to <see cref="Complete"/>).</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult(); // Write records errors instead of throwing
    }

    /// <summary>Most batches committed in one transaction.</summary>
    public const int GroupLimit = 64;

    /// <summary>Pause after a commit of fewer than <see cref="GroupLimit"/> batches, so that the next one gathers more.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromMilliseconds(100);

    private async Task Write()
    {
        try
        {
            var group = new List<(int, byte[])>(GroupLimit);
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                group.Clear();
                while (group.Count < GroupLimit && _queue.Reader.TryRead(out var item)) group.Add(item);
                if (group.Count == 0) continue;
                _store.SaveBatches(_runId, group);
                if (_committed is not null)
                {
                    foreach (var (index, _) in group) _committed(index);
                }
                // Let batches gather before the next commit (fewer, larger transactions, fewer wake-ups of this thread
                // beside the simulation's), unless the run is finishing.
                if (!_queue.Reader.Completion.IsCompleted && group.Count < GroupLimit) await Task.Delay(CommitInterval).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            _failure = e;
            _queue.Writer.TryComplete(e);
            // drop what is left: the run fails and is completed by --resume
            while (_queue.Reader.TryRead(out _)) { }
        }
    }
}
