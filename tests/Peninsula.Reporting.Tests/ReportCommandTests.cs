using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Peninsula.Cli;
using Spectre.Console.Testing;

namespace Peninsula.Reporting.Tests;

/// <summary>One small report of the 2021 transition and its rebuild from the database, made once for the tests below.</summary>
public sealed class ReportFixture : IDisposable
{
    public ReportFixture()
    {
        TestData.UseRepository();
        Db = TestData.TempPath(".db");
        Out = TestData.TempPath("-report");
        Fresh = ReportCommandTests.Run("report", TestData.Scenario("transition-2021.yaml"), "--runs", "600", "--draws", "12", "--months", "24", "--seed", "3",
            "--db", Db, "--out", Out);
        RunId = Regex.Match(File.ReadAllText(Path.Combine(Out, "index.html")), "<code>([0-9a-f]{64})</code>").Groups[1].Value;
        Rebuilt = TestData.TempPath("-rebuilt");
        FromDb = ReportCommandTests.Run("report", "--from-db", RunId[..10], "--db", Db, "--out", Rebuilt);
    }

    public string Db { get; }
    public string Out { get; }
    public string Rebuilt { get; }
    public string RunId { get; }
    public ReportCommandTests.Outcome Fresh { get; }
    public ReportCommandTests.Outcome FromDb { get; }

