using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Smp;
using Peninsula.Cli.Commands;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Estimation;
using Peninsula.Storage;
using MathNet.Numerics.Statistics;

namespace Peninsula.Cli.Bench;

/// <summary>
/// One thread-count (or process-count) measurement, from rounds that time every count in turn, the order alternating
/// between rounds.
/// </summary>
/// <param name="Threads">Threads (or processes).</param>
/// <param name="Seconds">The best time of the rounds.</param>
/// <param name="Speedup">The median over rounds of that round's single-thread time over this count's (times the work
/// multiple, for processes that each do one unit): a round's two times are taken seconds apart, so the host's drift
/// between minutes cancels, and the median discards a round a neighbour disturbed.</param>
/// <param name="SpeedupQ1">Lower quartile of the rounds' speed-ups.</param>
/// <param name="SpeedupQ3">Upper quartile of the rounds' speed-ups.</param>
/// <param name="Rounds">Rounds measured.</param>
/// <param name="CoresBusy">In-process runs only: the median over rounds of the process's CPU time over (threads × wall
/// time), how much of the cores' time the run kept busy. Near 1 with a speed-up below the thread count means the cores
/// ran slower together (the host), not that the engine left one idle (waiting on a lock, a batch, the collector).</param>
public sealed record ScalingPoint(int Threads, double Seconds, double Speedup, double SpeedupQ1, double SpeedupQ3, int Rounds, double? CoresBusy = null);

/// <summary>Whole-process timings of <c>peninsula run</c>.</summary>
/// <param name="Runs">Runs of each process.</param>
/// <param name="Months">Months of each run.</param>
/// <param name="Seconds">The best of <paramref name="Samples"/>.</param>
/// <param name="ExitCode">The first non-zero exit code, else 0.</param>
/// <param name="Samples">Every repeat (seconds, in the order run).</param>
/// <param name="Entry">The process timed: "native" (peninsula-native, as ./peninsula runs it) or "managed" (this build).</param>
public sealed record ProcessTiming(int Runs, int Months, double Seconds, int ExitCode, IReadOnlyList<double> Samples, string Entry);

/// <summary>Everything <c>peninsula bench</c> measures (issue 6); no figure here is ever asserted by a test.</summary>
public sealed record BenchFigures
{
    public required string Machine { get; init; }
    public required int Cores { get; init; }
    public required string Runtime { get; init; }
    public required bool Quick { get; init; }
    public required double RunMonthsPerSecondPerCore { get; init; }
    public required double LogitDecisionsPerRunMonth { get; init; }
    public required double AgentMonthsPerSecondPerCore { get; init; }
    public required double AllocatedBytesPerSimulatedMonth { get; init; }
    public required IReadOnlyList<ScalingPoint> Scaling { get; init; }
    public required double Speedup2Cores { get; init; }
    /// <summary>Whole <c>run</c> processes on 1…N threads (the native entry point; null when it is not built).</summary>
    public IReadOnlyList<ScalingPoint>? ProcessScaling { get; init; }
    public required IReadOnlyList<ProcessTiming> EndToEnd { get; init; }
    public required double FitSeconds { get; init; }
    public required int FitBootstrap { get; init; }
    public required IReadOnlyDictionary<string, double> BargainingMilliseconds { get; init; }
    public required double SqliteBatchesPerSecond { get; init; }
    public required double SqliteRunsPerSecond { get; init; }
    public required double SqliteMegabytesPerSecond { get; init; }
    public double? CLoopAgentMonthsPerSecond { get; init; }
    public string? CLoopCompiler { get; init; }
    /// <summary>The C loop as 1…N concurrent processes (null without a C compiler): the machine's own scaling.</summary>
    public IReadOnlyList<ScalingPoint>? CLoopScaling { get; init; }
}

