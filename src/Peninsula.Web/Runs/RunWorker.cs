using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Peninsula.Cli.Infrastructure;
using Peninsula.Engine.Output;
using Peninsula.Storage;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Runs;

/// <summary>
/// Simulates queued jobs one at a time, off the request threads (each simulation already uses every core). Runs
/// are stored in the data folder's database with resume on, so a job interrupted by a restart is queued again at
/// start-up and completes from its committed batches.
/// </summary>
public sealed partial class RunWorker(
    JobChannel queue, JobStore jobs, EditStore edits, DataFolder data, WebOptions options, TimeProvider time, ILogger<RunWorker> log) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Requeue();
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await Task.Factory.StartNew(() => Execute(job, stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                    .ConfigureAwait(false);
                if (job.Record.State != JobState.Queued) queue.Forget(job.Record.Id);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down; unfinished jobs stay queued on disk
        }
    }

    /// <summary>Queues again the jobs that were waiting or running when the app last stopped.</summary>
    private void Requeue()
    {
        foreach (var record in jobs.Unfinished())
        {
            var job = new RunJob(record with { State = JobState.Queued });
            if (queue.TryEnqueue(job))
            {
                LogRequeued(log, record.Id);
            }
            else
            {
                job.Dispose();
                jobs.Save(record with { State = JobState.Failed, Message = "the queue was full when the server restarted; submit the form again (committed batches are reused)", Finished = time.GetUtcNow() });
            }
        }
    }

    /// <summary>Runs one job to its end state and saves the record.</summary>
    internal void Execute(RunJob job, CancellationToken stopping)
    {
        var r = job.Record;
        if (job.CancelRequested)
        {
            Finish(job, r with { State = JobState.Cancelled, Message = "cancelled before it started" });
            return;
        }
        job.Update(r with { State = JobState.Running });
        jobs.Save(job.Record);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation, stopping);
        try
        {
            var file = edits.ScenarioFile(r.EditHash, r.ScenarioFile)
                ?? throw new UserErrorException("the edited scenario is no longer in the data folder; submit the form again");
            var session = ScenarioSession.Open(file, Cli.CodeVersion.Current, null);
            var simulation = new SimulationOptions(r.Runs, r.Seed, Threads: options.Threads, Db: data.Database, Resume: true);
            var order = r.Policies;
            var commandLine = string.Create(CultureInfo.InvariantCulture,
                $"peninsula serve (web job {r.Id}): each of {string.Join(", ", order)} as 'peninsula run {file} --policy ID --runs {r.Runs} --seed {r.Seed} --resume'");
            var runs = Simulator.RunAll(session, order, simulation, "web", commandLine,
                p => job.ProgressFor(p, order.IndexOf(p)), linked.Token);
            Finish(job, job.Record with
            {
                State = JobState.Completed,
                Message = null,
                RunIds = [.. runs.Select(x => x.RunId)],
                Differences = Differences(session, r, runs),
            });
            LogCompleted(log, r.Id, r.Runs, r.Policies.Length);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !job.CancelRequested)
        {
            job.Update(job.Record with { State = JobState.Queued });
            jobs.Save(job.Record); // resumed at the next start
        }
        catch (OperationCanceledException)
        {
            Finish(job, job.Record with { State = JobState.Cancelled, Message = "cancelled; the batches already simulated are kept, so running the same form again continues from them" });
        }
        catch (ScenarioInvalidException e)
        {
            Finish(job, job.Record with { State = JobState.Failed, Message = string.Join(" | ", e.Lines) });
        }
        catch (Exception e) when (e is UserErrorException or StorageException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            LogFailed(log, e, r.Id);
            Finish(job, job.Record with { State = JobState.Failed, Message = e.Message.ReplaceLineEndings(" ") });
        }
#pragma warning disable CA1031 // the worker must outlive any one job: anything else fails that job, with the type named
        catch (Exception e)
        {
            LogFailed(log, e, r.Id);
            Finish(job, job.Record with { State = JobState.Failed, Message = $"internal error ({e.GetType().Name}): {e.Message.ReplaceLineEndings(" ")}" });
        }
#pragma warning restore CA1031
    }

    private void Finish(RunJob job, JobRecord record)
    {
        var done = record with { Finished = time.GetUtcNow() };
        job.Update(done);
        jobs.Save(done);
    }

    /// <summary>Every other package minus the base, and the edited package minus the reference, on common random numbers.</summary>
    private static ImmutableArray<DifferenceRow> Differences(ScenarioSession session, JobRecord r,
        IReadOnlyList<(string RunId, Engine.Runner.RunResult Result, ForecastDocument Forecast)> runs)
    {
        var comparison = PackageComparison.Of(session, r.BasePolicy, runs);
        var rows = comparison.Differences.Select(DifferenceRow.Of).ToList();
        if (r.ReferencePolicy != r.BasePolicy && runs.Any(x => x.Forecast.Policy == r.ReferencePolicy))
        {
            var custom = runs.First(x => x.Forecast.Policy == r.CustomPolicy).Result;
            var reference = runs.First(x => x.Forecast.Policy == r.ReferencePolicy).Result;
            foreach (var (ev, window) in comparison.Headline) rows.Add(DifferenceRow.Of(Comparison.Paired(custom, reference, ev, window)));
        }
        return [.. rows];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Id} queued again after a restart")]
    private static partial void LogRequeued(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "job {Id} completed: {Runs} runs x {Packages} packages")]
    private static partial void LogCompleted(ILogger logger, string id, int runs, int packages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "job {Id} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string id);
}
