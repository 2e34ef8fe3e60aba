using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Peninsula.Cli.Commands;
using Peninsula.Cli.Infrastructure;
using Peninsula.Cli.Run;
using Peninsula.Storage;
using Spectre.Console.Cli;
using Spectre.Console.Testing;

namespace Peninsula.Cli.Tests;

/// <summary>
/// The native run entry point (<see cref="RunEntry"/>, compiled ahead of time into peninsula-native): its parser
/// (<see cref="RunArguments"/>) accepts only command lines the managed CLI reads the same way and declines the rest
/// (help, mistakes, a PostgreSQL store), which ./peninsula then hands to the managed CLI; what it accepts, it carries out
/// with the same console output, the same forecast JSON, the same stored run and the same one-line failures.
/// </summary>
[Collection("launcher")]
public sealed partial class NativeRunTests
{
    private static CliRunner.Outcome NativeAs(string commandLine, string[] args)
    {
        var console = new TestConsole().Width(200);
        var errors = new StringWriter();
        var code = RunEntry.Run(args, console, errors, commandLine);
        return new CliRunner.Outcome(code, console.Output, errors.ToString());
    }

    private static CliRunner.Outcome Native(params string[] args) => NativeAs("peninsula " + string.Join(' ', args), args);

    /// <summary>
    /// The managed CLI's reading of <c>run</c>'s words without simulating: its <see cref="RunSettings"/> (with their
    /// Validate) under the Spectre configuration <see cref="CliApp"/> uses (strict parsing, exceptions propagated), with a
    /// command that keeps the request instead of running it. Error is the parse or validation message, else null.
    /// </summary>
    private static (RunRequest? Request, string? Error) ManagedParse(IReadOnlyList<string> words)
    {
        RunRequest? parsed = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(new TestConsole());
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.SetInterceptor(new MissingValueInterceptor()); // as CliApp configures it
            config.AddDelegate<RunSettings>("run", (_, settings, _) =>
            {
                parsed = settings.ToRequest();
                return 0;
            });
        });
        try
        {
            var code = app.Run(["run", .. words]);
            return parsed is not null && code == 0 ? (parsed, null) : (null, $"exit {code} without a request");
        }
        catch (Exception e) when (e is CommandParseException or CommandRuntimeException or UserErrorException)
        {
            return (null, e.Message);
        }
    }

    private static RunRequest Accepted(params string[] words)
    {
        var parsed = RunArguments.TryParse(words);
        Assert.True(parsed is not null, "declined: " + string.Join(' ', words));
        Assert.True(RunEntry.Accepts(["run", .. words]));
        // whatever the native parser accepts, the managed CLI reads as the very same request
        var (managed, error) = ManagedParse(words);
        Assert.True(error is null, error);
        Assert.Equal(managed, parsed);
        return parsed;
    }

    private static TheoryData<string[]> Cases(params string[][] cases)
    {
        var data = new TheoryData<string[]>();
        foreach (var c in cases) data.Add(c);
        return data;
    }

    private static string Show(IEnumerable<string> words) => "[" + string.Join(", ", words.Select(w => "'" + w + "'")) + "]";

    // ---- 1. what the parser accepts ----

    [Fact]
    public void Parse_NoArguments_GivesTheManagedDefaults()
    {
        var r = Accepted();
        Assert.Equal(new RunRequest(null, null, null, 0, null, new SimulationOptions()), r);
        Assert.Equal(20000, r.Options.Runs);
        Assert.Equal(1UL, r.Options.Seed);
        Assert.Equal(0, r.Trace);
        Assert.Null(r.Options.Months);
        Assert.Null(r.Options.Threads);
        Assert.Null(r.Options.Draws);
        Assert.Null(r.Options.Db);
        Assert.False(r.Options.NoDb);
        Assert.False(r.Options.Resume);
        Assert.Null(r.Options.BatchCommitted);
        Assert.Equal(100, r.Options.EffectiveDraws);
    }

    [Theory]
    [InlineData("--runs", "500")]
    [InlineData("--months", "12")]
    [InlineData("--threads", "3")]
    [InlineData("--draws", "7")]
    [InlineData("--trace", "2")]
    [InlineData("--seed", "18446744073709551615")]
    [InlineData("--db", "some.sqlite")]
    [InlineData("--calibration", "none")]
    [InlineData("--policy", "maximum-pressure")]
    [InlineData("--out", "x.json")]
    public void Parse_BothSpellings_GiveTheSameRequest(string option, string value)
    {
        Assert.Equal(Accepted(option, value), Accepted(option + "=" + value));
    }

    [Fact]
    public void Parse_RunsBothSpellings()
    {
        var spaced = Accepted("--runs", "500");
        Assert.Equal(new SimulationOptions(Runs: 500), spaced.Options);
        Assert.Equal(100, spaced.Options.EffectiveDraws);
        Assert.Equal(spaced, Accepted("--runs=500"));
        Assert.Equal(5, Accepted("--runs", "0005").Options.Runs);
        Assert.Equal(int.MaxValue, Accepted("--runs", "2147483647").Options.Runs);
        Assert.Equal(20, Accepted("--runs=20").Options.EffectiveDraws);
    }

    [Fact]
    public void Parse_Flags()
    {
        var noDb = Accepted("--no-db");
        Assert.Equal(new SimulationOptions(NoDb: true), noDb.Options);
        Assert.Null(noDb.Options.BatchCommitted);
        var resume = Accepted("--resume");
        Assert.Equal(new SimulationOptions(Resume: true), resume.Options);
        Assert.Null(resume.Options.BatchCommitted);
        var logged = Accepted("--log-batches");
        Assert.NotNull(logged.Options.BatchCommitted);
        Assert.Equal(new Action<string, int>(RunRequest.LogCommitted), logged.Options.BatchCommitted);
        Assert.False(logged.Options.NoDb);
        Assert.False(logged.Options.Resume);
        var all = Accepted("--resume", "--log-batches", "--db", "r.sqlite");
        Assert.True(all.Options.Resume);
        Assert.NotNull(all.Options.BatchCommitted);
        Assert.Equal("r.sqlite", all.Options.Db);
        Assert.Null(Accepted("--no-db", "--runs", "10").Options.BatchCommitted);
    }

    [Fact]
    public void Parse_ScenarioBeforeBetweenOrAfterTheOptions()
    {
        var expected = new RunRequest("scen.yaml", null, null, 0, null, new SimulationOptions(Runs: 50, NoDb: true));
        Assert.Equal(expected, Accepted("scen.yaml", "--runs", "50", "--no-db"));
        Assert.Equal(expected, Accepted("--runs", "50", "scen.yaml", "--no-db"));
        Assert.Equal(expected, Accepted("--runs", "50", "--no-db", "scen.yaml"));
        Assert.Equal(expected, Accepted("--no-db", "scen.yaml", "--runs=50"));
        Assert.Equal("/tmp/a b/c=d.yaml", Accepted("--no-db", "/tmp/a b/c=d.yaml").Scenario);
    }

    [Fact]
    public void Parse_EveryOption()
    {
        var r = Accepted("--db", "store.sqlite", "scen.yaml", "--calibration", "none", "--policy", "maximum-pressure", "--out=x.json", "--trace", "3",
            "--threads=2", "--months", "600", "--draws", "7", "--seed", "18446744073709551615", "--runs", "9", "--resume", "--log-batches");
        var options = new SimulationOptions(9, ulong.MaxValue, 600, 2, 7, "store.sqlite", NoDb: false, Resume: true) { BatchCommitted = RunRequest.LogCommitted };
        Assert.Equal(new RunRequest("scen.yaml", "maximum-pressure", "x.json", 3, "none", options), r);
        Assert.Equal(ulong.MaxValue, r.Options.Seed);
        Assert.Equal(7, r.Options.EffectiveDraws);
    }

    [Fact]
    public void Parse_SqliteTargets_TextValues()
    {
        Assert.Equal("/tmp/x y/peninsula.db", Accepted("--db", "/tmp/x y/peninsula.db").Options.Db);
        Assert.Equal("file:x.db?mode=ro", Accepted("--db", "file:x.db?mode=ro").Options.Db);
        Assert.Equal("/tmp/cal.json", Accepted("--calibration=/tmp/cal.json").Calibration);
        Assert.Equal("a=b", Accepted("--policy=a=b").Policy);
        // in the '=' spelling a value may start with '-' (the managed CLI reads it the same way)
        Assert.Equal("-x.json", Accepted("--out=-x.json").Out);
        Assert.Equal(0UL, Accepted("--seed", "0").Options.Seed);
        Assert.Equal(0, Accepted("--trace", "0").Trace);
        Assert.Equal(1, Accepted("--months", "1").Options.Months);
        Assert.Equal(5, Accepted("--runs", "5", "--draws", "5").Options.Draws);
    }

    // ---- 2. what the parser declines ----

    public static TheoryData<string[]> MistakeCases => Cases(
        ["--no-such-option"],
        ["--runs", "10", "--RUNS", "10"],
        ["-r", "10"],
        ["--markdown", "x.md"],
        ["--reference=strategic-patience"],
        ["--runs"],
        ["--seed", "--no-db"],
        ["--months", "--runs", "10"],
        ["--runs", "-5"],
        ["--seed", "-3"],
        ["--policy", "-x", "--no-db"],
        ["--runs", "1e3"],
        ["--runs=1e3"],
        ["--runs="],
        ["--out="],
        ["--runs=5=6"],
        ["--runs", "1,000"],
        ["--runs", "1_000"],
        ["--runs", "\u0663"],
        ["--months", "1.5"],
        ["--runs", "2147483648"],
        ["--months", "99999999999"],
        ["--seed", "18446744073709551616"],
        ["a.yaml", "b.yaml"],
        ["--no-db", "a.yaml", "--runs", "5", "b.yaml"],
        ["-"],
        ["--no-db", "--out"],
        ["--out", "--no-db"],
        ["--calibration"],
        ["--policy", "--no-db"]
    );

    /// <summary>
    /// A text option without its value: Spectre binds it to the placeholder "__default_command", which the managed CLI
    /// now refuses (MissingValueInterceptor) instead of writing a file or looking up a policy of that name.
    /// </summary>
    [Theory]
    [InlineData(new[] { "--no-db", "--out" }, "--out")]
    [InlineData(new[] { "--out", "--no-db" }, "--out")]
    [InlineData(new[] { "--calibration" }, "--calibration")]
    [InlineData(new[] { "--policy", "--no-db" }, "--policy")]
    [InlineData(new[] { "--db" }, "--db")]
    public void ManagedCli_TextOptionWithoutValue_IsOneLineNamingTheOption(string[] args, string option)
    {
        var m = CliRunner.Run(["run", .. args]);
        Assert.Equal(2, m.ExitCode);
        Assert.Equal($"peninsula: {option}: a value is required", m.Errors.TrimEnd());
    }

    /// <summary>Declined command lines that are mistakes: the managed CLI, which gets them, fails with one line and no simulation.</summary>
    [Theory]
    [MemberData(nameof(MistakeCases))]
    public void Parse_Mistakes_AreDeclined_AndTheManagedCliRejectsThemInOneLine(string[] args)
    {
        Assert.Null(RunArguments.TryParse(args));
        Assert.False(RunEntry.Accepts(["run", .. args]));
        // never let a case the managed CLI takes as valid reach CliRunner: it would simulate 20000 runs into peninsula.db
        var (request, error) = ManagedParse(args);
        Assert.True(request is null, "the managed CLI accepts " + Show(args));
        Assert.NotNull(error);
        var m = CliRunner.Run(["run", .. args]);
        Assert.NotEqual(0, m.ExitCode);
        Assert.Single(m.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith("peninsula: ", m.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", m.Errors, StringComparison.Ordinal);
    }

    /// <summary>Every SimulationOptions.Problem() case is declined; the managed CLI reports that problem itself, in one line, exit 2.</summary>
    [Theory]
    [InlineData(new[] { "--runs", "0" }, "--runs must be at least 1 (got 0)")]
    [InlineData(new[] { "--runs=0", "--no-db" }, "--runs must be at least 1 (got 0)")]
    [InlineData(new[] { "--months", "0" }, "--months must be 1-600 (got 0)")]
    [InlineData(new[] { "--months", "601" }, "--months must be 1-600 (got 601)")]
    [InlineData(new[] { "--threads", "0" }, "--threads must be at least 1 (got 0)")]
    [InlineData(new[] { "--threads", "00" }, "--threads must be at least 1 (got 0)")]
    [InlineData(new[] { "--draws", "0" }, "--draws must be at least 1 (got 0)")]
    [InlineData(new[] { "--runs", "5", "--draws", "6" }, "--draws (6) cannot exceed --runs (5)")]
    [InlineData(new[] { "--draws=20001" }, "--draws (20001) cannot exceed --runs (20000)")]
    [InlineData(new[] { "--db", "x.sqlite", "--no-db" }, "--db and --no-db cannot be used together")]
    [InlineData(new[] { "--resume", "--no-db" }, "--resume needs a database (remove --no-db)")]
    public void Parse_OptionProblems_AreDeclined_AndTheManagedCliNamesThem(string[] args, string problem)
    {
        Assert.Null(RunArguments.TryParse(args));
        Assert.False(RunEntry.Accepts(["run", .. args]));
        Assert.Equal(problem, ManagedParse(args).Error);
        var m = CliRunner.Run(["run", .. args]);
        Assert.Equal(2, m.ExitCode);
        Assert.Equal("peninsula: " + problem, m.Errors.TrimEnd());
    }

    public static TheoryData<string[]> HelpCases => Cases(
        ["--help"],
        ["-h"],
        ["scen.yaml", "--help"],
        ["--runs", "5", "-h"]
    );

    /// <summary>Help is declined: the managed CLI prints it (exit 0).</summary>
    [Theory]
    [MemberData(nameof(HelpCases))]
    public void Parse_Help_IsDeclined_AndTheManagedCliPrintsIt(string[] args)
    {
        Assert.Null(RunArguments.TryParse(args));
        Assert.False(RunEntry.Accepts(["run", .. args]));
        var m = CliRunner.Run(["run", .. args]);
        Assert.Equal(0, m.ExitCode);
        foreach (var option in new[] { "--runs", "--draws", "--seed", "--months", "--threads", "--db", "--calibration", "--no-db", "--resume", "--log-batches", "--policy", "--out", "--trace" })
            Assert.Contains(option, m.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> HandedOverCases => Cases(
        ["--runs", "5", "--runs", "6"],
        ["--runs=5", "--runs", "5"],
        ["--no-db", "--no-db"],
        ["--out", "a.json", "--out=b.json"],
        ["--runs", " 5"],
        ["--runs", "5 "],
        ["--runs", "+5"],
        ["--runs", "0x10"],
        ["--runs", ""],
        ["--no-db=true"],
        ["--resume=false"],
        ["--log-batches=1"],
        ["--"],
        ["--", "scen.yaml"],
        [""],
        ["--db", "Host=127.0.0.1;Database=x;Username=y"],
        ["--db=host=db.example;database=x"],
        ["--db", "postgres://u@h/db"],
        ["--db=postgresql://u:secret@h:5432/db"]
    );

    /// <summary>
    /// Declined forms that the managed CLI, which gets them through ./peninsula, does not reject: a repeated option
    /// (the last one wins there), numbers Spectre's converters take (" 5", "5 ", "+5", "0x10" = 16), a flag given a value
    /// ("--no-db=true"), a lone "--" and a PostgreSQL store. Only the native side is checked: the managed CLI would simulate 20000 runs (or connect to
    /// PostgreSQL) for them.
    /// </summary>
    [Theory]
    [MemberData(nameof(HandedOverCases))]
    public void Parse_FormsLeftToTheManagedCli_AreDeclined(string[] args)
    {
        Assert.Null(RunArguments.TryParse(args));
        Assert.False(RunEntry.Accepts(["run", .. args]));
        var n = Native(["run", .. args]);
        Assert.Equal(2, n.ExitCode);
        Assert.Equal("peninsula: these run arguments are handled by the managed CLI: use ./peninsula run (or PENINSULA_MANAGED=1)", n.Errors.TrimEnd());
        Assert.Equal("", n.Output);
    }

    public static TheoryData<string[]> BooleanAfterFlagCases => Cases(
        ["--no-db", "true"],
        ["--no-db", "false"],
        ["--resume", "false"],
        ["--log-batches", "TRUE"]
    );

    /// <summary>
    /// A flag followed by true/false (any case): Spectre reads the word as the flag's value ("--no-db false" stores the
    /// run; "--resume false" does not resume), so the native parser declines them.
    /// </summary>
    [Theory]
    [MemberData(nameof(BooleanAfterFlagCases))]
    public void Parse_FlagFollowedByABoolean_IsDeclinedOrReadAsTheManagedCliReadsIt(string[] args)
    {
        var native = RunArguments.TryParse(args);
        Assert.True(native is null || native == ManagedParse(args).Request, $"{Show(args)}: native {native}, managed {ManagedParse(args).Request}");
    }

    // ---- 3. property: accepted exactly when every invariant holds, and then read as the managed CLI reads it ----

    private enum Defect { Unknown, Repeated, FlagWithValue, MissingValue, DashValue, EmptyValue, BadNumber, TwoScenarios, BadScenario, Postgres, Problem }

    private enum ValueKind { Int, ULong, Db, Text }

    private static readonly (string Name, ValueKind Kind)[] Valued =
    [
        ("runs", ValueKind.Int), ("draws", ValueKind.Int), ("months", ValueKind.Int), ("threads", ValueKind.Int), ("trace", ValueKind.Int),
        ("seed", ValueKind.ULong), ("db", ValueKind.Db), ("calibration", ValueKind.Text), ("policy", ValueKind.Text), ("out", ValueKind.Text),
    ];

    private static readonly string[] FlagNames = ["no-db", "resume", "log-batches"];

    // Plain: plain ASCII decimal digits within the type's range (whether the option's range check passes is Problem()'s business).
    private static readonly (string Text, bool Plain)[] IntValues =
    [
        ("1", true), ("3", true), ("12", true), ("40", true), ("500", true), ("2000", true), ("0007", true), ("600", true), ("2147483647", true),
        ("0", true), ("601", true), ("1e3", false), ("+5", false), ("0x10", false), (" 5", false), ("5 ", false), ("2147483648", false),
        ("1,000", false), ("\u0663", false), ("\uFF15", false), ("12abc", false), ("1.0", false),
    ];

    private static readonly (string Text, bool Plain)[] ULongValues =
    [
        ("1", true), ("7", true), ("0", true), ("20211", true), ("18446744073709551615", true), ("000018446744073709551615", true),
        ("18446744073709551616", false), ("1.5", false), ("+7", false), ("0x7", false), ("7 ", false),
    ];

    private static readonly (string Text, bool Postgres)[] DbValues =
    [
        ("store.sqlite", false), ("/tmp/x y/p.db", false), ("file:x.db?mode=ro", false), ("host.sqlite", false),
        ("Host=127.0.0.1;Database=x;Username=y", true), ("postgres://u@h/db", true), ("postgresql://u:p@h:5432/db", true),
    ];

    private static readonly string[] TextValues = ["none", "out.json", "/tmp/a b/x.json", "a=b", "maximum-pressure", "cal.json", "5"];

    // Values every option may get: a leading '-' (malformed after a space; for a text option fine after '=') or nothing.
    private static readonly string[] DashOrEmpty = ["-1", "-x", "--no-db", ""];

    // "true"/"false" are left out: after a flag the managed CLI reads them as the flag's value, and the native parser declines that (Parse_FlagFollowedByABoolean_… above).
    private static readonly string[] GoodScenarios = ["scen.yaml", "scenarios/transition-2021.yaml", "x y.yaml", "a=b.yaml", "5", "none"];
    private static readonly string[] BadScenarios = ["-", "-x", ""];
    private static readonly string[] UnknownWords = ["--help", "-h", "--RUNS", "--run", "--markdown", "--reference=x", "--no-dbs", "--", "--=5", "-r", "--out-file"];

    /// <summary>Words of a generated command line with every way it breaks an invariant, decided while generating (not by parsing).</summary>
    private static (List<string> Words, HashSet<Defect> Defects) Generate(Random random)
    {
        var words = new List<string>();
        var defects = new HashSet<Defect>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var scenarios = 0;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        void Name(string name)
        {
            if (!seen.Add(name)) defects.Add(Defect.Repeated);
        }

        var items = random.Next(0, 5);
        for (var i = 0; i < items; i++)
        {
            var roll = random.NextDouble();
            if (roll < 0.50)
            {
                var (name, kind) = Pick(Valued);
                var equals = random.NextDouble() < 0.4;
                string value;
                var dashOrEmpty = random.NextDouble() < 0.06;
                if (dashOrEmpty)
                {
                    value = Pick(DashOrEmpty);
                    if (value.Length == 0) defects.Add(Defect.EmptyValue);
                    else if (!equals) defects.Add(Defect.DashValue);
                    else if (kind is ValueKind.Int or ValueKind.ULong) defects.Add(Defect.BadNumber);
                }
                else
                {
                    switch (kind)
                    {
                        case ValueKind.Int or ValueKind.ULong:
                            var (text, plain) = random.NextDouble() < 0.85
                                ? Pick(kind == ValueKind.Int ? IntValues.Where(v => v.Plain).ToArray() : ULongValues.Where(v => v.Plain).ToArray())
                                : Pick(kind == ValueKind.Int ? IntValues : ULongValues);
                            value = text;
                            if (!plain) defects.Add(Defect.BadNumber);
                            break;
                        case ValueKind.Db:
                            var (target, postgres) = Pick(DbValues);
                            value = target;
                            if (postgres) defects.Add(Defect.Postgres);
                            break;
                        default:
                            value = Pick(TextValues);
                            break;
                    }
                }
                Name(name);
                values.TryAdd(name, value);
                if (equals) words.Add($"--{name}={value}");
                else words.AddRange(["--" + name, value]);
            }
            else if (roll < 0.72)
            {
                var name = Pick(FlagNames);
                Name(name);
                if (random.NextDouble() < 0.08)
                {
                    words.Add($"--{name}={Pick(new[] { "true", "false", "1", "" })}");
                    defects.Add(Defect.FlagWithValue);
                }
                else
                {
                    words.Add("--" + name);
                }
            }
            else if (roll < 0.95)
            {
                if (random.NextDouble() < 0.1)
                {
                    words.Add(Pick(BadScenarios));
                    defects.Add(Defect.BadScenario);
                }
                else
                {
                    words.Add(Pick(GoodScenarios));
                    if (++scenarios > 1) defects.Add(Defect.TwoScenarios);
                }
            }
            else
            {
                words.Add(Pick(UnknownWords));
                defects.Add(Defect.Unknown);
            }
        }
        if (random.NextDouble() < 0.05)
        {
            // a valued option with nothing after it (only at the end: anywhere else the next word would be its value)
            var (name, _) = Pick(Valued);
            Name(name);
            words.Add("--" + name);
            defects.Add(Defect.MissingValue);
        }
        if (defects.Count == 0)
        {
            int? Int(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
            var options = new SimulationOptions(Int("runs") ?? SimulationOptions.DefaultRuns,
                values.TryGetValue("seed", out var seed) ? ulong.Parse(seed, CultureInfo.InvariantCulture) : 1,
                Int("months"), Int("threads"), Int("draws"), values.GetValueOrDefault("db"), seen.Contains("no-db"), seen.Contains("resume"));
            if (options.Problem() is not null) defects.Add(Defect.Problem);
        }
        return (words, defects);
    }

    /// <summary>
    /// CsCheck is not referenced by this test project, so the cases come from a seeded <see cref="Random"/>: 300 command
    /// lines from a vocabulary of options, values and scenarios, each with the invariants it breaks known by construction.
    /// TryParse must accept exactly those that break none (every option at most once, flags without a value, values
    /// present, plain decimal numbers in range, at most one scenario not starting with '-', no PostgreSQL store, Problem()
    /// null), and what it accepts the managed CLI's own parser must read as the same request. Every invariant is the only
    /// broken one in some case, so a parser that let any one of them through would fail here.
    /// </summary>
    [Fact]
    public void Property_AcceptsExactlyTheCommandLinesBreakingNoInvariant_AndReadsThemAsTheManagedCli()
    {
        var random = new Random(20250601);
        var accepted = 0;
        var onlyDefect = new Dictionary<Defect, int>();
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var (words, defects) = Generate(random);
            var parsed = RunArguments.TryParse(words);
            var what = $"case {iteration}: {Show(words)} breaks {{{string.Join(", ", defects)}}}";
            Assert.True((parsed is not null) == (defects.Count == 0), (parsed is null ? "declined " : "accepted ") + what);
            Assert.Equal(parsed is not null, RunEntry.Accepts(["run", .. words]));
            if (parsed is not null)
            {
                accepted++;
                var (managed, error) = ManagedParse(words);
                Assert.True(error is null, $"the managed CLI rejects {what}: {error}");
                Assert.True(managed == parsed, $"{what}: native {parsed}, managed {managed}");
            }
            if (defects.Count == 1) onlyDefect[defects.Single()] = onlyDefect.GetValueOrDefault(defects.Single()) + 1;
        }
        Assert.InRange(accepted, 60, 240);
        foreach (var defect in Enum.GetValues<Defect>())
            Assert.True(onlyDefect.GetValueOrDefault(defect) > 0, $"no case breaks only {defect}");
    }

    // ---- 4. the same results as the managed CLI ----

    public static TheoryData<string[]> SameResultCases => new()
    {
        new[] { "--runs", "2000", "--months", "12", "--trace", "1" },
        new[] { "--runs", "1500", "--draws", "5", "--seed", "7", "--months", "6", "--calibration", "none" },
        new[] { CliRunner.Scenario("transition-2021.yaml"), "--runs=1200", "--months=9", "--threads", "1", "--seed", "18446744073709551615", "--policy", "maximum-pressure" },
    };

    [Theory]
    [MemberData(nameof(SameResultCases))]
    public void RunEntry_PrintsWritesAndStoresTheSameAsTheManagedCli(string[] args)
    {
        var managedJson = CliRunner.TempFile(".json");
        var nativeJson = CliRunner.TempFile(".json");
        var managedDb = CliRunner.TempFile(".sqlite");
        var nativeDb = CliRunner.TempFile(".sqlite");
        try
        {
            string[] native = ["run", .. args, "--db", nativeDb, "--out", nativeJson];
            var commandLine = "peninsula " + string.Join(' ', native);
            var n = NativeAs(commandLine, native);
            var m = CliRunner.Run(["run", .. args, "--db", managedDb, "--out", managedJson]);
            Assert.True(m.ExitCode == 0, m.Errors);
            Assert.True(n.ExitCode == 0, n.Errors);
            Assert.Equal("", n.Errors);
            Assert.Equal(m.Errors, n.Errors);
            Assert.Equal(File.ReadAllBytes(managedJson), File.ReadAllBytes(nativeJson));
            string Plain(string output, string json, string db) => output.Replace(json, "OUT", StringComparison.Ordinal).Replace(db, "DB", StringComparison.Ordinal);
            Assert.Equal(Plain(m.Output, managedJson, managedDb), Plain(n.Output, nativeJson, nativeDb));
            Assert.Contains("forecast written to", n.Output, StringComparison.Ordinal);

            using var ms = new SqliteRunStore(managedDb);
            using var ns = new SqliteRunStore(nativeDb);
            var managedRun = Assert.Single(ms.ListRuns());
            var nativeRun = Assert.Single(ns.ListRuns());
            // The run id hashes what determines the result, not the command line, so it is the same. The stored command
            // line is not: the native entry stores the one it is given, the managed CLI Environment.GetCommandLineArgs(),
            // which under the test host names the test host, not "run …".
            Assert.Equal(commandLine, nativeRun.CommandLine);
            Assert.Equal(managedRun with { CommandLine = "" }, nativeRun with { CommandLine = "" });
            Assert.Equal("run", nativeRun.Kind);
            var batches = ms.CommittedBatches(managedRun.RunId);
            Assert.NotEmpty(batches);
            Assert.Equal(batches.Order(), ns.CommittedBatches(nativeRun.RunId).Order());
            foreach (var b in batches) Assert.Equal(ms.LoadBatch(managedRun.RunId, b), ns.LoadBatch(nativeRun.RunId, b));
            var forecast = ns.LoadForecast(nativeRun.RunId);
            Assert.NotNull(forecast);
            Assert.Equal(ms.LoadForecast(managedRun.RunId), forecast);
            Assert.Equal(File.ReadAllText(nativeJson), forecast);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { managedJson, nativeJson, managedDb, managedDb + "-wal", managedDb + "-shm", nativeDb, nativeDb + "-wal", nativeDb + "-shm" }) File.Delete(f);
        }
    }

    // ---- 5. failures ----

    [Theory]
    [InlineData(new[] { "/nonexistent/scenario.yaml", "--runs", "10", "--no-db" }, "scenario.yaml:1: ")]
    [InlineData(new[] { "--policy", "nope", "--runs", "10", "--no-db" }, "peninsula: ")]
    [InlineData(new[] { "--runs", "10", "--no-db", "--out", "/no/such/folder/x.json" }, "peninsula: --out: folder '/no/such/folder' does not exist")]
    [InlineData(new[] { "--calibration", "/nonexistent/calibration.json", "--runs", "10", "--no-db" }, "peninsula: ")]
    [InlineData(new[] { "--runs", "10", "--months", "60", "--no-db" }, "peninsula: ")]
    public void RunEntry_Failures_SameExitCodeAndOneLineAsTheManagedCli(string[] args, string start)
    {
        var n = Native(["run", .. args]);
        var m = CliRunner.Run(["run", .. args]);
        Assert.NotEqual(0, m.ExitCode);
        Assert.Equal(m.ExitCode, n.ExitCode);
        Assert.Equal(m.Errors, n.Errors);
        Assert.Single(n.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith(start, n.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", n.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", n.Errors, StringComparison.Ordinal);
        Assert.Equal(m.Output, n.Output);
    }

    [Fact]
    public void RunEntry_InvalidScenario_SameLinesAsTheManagedCli()
    {
        var path = CliRunner.TempFile(".yaml");
        File.WriteAllText(path, "name: broken\nstart: [2021-01\nmonths: 12\n");
        try
        {
            var n = Native("run", path, "--runs", "10", "--no-db");
            var m = CliRunner.Run("run", path, "--runs", "10", "--no-db");
            Assert.Equal(1, m.ExitCode);
            Assert.Equal(m.ExitCode, n.ExitCode);
            Assert.Equal(m.Errors, n.Errors);
            Assert.Matches($@"^{Regex.Escape(Path.GetFileName(path))}:\d+: ", n.Errors.Trim());
            Assert.DoesNotContain("   at ", n.Errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string[]> DeclinedEntryCases => Cases(
        ["run", "--help"],
        ["run", "--runs", "0"],
        ["run", "--db", "Host=h;Database=d"],
        ["bargain", "f.csv"],
        ["--runs", "10"],
        []
    );

    [Theory]
    [MemberData(nameof(DeclinedEntryCases))]
    public void RunEntry_DeclinedArguments_ExitTwoWithOneLine(string[] args)
    {
        Assert.False(RunEntry.Accepts(args));
        var n = NativeAs("peninsula", args);
        Assert.Equal(2, n.ExitCode);
        Assert.Equal("", n.Output);
        var line = Assert.Single(n.Errors.TrimEnd().Split('\n'));
        Assert.StartsWith("peninsula: ", line, StringComparison.Ordinal);
        Assert.Contains("managed CLI", line, StringComparison.Ordinal);
    }

    // ---- 6. through ./peninsula ----

    [GeneratedRegex("\"code_version\": \"[^\"]*\"")]
    private static partial Regex CodeVersionField();

    /// <summary>
    /// Builds peninsula-native through ./peninsula when needed (Native AOT, needs clang; minutes the first time) and
    /// checks that the launcher runs 'run' with it, declines to it what the managed CLI must report, and that its
    /// --accepts probe answers as the parser does.
    /// </summary>
    [Fact]
    public void Launcher_RoutesRunToTheNativeBinary_WithTheManagedCliOutput()
    {
        var root = CliRunner.RepoRoot();
        var binary = Path.Combine(root, ".build", "native", "peninsula-native");
        var nativeJson = CliRunner.TempFile(".json");
        var managedJson = CliRunner.TempFile(".json");
        try
        {
            var (code, _, errors) = Launch(root, "run", "--runs", "2000", "--months", "12", "--no-db", "--out", nativeJson);
            Assert.True(code == 0, errors);
            Assert.True(File.Exists(binary), "the native binary was not built: " + errors);
            var m = CliRunner.Run("run", "--runs", "2000", "--months", "12", "--no-db", "--out", managedJson);
            Assert.True(m.ExitCode == 0, m.Errors);
            // The code version differs by build, not by entry point: ./peninsula stamps "0.1.0+<git describe>", the test
            // build the SDK's "0.1.0+<full commit>". Everything else is byte for byte the same.
            var native = File.ReadAllText(nativeJson);
            var managed = File.ReadAllText(managedJson);
            Assert.Single(CodeVersionField().Matches(native));
            Assert.Equal(CodeVersionField().Replace(managed, "CODE_VERSION"), CodeVersionField().Replace(native, "CODE_VERSION"));
        }
        finally
        {
            File.Delete(nativeJson);
            File.Delete(managedJson);
        }

        var bad = Launch(root, "run", "--runs", "0", "--no-db");
        Assert.Equal(2, bad.Code);
        Assert.Equal("peninsula: --runs must be at least 1 (got 0)", bad.Errors.Trim());

        Assert.Equal(0, Probe(binary, "--accepts", "run", "--runs", "10", "--no-db"));
        Assert.Equal(1, Probe(binary, "--accepts", "run", "--help"));
        Assert.Equal(1, Probe(binary, "--accepts", "run", "--runs", "0", "--no-db"));
        Assert.Equal(1, Probe(binary, "--accepts", "run", "--db", "postgres://u@h/db"));
    }

    private static int Probe(string binary, params string[] args)
    {
        var psi = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        Assert.Equal("", stdout.Result + stderr.Result);
        return p.ExitCode;
    }

    /// <summary>./peninsula with <paramref name="args"/> as a user starts it (never PENINSULA_MANAGED); stderr without build progress.</summary>
    internal static (int Code, string Output, string Errors) Launch(string root, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(root, "peninsula")) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("PENINSULA_MANAGED");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        // the build progress lines go to stderr too; keep the rest (the result or the error)
        var errLines = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.Contains("compiling the native", StringComparison.Ordinal) && !l.Contains("peninsula: building", StringComparison.Ordinal))
            .ToArray();
        return (p.ExitCode, stdout.Result, string.Join('\n', errLines));
    }
}