/// <summary>
/// The measurements behind <c>peninsula bench</c>: engine throughput on one core (run-months and logit agent-months
/// per second), allocations per simulated month, scaling over threads, whole-process <c>run</c> times, the MLE fit,
/// the bargaining models on the reference scenarios, SQLite write throughput, and the minimal C logit loop of
/// benchmarks/c as the machine's floor. Stopwatch timings after a warm-up; the best of several repeats.
/// </summary>
public static class BenchRunner
{
    /// <summary>Runs every measurement; <paramref name="quick"/> shrinks each one to a smoke test (seconds).</summary>
    public static BenchFigures Measure(bool quick, Action<string> progress)
    {
        var root = RepositoryPaths.Root();
        var session = ScenarioSession.Open(RepositoryPaths.DefaultScenario(), CliApp.CodeVersion, null);
        var policy = session.PolicyOrDefault(null);
        var cores = Environment.ProcessorCount;

        progress("engine, one thread");
        var request = new SimulationRequest(session.Spec, policy, quick ? 2000 : 40000, 48, 1, 100);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(session.Spec, session.Spec.Policy(policy)!, request.Months);
        var zone = session.Zone;
        var batches = (request.Runs + request.BatchSize - 1) / request.BatchSize;
        BatchSimulator.Run(request, coefficients, months, 0, zone); // warm-up (JIT, tiering)
        var best = double.MaxValue;
        long decisions = 0;
        for (var repeat = 0; repeat < (quick ? 1 : 3); repeat++)
        {
            decisions = 0;
            var sw = Stopwatch.StartNew();
            for (var b = 0; b < batches; b++) decisions += BatchSimulator.Run(request, coefficients, months, b, zone).LogitDecisions;
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        var runMonths = (double)request.Runs * request.Months;

        progress("allocations per simulated month");
        var allocated = AllocationsPerMonth(request, coefficients, months, zone);

        progress("scaling over threads");
        var scaling = Scaling(request, zone, cores, quick);

        progress("scaling over threads, whole processes");
        var processScaling = NativeEntry() is null ? null : ProcessScaling(root, cores, quick);

        progress("end-to-end runs (whole process, start-up and storage included)");
        var endToEnd = new List<ProcessTiming>();
        // Repeated and the best kept, like the in-process figures: a shared virtual machine drifts by ±15% between minutes.
        foreach (var (runs, repeats) in quick ? new[] { (10_000, 1) } : [(100_000, 3), (1_000_000, 2)])
            endToEnd.Add(TimeRunProcess(root, runs, 48, repeats));

        progress("MLE fit");
        var fitBootstrap = quick ? 10 : 200;
        var fitOptions = new FitOptions(BootstrapReplicates: fitBootstrap);
        var fitWatch = Stopwatch.StartNew();
        Fitting.Fit(Month.Parse("2020-12"), fitOptions);
        var fitSeconds = fitWatch.Elapsed.TotalSeconds;

        progress("bargaining");
        var bargaining = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var reference = Path.Combine(root, "tests", "Peninsula.Bargaining.Tests", "Reference", "ktab");
        foreach (var (name, file) in new[]
        {
            ("SOE-Policy (26 actors)", Path.Combine(reference, "SOE-Policy", "input.csv")),
            ("SOE-Pol-Comp (13 actors, 2 dimensions)", Path.Combine(reference, "SOE-Pol-Comp", "input.csv")),
            ("synthetic 34 actors", Path.Combine(root, "benchmarks", "inputs", "synthetic-34.csv")),
            ("synthetic 40 actors", Path.Combine(root, "benchmarks", "inputs", "synthetic-40.csv")),
        })
        {
            if (!File.Exists(file)) continue;
            var space = KtabCsvReader.ReadFile(file);
            var model = new SmpModel();
            model.Run(space);
            var ms = double.MaxValue;
            for (var repeat = 0; repeat < (quick ? 1 : 5); repeat++)
            {
                var sw = Stopwatch.StartNew();
                model.Run(space);
                ms = Math.Min(ms, sw.Elapsed.TotalMilliseconds);
            }
            bargaining[name] = ms;
        }

        progress("SQLite writes");
        var (batchesPerSecond, runsPerSecond, mbPerSecond) = SqliteThroughput(request, coefficients, months, zone, quick ? 50 : 500);

        progress("minimal C logit loop");
        var (cLoop, compiler, cLoopScaling) = CLoop(root, quick ? 20_000_000 : 200_000_000, cores, quick);

        var speedup2 = scaling.FirstOrDefault(s => s.Threads == Math.Min(2, cores))?.Speedup ?? 1.0;
        return new BenchFigures
        {
            Machine = MachineDescription(),
            Cores = cores,
            Runtime = RuntimeInformation.FrameworkDescription,
            Quick = quick,
            RunMonthsPerSecondPerCore = runMonths / best,
            LogitDecisionsPerRunMonth = decisions / runMonths,
            AgentMonthsPerSecondPerCore = decisions / best,
            AllocatedBytesPerSimulatedMonth = allocated,
            Scaling = scaling,
            Speedup2Cores = speedup2,
            ProcessScaling = processScaling,
            EndToEnd = endToEnd,
            FitSeconds = fitSeconds,
            FitBootstrap = fitBootstrap,
            BargainingMilliseconds = bargaining,
            SqliteBatchesPerSecond = batchesPerSecond,
            SqliteRunsPerSecond = runsPerSecond,
            SqliteMegabytesPerSecond = mbPerSecond,
            CLoopAgentMonthsPerSecond = cLoop,
            CLoopCompiler = compiler,
            CLoopScaling = cLoopScaling,
        };
    }

    /// <summary>
    /// The same run on 1…N threads in rounds, each round timing every thread count once (the order alternating between
    /// rounds): the speed-up is the median of the rounds' ratios (see <see cref="ScalingPoint"/>). The run is 64,000
    /// runs (64 batches: the idle tail of the last batch on a core weighs about 1.5%; about a second on one core).
    /// </summary>
    private static List<ScalingPoint> Scaling(SimulationRequest request, IAgreementZone zone, int cores, bool quick)
    {
        var scaled = request with { Runs = quick ? request.Runs : 64_000 };
        for (var threads = 1; threads <= cores; threads++)
        {
            MonteCarloRunner.Run(scaled with { Runs = Math.Min(scaled.Runs, 4 * scaled.BatchSize) }, new RunOptions(threads), zone); // warm-up
        }
        var busy = new List<double>[cores + 1];
        for (var t = 1; t <= cores; t++) busy[t] = [];
        var points = Interleaved(quick ? 1 : 15, cores, sameWork: true, threads =>
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            MonteCarloRunner.Run(scaled, new RunOptions(threads), zone);
            var wall = sw.Elapsed.TotalSeconds;
            process.Refresh();
            busy[threads].Add((process.TotalProcessorTime - cpu).TotalSeconds / (threads * wall));
            return wall;
        });
        return [.. points.Select(p => p with { CoresBusy = busy[p.Threads].Median() })];
    }

