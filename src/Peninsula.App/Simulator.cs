using System.Globalization;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Peninsula.Engine.Runner;
using Peninsula.Storage;

namespace Peninsula.App;

/// <summary>Runs simulations for any front end: requests, run ids, storage with resume, and provenance in one place.</summary>
public static class Simulator
{
    /// <summary>Builds the request for one policy.</summary>
    /// <exception cref="UserErrorException">The request is invalid (message names the option).</exception>
    public static SimulationRequest Request(ScenarioSession session, string policy, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var request = new SimulationRequest(session.Spec, policy, options.Runs, options.Months ?? session.Spec.Months, options.Seed, options.EffectiveDraws);
        return request.Validate() is { } error ? throw new UserErrorException(error) : request;
    }

    /// <summary>Opens the store the options ask for (null with NoDb).</summary>
    public static IRunStore? OpenStore(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.NoDb) return null;
        // A SQLite file, or a PostgreSQL connection string (Host=…;Database=… or postgres://…): same schema and queries.
        return RunStores.Open(options.Db ?? Path.Combine(Directory.GetCurrentDirectory(), "peninsula.db"));
    }

    /// <summary>The run id: SHA-256 over everything that determines the result.</summary>
    public static string RunId(ScenarioSession session, SimulationRequest r)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(r);
        return Hashing.Sha256(string.Join('\n',
            session.Loaded.Text, r.PolicyId, r.Seed.ToString(CultureInfo.InvariantCulture), r.Runs.ToString(CultureInfo.InvariantCulture),
            r.Months.ToString(CultureInfo.InvariantCulture), r.ParameterDraws.ToString(CultureInfo.InvariantCulture),
            r.BatchSize.ToString(CultureInfo.InvariantCulture), session.Provenance.Calibration.Sha256, session.Provenance.CodeVersion, session.Variant));
    }

    /// <summary>Runs several policies on common random numbers, each stored under its own run id.</summary>
    /// <param name="session">The scenario.</param>
    /// <param name="policies">Policy ids, in output order.</param>
    /// <param name="options">Runs, seed, horizon, threads, draws, storage.</param>
    /// <param name="kind">Run kind stored in the manifest ("run", "compare", "web", …).</param>
    /// <param name="commandLine">How the run was asked for, stored in the manifest.</param>
    /// <param name="progressFor">Progress sink per policy (called once per policy just before it runs), or null.</param>
    /// <param name="cancellation">Stops between batches; committed batches are kept.</param>
    public static IReadOnlyList<(string RunId, RunResult Result, ForecastDocument Forecast)> RunAll(
        ScenarioSession session, IReadOnlyList<string> policies, SimulationOptions options, string kind, string commandLine,
        Func<string, IProgress<WorkProgress>?>? progressFor, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(options);
        using var store = OpenStore(options);
        var threads = options.Threads ?? Environment.ProcessorCount;
        var output = new List<(string, RunResult, ForecastDocument)>();
        foreach (var policy in policies)
        {
            var request = Request(session, policy, options);
            var runId = RunId(session, request);
            store?.EnsureRun(Manifest(session, policy, request, runId, kind, commandLine));
            var result = RunStored(request, store, runId, options.Resume, options, threads, progressFor?.Invoke(policy), session.Zone, cancellation);
            var forecast = ForecastBuilder.Build(result, session.Provenance);
            store?.CompleteRun(runId, ForecastJson.Write(forecast));
            output.Add((runId, result, forecast));
        }
        return output;
    }

    /// <summary>The manifest that records run <paramref name="runId"/> of <paramref name="request"/>.</summary>
    public static RunManifest Manifest(ScenarioSession session, string policy, SimulationRequest request, string runId, string kind, string commandLine) =>
        new(runId, kind, session.Spec.Name, session.Loaded.Sha256, session.Loaded.Text, policy, request.Seed, request.Runs, request.Months,
            request.ParameterDraws, request.BatchSize, session.Provenance.CodeVersion, commandLine);

    /// <summary>
    /// Runs <paramref name="request"/>, storing its batches in <paramref name="store"/> (when given) from a background
    /// writer: every batch is committed before this returns, and on a failure or cancellation what was queued is
    /// committed. With <paramref name="resume"/>, batches already committed are loaded instead of simulated.
    /// </summary>
    public static RunResult RunStored(
        SimulationRequest request, IRunStore? store, string runId, bool resume, SimulationOptions options, int threads,
        IProgress<WorkProgress>? progress, IAgreementZone zone, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var committed = options.BatchCommitted;
        using var batches = store is null ? null : new StoreBatchAdapter(store, runId, resume, committed is null ? null : b => committed(runId, b));
        var result = MonteCarloRunner.Run(request, new RunOptions(threads, progress, batches, cancellation), zone);
        batches?.Complete();
        return result;
    }
}
