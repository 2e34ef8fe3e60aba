using Peninsula.Web.Html;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Levers;
using Peninsula.Web.Runs;

namespace Peninsula.Web.Tests;

public sealed class MarkupTests
{
    [Fact]
    public void Of_TextHoles_AreEncoded_MarkupHolesAreNot()
    {
        var name = "<b>\"x\" & 'y'</b>";
        var html = Markup.Of($"<p title=\"{name}\">{name}{Markup.Trusted("<br>")}</p>").Value;
        Assert.Equal("<p title=\"&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;\">&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;<br></p>", html);
    }

    [Fact]
    public void Of_Numbers_UseTheInvariantCulture() => Assert.Equal("1.5 2,000", Markup.Of($"{1.5} {2000:#,0}").Value);
}

public sealed class DataFolderTests
{
    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF", false)]
    [InlineData("0123456789abcde", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("0123456789abcdef/../x", false)]
    [InlineData(null, false)]
    public void IsId_OnlyLowercaseHex(string? id, bool ok) => Assert.Equal(ok, DataFolder.IsId(id));

    [Fact]
    public void Inside_PathLeavingTheFolder_Throws()
    {
        var folder = TestApp.NewFolder();
        try
        {
            var data = new DataFolder(folder);
            Assert.Throws<UnauthorizedAccessException>(() => data.Inside(Path.Combine(folder, "..", "elsewhere")));
            Assert.Throws<UnauthorizedAccessException>(() => data.Inside(folder + "-sibling/x"));
            Assert.Throws<ArgumentException>(() => data.JobFile("../x"));
            Assert.StartsWith(data.Root, data.Inside(Path.Combine(folder, "jobs", "a.json")), StringComparison.Ordinal);
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }

    [Fact]
    public void EditStore_RelativePathLeavingTheEdit_Refused()
    {
        var folder = TestApp.NewFolder();
        try
        {
            var data = new DataFolder(folder);
            var edits = new EditStore(data, Path.Combine(TestApp.RepoRoot(), "scenarios"));
            Assert.Throws<UnauthorizedAccessException>(() => edits.ScenarioFile(new string('a', 64), "../../../../etc/passwd"));
            Assert.Null(edits.ScenarioFile("../..", "x.yaml"));
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }
}

public sealed class JobChannelTests
{
    private static JobRecord Record(string id) => new(id, "s", "s", "h", "s.yaml", "b", "r", "custom", ["custom", "b"], 10, 1,
        Levers(), Levers(), JobState.Queued, null, [], [], DateTimeOffset.UnixEpoch, null);

    private static PolicyLevers Levers() => new(false, "2021-02", [], true, false, "2021-02", "0.5", "none", "100", "0", "0", "0.5", "0", "0.5", "1");

    [Fact]
    public void TryEnqueue_Full_RefusesAndForgetsTheJob()
    {
        var queue = new JobChannel(1);
        using var first = new RunJob(Record(new string('a', 32)));
        using var second = new RunJob(Record(new string('b', 32)));
        Assert.True(queue.TryEnqueue(first));
        Assert.False(queue.TryEnqueue(second));
        Assert.NotNull(queue.Live(first.Record.Id));
        Assert.Null(queue.Live(second.Record.Id));
        Assert.Equal(1, queue.Waiting);
    }

    [Fact]
    public void ProgressFor_LaterPackages_CountFromTheirOffset()
    {
        using var job = new RunJob(Record(new string('c', 32)));
        job.ProgressFor("custom", 0).Report(new Core.WorkProgress(10, 10, "run"));
        job.ProgressFor("b", 1).Report(new Core.WorkProgress(4, 10, "run"));
        Assert.Equal(14, job.Completed);
        Assert.Equal(20, job.Total);
    }
}

public sealed class LeverFormTests
{
    [Theory]
    [InlineData("transition-2021.yaml:120: policies.custom.message.channels[1]: unknown channel 'x'", "channels")]
    [InlineData("transition-2021.yaml:120: policies.custom.message.start: bad month", "message_start")]
    [InlineData("transition-2021.yaml:120: policies.custom.message: bad", "message")]
    [InlineData("transition-2021.yaml:121: policies.custom.exercises.scale: too big", "exercise_scale")]
    [InlineData("transition-2021.yaml:121: policies.custom.demand: must be at most 100", "demand")]
    public void AddScenarioLine_PolicyField_FiledUnderItsLever(string line, string field)
    {
        var errors = new FormErrors();
        errors.AddScenarioLine(line, "custom");
        Assert.Equal([line], errors.For(field));
        Assert.Empty(errors.General);
    }

    [Fact]
    public void AddScenarioLine_OtherField_IsGeneral()
    {
        var errors = new FormErrors();
        errors.AddScenarioLine("base.yaml:3: parameters.x: unknown", "custom");
        Assert.Single(errors.General);
    }
}

public sealed class ScenarioDocumentTests
{
    [Fact]
    public void WithPolicy_UnchangedLevers_LoadsAPackageEqualToItsBase()
    {
        var root = Path.Combine(TestApp.RepoRoot(), "scenarios");
        var document = ScenarioDocument.Load(root, Path.Combine(root, "transition-2021.yaml"))!;
        Assert.Equal(["base.yaml", "bargaining/transition-2021.yaml"], document.SupportFiles.ToArray());
        Assert.Contains("leader-letters", document.Channels);
        foreach (var id in new[] { "principled-diplomacy", "strategic-patience", "top-down-summitry" })
        {
            var levers = document.LeversOf(id, Core.Month.Parse("2021-01"));
            var folder = TestApp.NewFolder();
            try
            {
                var data = new DataFolder(folder);
                var (_, file) = new EditStore(data, root).Write(document, document.WithPolicy("custom", "Custom", "as " + id, id, levers));
                var session = ScenarioSession.Open(file, "test", "none");
                var custom = session.Spec.Policy("custom")!;
                var original = session.Spec.Policy(id)!;
                static string Json(Engine.Spec.PolicyPackage p) => System.Text.Json.JsonSerializer.Serialize(p with { Id = "", Label = "", Description = "" });
                Assert.Equal(Json(original), Json(custom));
            }
            finally
            {
                TestApp.TryDelete(folder);
            }
        }
    }

    [Fact]
    public void EditStore_SameEditTwice_OneFolderSameHash()
    {
        var root = Path.Combine(TestApp.RepoRoot(), "scenarios");
        var document = ScenarioDocument.Load(root, Path.Combine(root, "transition-2021.yaml"))!;
        var folder = TestApp.NewFolder();
        try
        {
            var store = new EditStore(new DataFolder(folder), root);
            var text = document.WithPolicy("custom", "C", "d", "principled-diplomacy", document.LeversOf("principled-diplomacy", Core.Month.Parse("2021-01")) with { Demand = "80" });
            var a = store.Write(document, text);
            var b = store.Write(document, text);
            Assert.Equal(a, b);
            Assert.Single(Directory.GetDirectories(Path.Combine(folder, "edits")));
            Assert.Contains("demand: 80", File.ReadAllText(a.ScenarioPath), StringComparison.Ordinal);
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }

    /// <summary>
    /// The lever editor reads scenario files with YamlDotNet's representation model, which recurses on nesting and
    /// shares aliased nodes: only files the scenario loader's bounded reader accepts reach it (null otherwise, as for a
    /// file that is not a plain mapping), so no deep, aliased, oversized or ambiguous file can.
    /// </summary>
    [Theory]
    [InlineData("deep")]
    [InlineData("aliases")]
    [InlineData("large")]
    [InlineData("duplicate")]
    [InlineData("plain")]
    public void Load_OnlyWhatTheBoundedReaderAccepts(string kind)
    {
        var folder = TestApp.NewFolder();
        try
        {
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, "s.yaml");
            var text = kind switch
            {
                "deep" => "a: " + string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)) + "\n",
                "aliases" => "a: &x [1, 2]\nb: [*x, *x, *x]\n",
                "large" => "a: \"" + new string('x', 1_100_000) + "\"\n",
                "duplicate" => "name: one\nname: two\n",
                _ => "name: plain\ndescription: a plain mapping\n",
            };
            File.WriteAllText(file, text);

            var document = ScenarioDocument.Load(folder, file);

            if (kind == "plain") Assert.Equal("a plain mapping", Assert.IsType<ScenarioDocument>(document).Description);
            else Assert.Null(document);
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }
}

public sealed class ForecastCsvTests
{
    [Fact]
    public void Outcomes_TextCells_AreQuotedAndFormulaSafe()
    {
        var doc = new Engine.Output.ForecastDocument("s", "=cmd,x", new("v", "a", "b", new("priors", null, "c")), "2021-01", 1, 10, 1, 1,
            ["0", "1", "2", "3", "4", "5", "6"], [], [new("level>=5", 12, 0.25, (0.2, 0.3), (0.1, 0.4))], []);
        var csv = Archive.ForecastCsv.Outcomes([doc]);
        Assert.Equal("policy,outcome,within_months,p,ci95_mc_lo,ci95_mc_hi,ci90_param_lo,ci90_param_hi\r\n\"'=cmd,x\",level>=5,12,0.25,0.2,0.3,0.1,0.4\r\n", csv);
    }
}

public sealed class WebOptionsTests
{
    [Theory]
    [InlineData("127.0.0.1", false, null)]
    [InlineData("localhost", false, null)]
    [InlineData("::1", false, null)]
    [InlineData("0.0.0.0", true, null)]
    [InlineData("0.0.0.0", false, "--host 0.0.0.0 is not a loopback address")]
    [InlineData("example.org", false, "--host must be an IP address or 'localhost'")]
    public void Problem_Host_LoopbackUnlessPublic(string host, bool isPublic, string? problem)
    {
        var p = new WebOptions("/tmp/x", Host: host, Public: isPublic).Problem();
        if (problem is null) Assert.Null(p);
        else Assert.StartsWith(problem, p, StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_Limits_NameTheOption()
    {
        Assert.StartsWith("--max-runs", new WebOptions("/tmp/x", MaxRuns: 0).Problem(), StringComparison.Ordinal);
        Assert.StartsWith("--queue", new WebOptions("/tmp/x", QueueCapacity: 0).Problem(), StringComparison.Ordinal);
        Assert.StartsWith("--max-body", new WebOptions("/tmp/x", MaxBodyBytes: 10).Problem(), StringComparison.Ordinal);
        Assert.StartsWith("--port", new WebOptions("/tmp/x", Port: 70000).Problem(), StringComparison.Ordinal);
    }
}