    /// <summary>
    /// <c>run --runs 100000 --months 48 --no-db --threads T</c> as whole processes of the native entry point (start-up
    /// included), T = 1…N in rounds like <see cref="Scaling"/>: the scaling of the engine as ./peninsula run uses it.
    /// </summary>
    private static List<ScalingPoint> ProcessScaling(string root, int cores, bool quick)
    {
        var runs = quick ? 10_000 : ProcessScalingRuns;
        return Interleaved(quick ? 1 : 9, cores, sameWork: true, threads =>
        {
            var psi = RunProcess(["run", "--runs", runs.ToString(CultureInfo.InvariantCulture), "--months", "48", "--no-db",
                "--threads", threads.ToString(CultureInfo.InvariantCulture)]);
            psi.Environment["PENINSULA_HOME"] = root;
            var (seconds, code, errors) = Timed(psi);
            if (code != 0) throw new InvalidOperationException($"run --threads {threads} failed: {errors.Trim()}");
            return seconds;
        });
    }

    /// <summary>Runs of each process of <see cref="ProcessScaling"/>.</summary>
    public const int ProcessScalingRuns = 100_000;

    /// <summary>
    /// Times <paramref name="time"/>(c) for c = 1…<paramref name="counts"/> in <paramref name="rounds"/> rounds, forward in
    /// even rounds and backward in odd ones, so that a steady drift reaches every count alike. The speed-up of c in a
    /// round is t(1)/t(c) for the same work (<paramref name="sameWork"/>), else c·t(1)/t(c) (c workers doing one unit each).
    /// </summary>
    private static List<ScalingPoint> Interleaved(int rounds, int counts, bool sameWork, Func<int, double> time)
    {
        var times = new double[counts + 1, rounds];
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < counts; i++)
            {
                var c = r % 2 == 0 ? i + 1 : counts - i;
                times[c, r] = time(c);
            }
        }
        var points = new List<ScalingPoint>(counts);
        for (var c = 1; c <= counts; c++)
        {
            var ratios = new double[rounds];
            var best = double.MaxValue;
            for (var r = 0; r < rounds; r++)
            {
                ratios[r] = times[1, r] / times[c, r] * (sameWork ? 1 : c);
                best = Math.Min(best, times[c, r]);
            }
            points.Add(new ScalingPoint(c, best, ratios.Median(), ratios.LowerQuartile(), ratios.UpperQuartile(), rounds));
        }
        return points;
    }

    /// <summary>Bytes allocated by one month's step of a whole batch (the hot loop), from month 2 on.</summary>
    private static double AllocationsPerMonth(SimulationRequest request, Coefficients[] coefficients, MonthContext[] months, IAgreementZone zone)
    {
        // The tiered JIT may allocate a few bytes on this thread once, when a method reaches its call count mid-batch; an
        // allocation in the hot loop recurs in every batch. So the least of three batches is reported (AllocationTests
        // does the same).
        var least = double.MaxValue;
        for (var attempt = 0; attempt < 3 && least > 0; attempt++)
        {
            var marks = new long[request.Months];
            var t = 0;
            BatchSimulator.Run(request, coefficients, months, 0, zone, _ => marks[t++] = GC.GetAllocatedBytesForCurrentThread());
            // marks[i] is taken after month i's step; the first step warms caches (e.g. the zone's memo), so use months 2..end.
            least = Math.Min(least, (double)(marks[^1] - marks[1]) / (request.Months - 2));
            if (least > 0) Thread.Sleep(200); // let the tiering queue drain
        }
        return least;
    }

    private static (double BatchesPerSecond, double RunsPerSecond, double MegabytesPerSecond) SqliteThroughput(
        SimulationRequest request, Coefficients[] coefficients, MonthContext[] months, IAgreementZone zone, int batches)
    {
        var payload = BatchSimulator.Run(request, coefficients, months, 0, zone).Serialize();
        var dir = Directory.CreateTempSubdirectory("peninsula-bench-");
        try
        {
            using var store = new SqliteRunStore(Path.Combine(dir.FullName, "bench.sqlite"));
            var runId = new string('b', 64);
            store.EnsureRun(new RunManifest(runId, "bench", "bench", new string('0', 64), "", "bench", 1, batches * request.BatchSize, request.Months,
                request.ParameterDraws, request.BatchSize, CliApp.CodeVersion, "peninsula bench"));
            var sw = Stopwatch.StartNew();
            for (var b = 0; b < batches; b++) store.SaveBatch(runId, b, payload);
            var seconds = sw.Elapsed.TotalSeconds;
            return (batches / seconds, (double)batches * request.BatchSize / seconds, batches * (double)payload.Length / seconds / 1e6);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Times <c>peninsula run</c> <paramref name="repeats"/> times as a separate process (this build), each storing aggregates in a new temporary SQLite file.</summary>
    private static ProcessTiming TimeRunProcess(string root, int runs, int months, int repeats)
    {
        var samples = new List<double>();
        var exitCode = 0;
        for (var i = 0; i < repeats; i++)
        {
            var (seconds, code) = TimeRunProcess(root, runs, months);
            samples.Add(seconds);
            if (exitCode == 0) exitCode = code;
        }
        return new ProcessTiming(runs, months, samples.Min(), exitCode, samples, NativeEntry() is null ? "managed" : "native");
    }

    private static (double Seconds, int ExitCode) TimeRunProcess(string root, int runs, int months)
    {
        var dir = Directory.CreateTempSubdirectory("peninsula-bench-");
        try
        {
            var psi = RunProcess(["run", "--runs", runs.ToString(CultureInfo.InvariantCulture), "--months", months.ToString(CultureInfo.InvariantCulture),
                "--db", Path.Combine(dir.FullName, "runs.sqlite"), "--out", Path.Combine(dir.FullName, "forecast.json")]);
            psi.Environment["PENINSULA_HOME"] = root;
            var (seconds, code, _) = Timed(psi);
            return (seconds, code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs a whole process to its end: wall seconds from start to exit, its exit code and standard error.</summary>
    private static (double Seconds, int ExitCode, string Errors) Timed(ProcessStartInfo psi)
    {
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var seconds = sw.Elapsed.TotalSeconds;
        _ = stdout.Result;
        return (seconds, p.ExitCode, stderr.Result);
    }

    /// <summary>
    /// The native entry point ./peninsula hands <c>run</c> to (PENINSULA_NATIVE, set by ./peninsula bench when it is
    /// built), or null: then runs are timed on this managed build.
    /// </summary>
    private static string? NativeEntry() =>
        Environment.GetEnvironmentVariable("PENINSULA_NATIVE") is { Length: > 0 } path && File.Exists(path) ? path : null;

    /// <summary>A <c>run</c> process the way ./peninsula starts it: the native entry point when there is one, else this build.</summary>
    private static ProcessStartInfo RunProcess(IEnumerable<string> args)
    {
        if (NativeEntry() is not { } native) return SelfProcess(args);
        var psi = new ProcessStartInfo(native) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>A process running this same CLI build (dotnet peninsula.dll, or the apphost).</summary>
    private static ProcessStartInfo SelfProcess(IEnumerable<string> args)
    {
        var entry = typeof(CliApp).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.Ordinal)) psi.ArgumentList.Add(entry);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>
    /// Compiles and runs benchmarks/c/logit_loop.c with -O3 (null figures when no C compiler is installed): its speed on
    /// one core, and its scaling as 1…N concurrent processes in rounds like the engine's (<see cref="Interleaved"/>),
    /// each process doing the same work: what this machine gives a loop that shares nothing, the ceiling for the
    /// engine's own scaling measured in the same bench.
    /// </summary>
    private static (double? AgentMonthsPerSecond, string? Compiler, List<ScalingPoint>? Scaling) CLoop(string root, long agentMonths, int cores, bool quick)
    {
        var source = Path.Combine(root, "benchmarks", "c", "logit_loop.c");
        if (!File.Exists(source)) return (null, null, null);
        var compiler = new[] { "gcc", "cc", "clang", "clang-14" }.FirstOrDefault(OnPath);
        if (compiler is null) return (null, null, null);
        var dir = Directory.CreateTempSubdirectory("peninsula-cloop-");
        try
        {
            var exe = Path.Combine(dir.FullName, "logit_loop");
            var (code, _, err) = Exec(compiler, ["-O3", "-o", exe, source, "-lm"]);
            if (code != 0) throw new InvalidOperationException($"{compiler} failed: {err.Trim()}");
            var (runCode, output, runErr) = Exec(exe, [agentMonths.ToString(CultureInfo.InvariantCulture)]);
            if (runCode != 0) throw new InvalidOperationException($"logit_loop failed: {runErr.Trim()}");
            using var doc = JsonDocument.Parse(output);
            var perRound = (quick ? 2_000_000L : CLoopScalingAgentMonths).ToString(CultureInfo.InvariantCulture);
            var scaling = Interleaved(quick ? 1 : 11, cores, sameWork: false, processes =>
            {
                var sw = Stopwatch.StartNew();
                var started = Enumerable.Range(0, processes).Select(_ =>
                {
                    var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                    psi.ArgumentList.Add(perRound);
                    var p = Process.Start(psi)!;
                    return (Process: p, Output: p.StandardOutput.ReadToEndAsync(), Errors: p.StandardError.ReadToEndAsync());
                }).ToList();
                foreach (var (p, _, _) in started) p.WaitForExit();
                var seconds = sw.Elapsed.TotalSeconds;
                foreach (var (p, _, errors) in started)
                {
                    using (p)
                    {
                        if (p.ExitCode != 0) throw new InvalidOperationException($"logit_loop failed: {errors.Result.Trim()}");
                    }
                }
                return seconds;
            });
            return (doc.RootElement.GetProperty("agent_months_per_second").GetDouble(), $"{compiler} -O3", scaling);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Agent-months of each C loop process in the scaling rounds (about a second on one core here).</summary>
    public const long CLoopScalingAgentMonths = 10_000_000;

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, name)));

    private static (int Code, string Output, string Errors) Exec(string file, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result, errors);
    }

    private static string MachineDescription()
    {
        var cpu = "unknown CPU";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
        }
        return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}";
    }
}
