using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Peninsula.Scenarios;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Tests;

/// <summary>HTTP-level tests of the whole app on the ASP.NET test server.</summary>
public sealed class WebAppTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/scenarios/transition-2021")]
    [InlineData("/scenarios/transition-2017?base=maximum-pressure")]
    [InlineData("/runs")]
    [InlineData("/bargaining")]
    [InlineData("/bargaining?space=transition-2021-arms-control-first&model=compromise")]
    [InlineData("/health")]
    public async Task Page_Get_Returns200(string path)
    {
        using var client = shared.App.Client();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ResultPages_CompletedJob_Return200WithChartsAndTables()
    {
        using var client = shared.App.Client();
        var results = await client.GetStringAsync(shared.ResultsPath);
        Assert.Contains("id=\"outcomes\"", results, StringComparison.Ordinal);
        Assert.Contains("id=\"differences\"", results, StringComparison.Ordinal);
        Assert.Contains("<svg", results, StringComparison.Ordinal);
        Assert.Contains("Demand level", results, StringComparison.Ordinal);
        Assert.Contains("Conditional commitment", results, StringComparison.Ordinal);
        foreach (var path in new[]
        {
            $"/jobs/{shared.JobId}", $"/runs/{shared.RunIds[0]}", $"/compare?a={shared.RunIds[0]}&b={shared.RunIds[1]}",
            $"/results/{shared.JobId}/monthly.csv", $"/results/{shared.JobId}/outcomes.csv", $"/results/{shared.JobId}/scenario.yaml",
            $"/runs/{shared.RunIds[1]}/forecast.json", $"/runs/{shared.RunIds[1]}/monthly.csv", $"/runs/{shared.RunIds[1]}/outcomes.csv",
            $"/runs?a={shared.RunIds[0]}",
        })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task ComparisonJson_Download_ParsesWithEveryPackageAndPairedDifferences()
    {
        using var client = shared.App.Client();
        using var response = await client.GetAsync($"/results/{shared.JobId}/comparison.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var policies = doc.RootElement.GetProperty("forecasts").EnumerateArray().Select(f => f.GetProperty("policy").GetString()).ToList();
        Assert.Equal(["custom", "principled-diplomacy", "strategic-patience"], policies);
        Assert.True(doc.RootElement.GetProperty("paired_differences").GetArrayLength() > 0);
    }

    [Fact]
    public async Task MonthlyCsv_Download_HasHeaderAndOneRowPerPackageMonth()
    {
        using var client = shared.App.Client();
        var csv = await client.GetStringAsync($"/results/{shared.JobId}/monthly.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("policy,month,p_level0,", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 3 * 48, lines.Length);
    }

    [Fact]
    public async Task EditedScenario_Download_LoadsWithTheCustomPackage()
    {
        using var client = shared.App.Client();
        var yaml = await client.GetStringAsync($"/results/{shared.JobId}/scenario.yaml");
        Assert.Contains("custom:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(shared.App.DataFolder, yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs", "0", "--runs must be at least 1 (got 0)")]
    [InlineData("runs", "abc", "Failed to convert 'abc' to Int32.")]
    [InlineData("seed", "-1", "Failed to convert '-1' to UInt64.")]
    [InlineData("runs", "300000", "--runs must be at most 200000 on this server (got 300000)")]
    public async Task Submit_BadRunsOrSeed_RefusedWithTheCliMessage(string field, string value, string message)
    {
        using var client = shared.App.Client();
        using var response = await TestApp.SubmitAsync(client, (field, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("demand", "150", "policies.custom.demand")]
    [InlineData("message_start", "2021-13", "policies.custom.message.start")]
    [InlineData("aid_level", "lots", "policies.custom.aid.level")]
    [InlineData("channels", "carrier-pigeon", "policies.custom.message.channels")]
    public async Task Submit_InvalidLever_ShowsTheScenarioLoadersLine(string field, string value, string path)
    {
        using var client = shared.App.Client();
        using var response = await TestApp.SubmitAsync(client, (field, value));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // The same edit loaded the way 'peninsula validate' loads a file gives the same message (the line number
        // depends on how long the generated description is).
        var expected = LoaderLines(field, value).Single(l => l.Contains(path, StringComparison.Ordinal));
        var pattern = @"transition-2021\.yaml:\d+: " + System.Text.RegularExpressions.Regex.Escape(expected[(expected.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
        Assert.Matches(pattern, html);
    }

    [Fact]
    public async Task RequestBody_10MB_Refused413WithAClearMessage()
    {
        using var client = shared.App.Client();
        using var content = new ByteArrayContent(new byte[10 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var response = await client.PostAsync("/scenarios/transition-2021/run", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Request body too large: 10485760 bytes", text, StringComparison.Ordinal);
        Assert.Contains("at most 1048576 bytes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsPages_200ConcurrentRequests_AllSucceed()
    {
        using var client = shared.App.Client();
        var paths = new[] { shared.ResultsPath, $"/runs/{shared.RunIds[0]}", $"/compare?a={shared.RunIds[0]}&b={shared.RunIds[2]}", $"/results/{shared.JobId}/comparison.json" };
        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await client.GetAsync(paths[i % paths.Length]);
            return response.StatusCode;
        });
        var codes = await Task.WhenAll(tasks);
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
    }

    [Theory]
    [InlineData("/runs/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/runs/%2e%2e%2f%2e%2e%2fetc%2fpasswd/forecast.json")]
    [InlineData("/results/..%2Fjobs/scenario.yaml")]
    [InlineData("/results/0123456789abcdef0123456789abcdef/scenario.yaml")]
    [InlineData("/scenarios/..%2Fbase")]
    [InlineData("/scenarios/%2Fetc%2Fpasswd")]
    [InlineData("/jobs/..%2F..%2Fpeninsula.db")]
    [InlineData("/compare?a=../../etc/passwd&b=../peninsula.db")]
    [InlineData("/bargaining?space=../../etc/passwd")]
    public async Task PathFromRequest_NeverReachesAFile(string path)
    {
        using var client = shared.App.Client();
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format", body, StringComparison.Ordinal);
        if (path.StartsWith("/bargaining", StringComparison.Ordinal))
            Assert.Contains("transition-2021.yaml", body, StringComparison.Ordinal); // unknown id: the default issue space
        else
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path}: {response.StatusCode}");
    }

    [Fact]
    public async Task UnsavedEdits_OfOneUser_AreNotSeenByAnother()
    {
        using var alice = shared.App.Client();
        using var bob = shared.App.Client();
        using var refused = await TestApp.SubmitAsync(alice, ("demand", "73.5"), ("relief_offer", "150"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("value=\"73.5\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bobsForm = await bob.GetStringAsync("/scenarios/transition-2021");
        Assert.DoesNotContain("73.5", bobsForm, StringComparison.Ordinal);
        Assert.Contains("id=\"demand\" name=\"demand\" value=\"40\"", bobsForm, StringComparison.Ordinal);
        var bobsHistory = await bob.GetStringAsync("/runs");
        Assert.DoesNotContain("73.5", bobsHistory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WithoutTheFormToken_Refused()
    {
        using var client = shared.App.Client();
        using var content = new FormUrlEncodedContent(TestApp.LeverForm(("__form", "forged")));
        using var response = await client.PostAsync("/scenarios/transition-2021/run", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reload the page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithAForeignHostName_Refused()
    {
        using var client = shared.App.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "attacker.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_SendAContentSecurityPolicyThatLoadsNothingFromElsewhere()
    {
        using var client = shared.App.Client();
        using var response = await client.GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownScenario_404WithTheIdEncoded()
    {
        using var client = shared.App.Client();
        using var response = await client.GetAsync("/scenarios/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bargaining_EditedPositions_RunTheModel()
    {
        using var client = shared.App.Client();
        var page = await client.GetStringAsync("/bargaining");
        var token = TestApp.Token(page);
        var fields = new List<KeyValuePair<string, string>> { new(token.Name, token.Value), new("space", "transition-2021"), new("model", "compromise") };
        for (var a = 0; a < 7; a++)
            for (var d = 0; d < 3; d++) fields.Add(new($"pos_{a}_{d}", a == 0 && d == 0 ? "40" : "50"));
        using var ok = await client.PostAsync("/bargaining", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var html = await ok.Content.ReadAsStringAsync();
        Assert.Contains("id=\"bargaining-forecast\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"40\"", html, StringComparison.Ordinal);

        fields[3] = new("pos_0_0", "150");
        using var bad = await client.PostAsync("/bargaining", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Matches(@"transition-2021\.yaml:\d+: bargaining\.stakeholders\.USA-executive\.position\[\d\]: position 150 is outside 0-100", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task History_ListsTheStoredRunsAndTheJob()
    {
        using var client = shared.App.Client();
        var html = await client.GetStringAsync("/runs");
        foreach (var id in shared.RunIds) Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.Contains($"/results/{shared.JobId}", html, StringComparison.Ordinal);
    }

    /// <summary>The scenario loader's lines for the 2021 scenario with one lever of principled diplomacy changed.</summary>
    private static IReadOnlyList<string> LoaderLines(string field, string value)
    {
        var root = Path.Combine(TestApp.RepoRoot(), "scenarios");
        var document = ScenarioDocument.Load(root, Path.Combine(root, "transition-2021.yaml"))!;
        var levers = document.LeversOf("principled-diplomacy", Core.Month.Parse("2021-01"));
        levers = field switch
        {
            "demand" => levers with { Demand = value },
            "message_start" => levers with { MessageStart = value },
            "aid_level" => levers with { AidLevel = value },
            "channels" => levers with { Channels = [value] },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        var folder = TestApp.NewFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "bargaining"));
            File.Copy(Path.Combine(root, "base.yaml"), Path.Combine(folder, "base.yaml"));
            File.Copy(Path.Combine(root, "bargaining", "transition-2021.yaml"), Path.Combine(folder, "bargaining", "transition-2021.yaml"));
            File.WriteAllText(Path.Combine(folder, "transition-2021.yaml"), document.WithPolicy("custom", "Edited from Principled diplomacy (the article's recommendation)",
                "unused", "principled-diplomacy", levers));
            return [.. ScenarioLoader.Load(Path.Combine(folder, "transition-2021.yaml")).Errors.Select(e => e.ToString())];
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }
}
