using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Peninsula.Cli.Bench;
using Peninsula.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>bench</c>.</summary>
public sealed class BenchSettings : CommandSettings
{
    [CommandOption("--quick")]
    [Description("A smoke run of every measurement in seconds (CI runs it); the figures are not meaningful.")]
    public bool Quick { get; init; }

    [CommandOption("--json")]
    [Description("Print the figures as JSON (agent_months_per_second_per_core, speedup_2_cores, run_1e6_seconds, ...).")]
    public bool Json { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Also write the JSON to this file.")]
    public string? Out { get; init; }

    [CommandOption("--markdown <FILE>")]
    [Description("Write the figures, the machine and the commands as Markdown (docs/performance.md is generated this way).")]
    public string? Markdown { get; init; }
}

/// <summary><c>peninsula bench</c>: how fast this build is on this machine, against a minimal C logit loop (issue 6).</summary>
public sealed class BenchCommand(IAnsiConsole console) : Command<BenchSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.CheckWritable(settings.Out);
        OutputFile.CheckWritable(settings.Markdown);
        var figures = BenchRunner.Measure(settings.Quick, stage =>
        {
            if (!settings.Json) console.MarkupLineInterpolated($"[grey]measuring: {stage}[/]");
        });
        var json = Json(figures);
        if (settings.Json) console.Profile.Out.Writer.Write(json);
        else Render(console, figures);
        if (settings.Out is not null) OutputFile.WriteAtomically(settings.Out, json);
        if (settings.Markdown is not null) OutputFile.WriteAtomically(settings.Markdown, Markdown(figures, CommandLine.Current()));
        return figures.EndToEnd.All(e => e.ExitCode == 0) ? 0 : 1;
    }

    /// <summary>The figures as JSON, snake_case keys.</summary>
    public static string Json(BenchFigures f)
    {
        ArgumentNullException.ThrowIfNull(f);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("agent_months_per_second_per_core", Math.Round(f.AgentMonthsPerSecondPerCore));
            w.WriteNumber("speedup_2_cores", Math.Round(f.Speedup2Cores, 3));
            WriteTwoCores(w, "speedup_2_cores_whole_process", f.ProcessScaling, f.Cores);
            WriteTwoCores(w, "c_loop_speedup_2_cores", f.CLoopScaling, f.Cores);
            if (f.CLoopScaling?.FirstOrDefault(x => x.Threads == Math.Min(2, f.Cores)) is { } ceiling)
                w.WriteNumber("speedup_2_cores_relative_to_c_loop", Math.Round(f.Speedup2Cores / ceiling.Speedup, 3));
            else
                w.WriteNull("speedup_2_cores_relative_to_c_loop");
            var million = f.EndToEnd.FirstOrDefault(e => e.Runs == 1_000_000);
            if (million is not null) w.WriteNumber("run_1e6_seconds", Math.Round(million.Seconds, 3)); else w.WriteNull("run_1e6_seconds");
            var hundredK = f.EndToEnd.FirstOrDefault(e => e.Runs == 100_000);
            if (hundredK is not null) w.WriteNumber("run_1e5_seconds", Math.Round(hundredK.Seconds, 3)); else w.WriteNull("run_1e5_seconds");
            if (f.CLoopAgentMonthsPerSecond is { } c)
            {
                w.WriteNumber("c_loop_agent_months_per_second", Math.Round(c));
                w.WriteNumber("ratio_to_c_loop", Math.Round(f.AgentMonthsPerSecondPerCore / c, 3));
                w.WriteString("c_loop_compiler", f.CLoopCompiler);
            }
            else
            {
                w.WriteNull("c_loop_agent_months_per_second");
            }
            w.WriteNumber("run_months_per_second_per_core", Math.Round(f.RunMonthsPerSecondPerCore));
            w.WriteNumber("logit_decisions_per_run_month", Math.Round(f.LogitDecisionsPerRunMonth, 3));
            w.WriteNumber("allocated_bytes_per_simulated_month", Math.Round(f.AllocatedBytesPerSimulatedMonth, 1));
            WriteScaling(w, "scaling", f.Scaling);
            WriteScaling(w, "scaling_whole_process", f.ProcessScaling ?? []);
            WriteScaling(w, "c_loop_scaling", f.CLoopScaling ?? []);
            w.WriteStartArray("end_to_end");
            foreach (var e in f.EndToEnd)
            {
                w.WriteStartObject();
                w.WriteNumber("runs", e.Runs);
                w.WriteNumber("months", e.Months);
                w.WriteNumber("seconds", Math.Round(e.Seconds, 3));
                w.WriteStartArray("samples");
                foreach (var x in e.Samples) w.WriteNumberValue(Math.Round(x, 3));
                w.WriteEndArray();
                w.WriteNumber("exit_code", e.ExitCode);
                w.WriteString("entry", e.Entry);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("fit_seconds", Math.Round(f.FitSeconds, 3));
            w.WriteNumber("fit_bootstrap_replicates", f.FitBootstrap);
            w.WriteStartObject("bargaining_smp_milliseconds");
            foreach (var (name, ms2) in f.BargainingMilliseconds) w.WriteNumber(name, Math.Round(ms2, 2));
            w.WriteEndObject();
            w.WriteNumber("sqlite_batches_per_second", Math.Round(f.SqliteBatchesPerSecond, 1));
            w.WriteNumber("sqlite_runs_per_second", Math.Round(f.SqliteRunsPerSecond));
            w.WriteNumber("sqlite_megabytes_per_second", Math.Round(f.SqliteMegabytesPerSecond, 2));
            w.WriteString("machine", f.Machine);
            w.WriteNumber("cores", f.Cores);
            w.WriteString("runtime", f.Runtime);
            w.WriteBoolean("quick", f.Quick);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>The speed-up at two threads (or processes) of <paramref name="points"/>, or null when not measured.</summary>
    private static void WriteTwoCores(Utf8JsonWriter w, string name, IReadOnlyList<ScalingPoint>? points, int cores)
    {
        if (points?.FirstOrDefault(x => x.Threads == Math.Min(2, cores)) is { } two) w.WriteNumber(name, Math.Round(two.Speedup, 3));
        else w.WriteNull(name);
    }

    private static void WriteScaling(Utf8JsonWriter w, string name, IReadOnlyList<ScalingPoint> points)
    {
        w.WriteStartArray(name);
        foreach (var s in points)
        {
            w.WriteStartObject();
            w.WriteNumber("threads", s.Threads);
            w.WriteNumber("seconds", Math.Round(s.Seconds, 4));
            w.WriteNumber("speedup", Math.Round(s.Speedup, 3));
            w.WriteNumber("speedup_q1", Math.Round(s.SpeedupQ1, 3));
            w.WriteNumber("speedup_q3", Math.Round(s.SpeedupQ3, 3));
            w.WriteNumber("rounds", s.Rounds);
            if (s.CoresBusy is { } busy) w.WriteNumber("cores_busy", Math.Round(busy, 3));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static string N(double x, string format = "N0") => x.ToString(format, CultureInfo.InvariantCulture);

    private static string Scaled(ScalingPoint s, string seconds) =>
        $"{N(s.Seconds, seconds)} / {N(s.Speedup, "0.00")}×{(s.Rounds > 1 ? $" ({N(s.SpeedupQ1, "0.00")}–{N(s.SpeedupQ3, "0.00")})" : "")}";

    private static void Render(IAnsiConsole console, BenchFigures f)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"peninsula bench{(f.Quick ? " --quick (smoke only)" : "")}");
        table.AddColumn("measure");
        table.AddColumn(new TableColumn("value").RightAligned());
        foreach (var (k, v) in Rows(f)) table.AddRow(Markup.Escape(k), Markup.Escape(v));
        console.Write(table);
        console.MarkupLineInterpolated($"[grey]{f.Machine} · {f.Runtime}[/]");
    }

    private static IEnumerable<(string, string)> Rows(BenchFigures f)
    {
        yield return ("logit agent-months per second, one core", N(f.AgentMonthsPerSecondPerCore));
        if (f.CLoopAgentMonthsPerSecond is { } c)
        {
            yield return ($"minimal C logit loop ({f.CLoopCompiler}), one core", N(c));
            yield return ("ratio to the C loop", N(f.AgentMonthsPerSecondPerCore / c, "0.00"));
        }
        yield return ("run-months per second, one core", N(f.RunMonthsPerSecondPerCore));
        yield return ("logit decisions per run-month", N(f.LogitDecisionsPerRunMonth, "0.00"));
        yield return ("bytes allocated per simulated month (hot loop, whole batch)", N(f.AllocatedBytesPerSimulatedMonth, "0"));
        foreach (var s in f.Scaling) yield return ($"engine run, {s.Threads} thread(s): best seconds / speed-up (median of {s.Rounds} rounds, quartiles)", Scaled(s, "0.000"));
        foreach (var s in f.Scaling.Where(s => s.CoresBusy is not null))
            yield return ($"engine run, {s.Threads} thread(s): cores kept busy (CPU time / (threads × wall), median)", N(s.CoresBusy!.Value, "0.000"));
        foreach (var s in f.ProcessScaling ?? [])
            yield return ($"peninsula run --runs {BenchRunner.ProcessScalingRuns:N0} --no-db --threads {s.Threads} (whole native process): best seconds / speed-up (median of {s.Rounds} rounds, quartiles)", Scaled(s, "0.00"));
        foreach (var s in f.CLoopScaling ?? [])
            yield return ($"the machine's ceiling: {s.Threads} C loop process(es) at once: best seconds / speed-up (median of {s.Rounds} rounds, quartiles)", Scaled(s, "0.00"));
        if (f.CLoopScaling?.FirstOrDefault(x => x.Threads == Math.Min(2, f.Cores)) is { } ceiling && f.Cores > 1)
            yield return ("engine speed-up on 2 threads relative to the C loop's on 2 processes", N(f.Speedup2Cores / ceiling.Speedup, "0.00"));
        foreach (var e in f.EndToEnd)
            yield return ($"peninsula run --runs {e.Runs:N0} --months {e.Months} (whole process, {e.Entry} entry point, SQLite; best of {e.Samples.Count})",
                $"{N(e.Seconds, "0.00")} s{(e.Samples.Count > 1 ? $" ({string.Join(", ", e.Samples.Select(x => N(x, "0.00")))})" : "")}{(e.ExitCode == 0 ? "" : $" (exit {e.ExitCode})")}");
        yield return ($"MLE fit to 2020-12 with {f.FitBootstrap} bootstrap refits", $"{N(f.FitSeconds, "0.00")} s");
        foreach (var (name, ms) in f.BargainingMilliseconds) yield return ($"SMP bargaining, {name}", $"{N(ms, "0.0")} ms");
        yield return ("SQLite: batches committed per second", N(f.SqliteBatchesPerSecond, "0"));
        yield return ("SQLite: runs' aggregates stored per second", N(f.SqliteRunsPerSecond));
        yield return ("SQLite: MB per second", N(f.SqliteMegabytesPerSecond, "0.0"));
    }

    /// <summary>docs/performance.md: figures, machine, commands (generated; never typed in).</summary>
    public static string Markdown(BenchFigures f, string commandLine)
    {
        ArgumentNullException.ThrowIfNull(f);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Performance\n\nGenerated by `{commandLine}`; do not edit by hand. Machine: {f.Machine}; {f.Runtime}.{(f.Quick ? " **--quick: smoke figures, not meaningful.**" : "")}\n\n");
        sb.Append("| measure | value |\n|---|---:|\n");
        foreach (var (k, v) in Rows(f)) sb.Append("| ").Append(k).Append(" | ").Append(v).Append(" |\n");
        sb.Append("""

            ## What is measured

            - **Logit agent-months per second, one core**: the engine's batch simulator on the default scenario
              (`scenarios/transition-2021.yaml`, its default package, 48 months, 100 parameter draws) on one thread;
              every logit choice one agent makes in one month counts (the challenger's ladder level and stance, the
              principal's willingness and sanctions, each veto player's vote, defection and talks choices, the
              moratorium hazard; counted by the engine as it runs). The whole step — all fourteen modules, the state
              updates and the aggregation — is inside the timing, not only the choices.
            - **Minimal C logit loop**: `benchmarks/c/logit_loop.c` compiled with `-O3` in the same run: 7 utilities of
              8 features, 7 exponentials, one uniform draw and one categorical pick per agent-month, nothing else.
            - **Allocations**: bytes the thread allocates per month's step of a whole 1,000-run batch after the first
              month (`GC.GetAllocatedBytesForCurrentThread`).
            - **Scaling**: the engine's run of 64,000 runs (64 batches) on 1…N threads, in fifteen rounds that each
              time every thread count once, the order alternating between rounds (results are identical on any
              number of threads). A round's speed-up is its one-thread time over its N-thread time; the figure is the
              median of the rounds, with the quartiles beside it. A shared virtual machine's speed drifts by ±15%
              between minutes and by ±10% between seconds, so two best times taken minutes apart swung from 1.6× to
              2.1× for the same build; the ratio within a round cancels the slow drift and the median discards the
              rounds a neighbour disturbed. Beside it, the share of the cores' time the run kept busy (the process's
              CPU time over threads × wall time): near 1 at two threads means no worker waited (on a lock, a batch or
              the collector), so a speed-up below 2 is the cores running slower together, which the C loop below
              shows for a program that shares nothing.
            - **Scaling, whole processes**: `peninsula run --runs 100000 --months 48 --no-db --threads T` of the
              native entry point (start-up included), in nine rounds the same way; shown when `./peninsula bench`
              built that entry point.
            - **The machine's ceiling**: the C loop below as 1…N processes started together, each doing the same ten
              million agent-months, in eleven rounds the same way (the speed-up of N processes is N times the
              one-process time over the N-process time). They share nothing, so this is what the machine itself
              gives N busy cores at the time of the bench; the engine's speed-up relative to it shows what the
              engine loses to its own sharing (merging batches, the collector, the idle tail of the last batch).
            - **Whole process**: `peninsula run --runs N --months 48` started as a new process (`peninsula-native`, the
              entry point `./peninsula run` uses, when `./peninsula bench` built it; else this managed build; start-up,
              simulation, forecast JSON and SQLite storage of every batch's aggregates included), each into a new
              database; 10⁵ runs three times and 10⁶ runs twice, the best shown with every repeat beside it (the JSON's
              `samples`).
            - **Fit**: `peninsula fit --until 2020-12`'s estimation (central fit and bootstrap refits).
            - **Bargaining**: the KTAB-compatible SMP, model time only (best of five); `scripts/time-bargain` times the
              whole `./peninsula bargain` process.
            - **SQLite**: committing serialized 1,000-run batch aggregates (about 20 KB each, zlib-compressed), one
              transaction each (WAL, synchronous=FULL).
              `run` itself stores from one background writer that commits whatever has queued (up to 64 batches) in one
              transaction, so the simulation threads never wait for the disk.

            ## How the engine gets there

            Everything below keeps results bit-identical (tests compare bytes against the scalar definitions):

            - State is struct-of-arrays per batch; a batch of 1,000 runs is stepped in blocks of 256 runs so that a
              block's state stays in the core's cache (each month's sums still receive runs in run order).
            - Random numbers are Philox4x32-10 keyed by (seed, draw, run, month, decision). The draws that most runs take
              each month are generated for a whole block at once, sixteen counters at a time with AVX2
              (`PhiloxVector`), and turned into doubles in vector registers: several times cheaper per draw than one
              at a time.
            - The challenger's choices (ladder level and stance: the feature function, six continuation logits, the
              level draw, the stance logit) are taken for four runs of one parameter draw at a time, one run per vector
              lane, in registers (`ChallengerLanes`); the trust, economy, attention, memory and sanctions updates, the
              principal's utilities and the moratorium's end-hazard logits likewise (`RunLanes`: one formula, four runs
              of a draw or one run in every lane per call; masks from vector loads of the phase, event and flag
              bytes); the logistics and exponentials of those (principal choices, sanctions pressure, the moratorium's
              end hazard) for all runs of a block in one pass. Exponentials are evaluated four vectors at a time with
              their polynomial chains interleaved (`DetMathVector`), so independent evaluations overlap instead of
              each waiting for the last; each lane is bit-identical to the scalar `DetMath` function.
            - A draw is taken only where it decides something (a run's draws are keyed by its coordinates, so skipping
              one moves no other), and taken for the whole block when at least a quarter of it needs it (principal
              sanctions and pipeline tests after level ≥ 4 acts, veto votes, agreement lapses, the phase machine's
              contact, talks, summit, framework, defection, no-zone collapse and message-delivery draws; the phase
              machine counts its candidates thirty-two runs at a time in byte lanes).
            - A worker reuses its block's state arrays and step context for its next block of the same request instead
              of allocating them again, and the engine skips the zeroing of locals (`SkipLocalsInit`), which had cleared
              the vector step's large frame on every call.
            - Finished batches are merged in order as they arrive and released; their aggregates are stored
              zlib-compressed from a background writer. The forecast's outcome probabilities and curves are sums of
              per-draw counts of first months, read in one pass over each draw's runs.
            - Sanction odds, and the expected sanctions an act at levels 4–6 adds, are precomputed per parameter draw;
              no LINQ or allocation per run-month, one interface call per module per block-month (plus the
              agreement-zone lookup for runs in talks, cached per query); a month's observations (replays only) are
              read once per module, not copied per run.
            - Start-up and JIT: `./peninsula run` executes `peninsula-native`, the same run job compiled ahead of time
              (Native AOT, x86-64-v3 where the machine has AVX2): no runtime to start, no type loading, no tiered
              JIT — about 0.2 s for a whole 1,000-run process with SQLite against 0.9 s managed — and the whole process
              then runs compiled code. The end-to-end rows above time that binary when `./peninsula bench` built it
              (their `entry` says which). The managed CLI, used for the other verbs, is precompiled (ReadyToRun), compiles
              the vector kernels optimized at their first call (`AggressiveOptimization`) and runs without dynamic PGO.

            BenchmarkDotNet measures the same hot paths in-process:
            `dotnet run -c Release --project benchmarks/Peninsula.Benchmarks -- --filter '*'`.
            """);
        sb.Append('\n');
        return sb.ToString();
    }
}
