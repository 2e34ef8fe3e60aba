using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace Peninsula.Web.Tests;

/// <summary>
/// The web app on the ASP.NET test server (no sockets) with its own temporary data folder; clients keep cookies
/// like a browser so the forms' anti-forgery tokens work. Dispose to stop the app and delete the folder.
/// </summary>
internal sealed partial class TestApp : IAsyncDisposable
{
    private readonly bool _ownsFolder;

    private TestApp(WebApplication app, string dataFolder, bool ownsFolder)
    {
        App = app;
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
    }

    public WebApplication App { get; }

    public string DataFolder { get; }

    /// <summary>Starts an app; <paramref name="dataFolder"/> reuses a folder (a restart), else a new temporary one.</summary>
    public static async Task<TestApp> StartAsync(Func<WebOptions, WebOptions>? adjust = null, string? dataFolder = null)
    {
        var folder = dataFolder ?? NewFolder();
        var options = new WebOptions(folder, Threads: 2);
        if (adjust is not null) options = adjust(options);
        var app = WebApp.Build(options, RepoRoot(), b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.ClearProviders();
        });
        await app.StartAsync();
        return new TestApp(app, folder, dataFolder is null);
    }

    /// <summary>A client with its own cookie jar (one "user"); redirects are not followed.</summary>
    public HttpClient Client()
    {
        var handler = new CookieContainerHandler(new CookieContainer()) { InnerHandler = App.GetTestServer().CreateHandler() };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "peninsula-web-test-" + Guid.NewGuid().ToString("N"));

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The anti-forgery form field of a page.</summary>
    public static (string Name, string Value) Token(string html)
    {
        var m = TokenField().Match(html);
        Assert.True(m.Success, "the page has no anti-forgery field");
        return (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
    }

    /// <summary>The lever form of the 2021 scenario as the page fills it (principled diplomacy), with overrides.</summary>
    public static List<KeyValuePair<string, string>> LeverForm((string Name, string Value) token, params (string Key, string? Value)[] overrides)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new(token.Name, token.Value),
            new("base", "principled-diplomacy"), new("message", "on"), new("message_start", "2021-02"),
            new("channels", "new-york"), new("channels", "via-seoul"), new("channels", "third-country"), new("conditional", "on"),
            new("aid", "on"), new("aid_start", "2021-02"), new("aid_level", "0.5"), new("talks", "bottom-up"), new("demand", "40"),
            new("relief_offer", "50"), new("normalization_offer", "40"), new("mediator_coordination", "0.9"), new("engagement", "0.5"),
            new("pressure", "0.3"), new("exercise_scale", "0.7"), new("runs", "1000"), new("seed", "1"),
        };
        foreach (var (key, value) in overrides)
        {
            fields.RemoveAll(f => f.Key == key);
            if (value is not null) fields.Add(new(key, value));
        }
        return fields;
    }

    /// <summary>Submits the 2021 form with overrides; returns the response (a redirect to the job when accepted).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, params (string Key, string? Value)[] overrides)
    {
        var page = await client.GetStringAsync("/scenarios/transition-2021");
        using var content = new FormUrlEncodedContent(LeverForm(Token(page), overrides));
        return await client.PostAsync("/scenarios/transition-2021/run", content);
    }

    /// <summary>Submits and waits until the job has ended; returns the job id and its final location.</summary>
    public static async Task<(string JobId, string Location)> RunAsync(HttpClient client, params (string Key, string? Value)[] overrides)
    {
        using var response = await SubmitAsync(client, overrides);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var job = response.Headers.Location!.ToString();
        var id = job[(job.LastIndexOf('/') + 1)..];
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            using var status = await client.GetAsync(job);
            if (status.StatusCode == HttpStatusCode.Redirect) return (id, status.Headers.Location!.ToString());
            var html = await status.Content.ReadAsStringAsync();
            if (html.Contains("data-state=\"failed\"", StringComparison.Ordinal) || html.Contains("data-state=\"cancelled\"", StringComparison.Ordinal))
                return (id, job);
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id} did not finish");
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsFolder) TryDelete(DataFolder);
    }

    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the OS cleans it eventually
        }
    }

    [GeneratedRegex(@"name=""(__form)"" value=""([^""]*)""")]
    private static partial Regex TokenField();
}
