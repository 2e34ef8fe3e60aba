using Peninsula.Core;

namespace Peninsula.Web.Runs;

/// <summary>A job while the app holds it: its record, progress and cancellation. Thread-safe.</summary>
public sealed class RunJob : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private long _completed;
    private volatile JobRecord _record;
    private volatile string _current = "";

    /// <summary>Wraps a queued record.</summary>
    public RunJob(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _record = record;
    }

    /// <summary>The latest record.</summary>
    public JobRecord Record => _record;

    /// <summary>Runs simulated so far, over every package.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Runs to simulate, over every package.</summary>
    public long Total => (long)_record.Runs * _record.Policies.Length;

    /// <summary>The package being simulated.</summary>
    public string Current => _current;

    /// <summary>Fires when the user cancels.</summary>
    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>True once cancellation was asked for.</summary>
    public bool CancelRequested => _cancel.IsCancellationRequested;

    /// <summary>Asks the job to stop (between batches of 1000 runs).</summary>
    public void Cancel()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished and forgotten
        }
    }

    /// <summary>Replaces the record.</summary>
    public void Update(JobRecord record) => _record = record ?? throw new ArgumentNullException(nameof(record));

    /// <summary>A progress sink for package <paramref name="policy"/> (index <paramref name="index"/> in the job's order).</summary>
    public IProgress<WorkProgress> ProgressFor(string policy, int index)
    {
        _current = policy;
        var offset = (long)index * _record.Runs;
        Interlocked.Exchange(ref _completed, offset);
        return new Sink(this, offset);
    }

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();

    /// <summary>Reports synchronously (no synchronisation context), keeping the highest count seen.</summary>
    private sealed class Sink(RunJob job, long offset) : IProgress<WorkProgress>
    {
        public void Report(WorkProgress value)
        {
            var total = offset + value.Completed;
            long seen;
            do
            {
                seen = Interlocked.Read(ref job._completed);
                if (total <= seen) return;
            }
            while (Interlocked.CompareExchange(ref job._completed, total, seen) != seen);
        }
    }
}
