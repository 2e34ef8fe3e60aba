using System.Globalization;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Storage;
using Peninsula.Cli.Commands;
using Spectre.Console;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Runs simulations for the commands: requests, storage, progress and provenance in one place.</summary>
public sealed class SimulationService(IAnsiConsole console)
{
    /// <summary>Builds the request for one policy from the settings.</summary>
    public static SimulationRequest Request(ScenarioSession session, string policy, SimulationSettings settings)
    {
        var request = new SimulationRequest(session.Spec, policy, settings.Runs, settings.Months ?? session.Spec.Months, settings.Seed, settings.EffectiveDraws);
        return request.Validate() is { } error ? throw new UserErrorException(error) : request;
    }

    /// <summary>Opens the store the settings ask for (null with --no-db).</summary>
    public static IRunStore? OpenStore(SimulationSettings settings)
    {
        if (settings.NoDb) return null;
        var db = settings.Db ?? Path.Combine(Directory.GetCurrentDirectory(), "peninsula.db");
        if (db.Contains("Host=", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
            throw new UserErrorException("--db: PostgreSQL connection strings are not supported yet; give a SQLite file or use --no-db");
        return new SqliteRunStore(db);
    }

    /// <summary>The run id: SHA-256 over everything that determines the result.</summary>
    public static string RunId(ScenarioSession session, SimulationRequest r) => Hashing.Sha256(string.Join('\n',
        session.Loaded.Text, r.PolicyId, r.Seed.ToString(CultureInfo.InvariantCulture), r.Runs.ToString(CultureInfo.InvariantCulture),
        r.Months.ToString(CultureInfo.InvariantCulture), r.ParameterDraws.ToString(CultureInfo.InvariantCulture),
        r.BatchSize.ToString(CultureInfo.InvariantCulture), session.Provenance.Calibration.Sha256, session.Provenance.CodeVersion, session.Variant));

    /// <summary>Runs several policies (each stored under its own run id), with one progress bar per policy.</summary>
    public IReadOnlyList<(RunResult Result, ForecastDocument Forecast)> RunAll(
        ScenarioSession session, IReadOnlyList<string> policies, SimulationSettings settings, string kind, string commandLine, CancellationToken cancellation)
    {
        using var store = OpenStore(settings);
        var threads = settings.Threads ?? Environment.ProcessorCount;
        var output = new List<(RunResult, ForecastDocument)>();
        void Work(Func<string, IProgress<WorkProgress>?> progressFor)
        {
            foreach (var policy in policies)
            {
                var request = Request(session, policy, settings);
                var runId = RunId(session, request);
                IBatchStore? batches = null;
                if (store is not null)
                {
                    store.EnsureRun(new RunManifest(runId, kind, session.Spec.Name, session.Loaded.Sha256, session.Loaded.Text, policy,
                        request.Seed, request.Runs, request.Months, request.ParameterDraws, request.BatchSize, session.Provenance.CodeVersion, commandLine));
                    batches = new StoreBatchAdapter(store, runId, settings.Resume);
                }
                var result = MonteCarloRunner.Run(request, new RunOptions(threads, progressFor(policy), batches, cancellation), session.Zone);
                var forecast = ForecastBuilder.Build(result, session.Provenance);
                store?.CompleteRun(runId, ForecastJson.Write(forecast));
                output.Add((result, forecast));
            }
        }

        if (console.Profile.Capabilities.Interactive)
        {
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var tasks = policies.ToDictionary(p => p, p => ctx.AddTask(p, autoStart: false, maxValue: settings.Runs));
                Work(p =>
                {
                    tasks[p].StartTask();
                    return new Progress<WorkProgress>(w => tasks[p].Value = w.Completed);
                });
            });
        }
        else
        {
            Work(_ => null);
        }
        return output;
    }
}