    public void Dispose()
    {
        foreach (var d in new[] { Out, Rebuilt }) if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
        foreach (var f in new[] { Db, Db + "-wal", Db + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}

public sealed class ReportCommandTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    public sealed record Outcome(int ExitCode, string Output, string Errors);

    public static Outcome Run(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var errors = new StringWriter();
        var code = CliApp.Run(args, console, errors);
        return new Outcome(code, console.Output, errors.ToString());
    }

    private string Page => File.ReadAllText(Path.Combine(fixture.Out, "index.html"));

    [Fact]
    public void Report_Scenario_SucceedsAndWritesPageChartsAndJson()
    {
        Assert.True(fixture.Fresh.ExitCode == 0, fixture.Fresh.Errors);
        Assert.True(File.Exists(Path.Combine(fixture.Out, "index.html")));
        var (forecasts, differences) = ForecastJsonReader.ReadComparison(File.ReadAllText(Path.Combine(fixture.Out, "forecast.json")), "forecast.json");
        Assert.Equal(5, forecasts.Length);
        Assert.Equal(600, forecasts[0].Runs);
        Assert.NotEmpty(differences);
        var charts = Directory.GetFiles(Path.Combine(fixture.Out, "charts"));
        var svgs = charts.Where(c => c.EndsWith(".svg", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        var pngs = charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(svgs, pngs);
        Assert.All(charts.Where(c => c.EndsWith(".png", StringComparison.Ordinal)), c => Assert.Equal(0x89, File.ReadAllBytes(c)[0]));
        // No temporary folder is left beside the report.
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(fixture.Out)!, "." + Path.GetFileName(fixture.Out) + ".*"));
    }

    [Fact]
    public void Page_ParsesAsXmlEverySvgWellFormedNoScriptsNoLinksOut()
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(Page), settings);
        var doc = XDocument.Load(reader);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.True(doc.Descendants(svg + "svg").Count() >= 15);
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "script" or "link" or "iframe" or "img" or "object" or "embed");
        Assert.All(doc.Descendants().Attributes().Where(a => a.Name.LocalName is "href" or "src"), a => Assert.StartsWith("#", a.Value, StringComparison.Ordinal));
        // The only http in the page is the SVG namespace.
        var http = Regex.Matches(Page, "http[^\"\\s<]*").Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], http);
        // Ids are unique across the inlined charts.
        var ids = doc.Descendants().Attributes("id").Select(a => a.Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Page_HasHeaderHeadlineTableEveryChartParametersTrackRecordAndReproduce()
    {
        var page = Page;
        Assert.Contains("<h1>transition-2021</h1>", page, StringComparison.Ordinal);
        Assert.Contains("The question.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"headline-table\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"differences-table\"", page, StringComparison.Ordinal);
        foreach (var chart in Directory.GetFiles(Path.Combine(fixture.Out, "charts"), "*.svg"))
            Assert.Contains($"id=\"chart-{Path.GetFileNameWithoutExtension(chart)}\"", page, StringComparison.Ordinal);
        foreach (var id in new[] { "headline", "differences", "cumulative-level5", "fan-principled-diplomacy", "phases-strategic-patience", "paths", "history", "backtest-reliability", "backtest-skill" })
            Assert.Contains($"id=\"chart-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains(">se (bootstrap)</th>", page, StringComparison.Ordinal);
        Assert.Contains(">se (Hessian)</th>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"parameter-table\"", page, StringComparison.Ordinal);
        Assert.Contains("<code>ladder.alpha.5</code>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"backtest-table\"", page, StringComparison.Ordinal);
        Assert.Contains("docs/backtest-ordered-cr.json", page, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"seed\">3</strong>", page, StringComparison.Ordinal);
        Assert.Contains("--runs 600 --draws 12 --months 24 --seed 3 --calibration calibrations/2020-12.json", page, StringComparison.Ordinal);
        Assert.Contains("--from-db", page, StringComparison.Ordinal);
        Assert.Matches("<pre id=\"command\">peninsula report .*transition-2021.yaml --runs 600", page);
    }

    [Fact]
    public void Page_NoHindsight_RecordEndsAtTheCutoff()
    {
        var page = Page;
        Assert.Contains("The record 1990-01–2020-12", page, StringComparison.Ordinal);
        // The historical chart stops at the cutoff: no 2021 tick, no administration that began later.
        var start = page.IndexOf("id=\"chart-history\"", StringComparison.Ordinal);
        var figure = page[start..page.IndexOf("</figure>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("Biden", figure, StringComparison.Ordinal);
        Assert.DoesNotMatch(@">\s*2021\s*<", figure);
        Assert.Matches(@">\s*2020\s*<", figure);
    }

    [Fact]
    public void FromDb_SameHeadlineNumbersSameJsonWithoutSimulating()
    {
        Assert.True(fixture.FromDb.ExitCode == 0, fixture.FromDb.Errors);
        var rebuilt = File.ReadAllText(Path.Combine(fixture.Rebuilt, "index.html"));
        static string Table(string page, string id)
        {
            var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
            return page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        }
        Assert.Equal(Table(Page, "headline-table"), Table(rebuilt, "headline-table"));
        Assert.Equal(Table(Page, "differences-table"), Table(rebuilt, "differences-table"));
        Assert.Equal(File.ReadAllText(Path.Combine(fixture.Out, "forecast.json")), File.ReadAllText(Path.Combine(fixture.Rebuilt, "forecast.json")));
        Assert.Contains("byte for byte for 5 of 5 runs.", rebuilt, StringComparison.Ordinal);
        // Every chart is the same, in its file and on the page.
        foreach (var svg in Directory.GetFiles(Path.Combine(fixture.Out, "charts"), "*.svg"))
            Assert.Equal(File.ReadAllText(svg), File.ReadAllText(Path.Combine(fixture.Rebuilt, "charts", Path.GetFileName(svg))));
        static string Figures(string page) => string.Concat(Regex.Matches(page, "<figure.*?</figure>", RegexOptions.Singleline).Select(m => m.Value));
        Assert.Equal(Figures(Page), Figures(rebuilt));
        Assert.Contains("Rebuilt from 5 stored run(s)", rebuilt, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"seed\">3</strong>", rebuilt, StringComparison.Ordinal);
        Assert.Contains("--runs 600 --draws 12 --months 24 --seed 3", rebuilt, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RerunIntoItsOwnFolder_ReplacesIt()
    {
        var r = Run("report", "--from-db", fixture.RunId, "--db", fixture.Db, "--out", fixture.Rebuilt);
        Assert.True(r.ExitCode == 0, r.Errors);
        Assert.True(File.Exists(Path.Combine(fixture.Rebuilt, "index.html")));
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["report", "--from-db", "0123456789abcdef", "--db", "DB", "--out", "OUT"], "no run '0123456789abcdef'" },
        { ["report", "--from-db", "0123456789abcdef", "--db", "/nonexistent/x.db", "--out", "OUT"], "database '/nonexistent/x.db' not found" },
        { ["report", "--from-db", "xyz", "--out", "OUT"], "--from-db: 'xyz' is not a run id" },
        { ["report", "no-such-scenario.yaml", "--no-db", "--out", "OUT"], "no-such-scenario.yaml" },
        { ["report", "--no-db", "--out", "/nonexistent-parent/report"], "--out: folder '/nonexistent-parent' does not exist" },
        { ["report", "--no-db"], "--out is required" },
        { ["report", "SCENARIO", "--from-db", "0123456789abcdef", "--out", "OUT"], "not both" },
        { ["report", "--from-db", "0123456789abcdef", "--runs", "5", "--out", "OUT"], "--runs cannot be used with --from-db" },
        { ["report", "--runs", "0", "--no-db", "--out", "OUT"], "--runs must be at least 1" },
        { ["report", "--no-db", "--out", "NOTREPORT"], "does not hold a Peninsula report" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void BadInput_OneLineErrorNamingTheProblemNonZeroExit(string[] args, string expected)
    {
        var notReport = TestData.TempPath("-other");
        Directory.CreateDirectory(notReport);
        File.WriteAllText(Path.Combine(notReport, "notes.txt"), "mine");
        var map = new Dictionary<string, string>
        {
            ["DB"] = fixture.Db,
            ["OUT"] = TestData.TempPath("-bad"),
            ["NOTREPORT"] = notReport,
            ["SCENARIO"] = TestData.Scenario("transition-2021.yaml"),
        };
        try
        {
            var r = Run([.. args.Select(a => map.GetValueOrDefault(a, a))]);
            Assert.NotEqual(0, r.ExitCode);
            var lines = r.Errors.TrimEnd().Split('\n');
            Assert.Single(lines);
            Assert.Contains(expected, lines[0], StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", r.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", r.Errors, StringComparison.Ordinal);
            Assert.False(Directory.Exists(map["OUT"]));
            Assert.True(File.Exists(Path.Combine(notReport, "notes.txt")));
        }
        finally
        {
            Directory.Delete(notReport, recursive: true);
        }
    }
}
