using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Peninsula.Web.Runs;

/// <summary>
/// The bounded queue between requests and the simulation worker. A request only enqueues (never simulates), and
/// is refused when <see cref="Capacity"/> jobs are already waiting. Jobs the app holds are found by id here.
/// </summary>
public sealed class JobChannel
{
    private readonly Channel<RunJob> _channel;
    private readonly ConcurrentDictionary<string, RunJob> _live = new(StringComparer.Ordinal);

    /// <summary>A queue holding at most <paramref name="capacity"/> waiting jobs.</summary>
    public JobChannel(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _channel = Channel.CreateBounded<RunJob>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    /// <summary>How many jobs may wait.</summary>
    public int Capacity { get; }

    /// <summary>Jobs waiting now.</summary>
    public int Waiting => _channel.Reader.Count;

    /// <summary>Where the worker reads jobs.</summary>
    public ChannelReader<RunJob> Reader => _channel.Reader;

    /// <summary>Adds a job; false when the queue is full.</summary>
    public bool TryEnqueue(RunJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _live[job.Record.Id] = job;
        if (_channel.Writer.TryWrite(job)) return true;
        _live.TryRemove(job.Record.Id, out _);
        return false;
    }

    /// <summary>The job with this id while the app holds it (queued or running), or null.</summary>
    public RunJob? Live(string id) => _live.TryGetValue(id, out var job) ? job : null;

    /// <summary>How many jobs are ahead of <paramref name="id"/> (0 when it is next or running).</summary>
    public int Ahead(string id) =>
        _live.Values.Count(j => j.Record.State is JobState.Queued or JobState.Running && j.Record.Created < (Live(id)?.Record.Created ?? DateTimeOffset.MaxValue));

    /// <summary>Forgets a finished job (its record stays on disk).</summary>
    public void Forget(string id)
    {
        if (_live.TryRemove(id, out var job)) job.Dispose();
    }

    /// <summary>Stops accepting jobs (at shutdown).</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
