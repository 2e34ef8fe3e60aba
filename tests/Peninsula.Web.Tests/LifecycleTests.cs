using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Peninsula.Web.Tests;

/// <summary>Runs survive a restart; a running job can be cancelled; the queue refuses what does not fit.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task StoredRuns_SurviveARestart()
    {
        var folder = TestApp.NewFolder();
        try
        {
            string jobId;
            await using (var first = await TestApp.StartAsync(dataFolder: folder))
            {
                using var client = first.Client();
                (jobId, var location) = await TestApp.RunAsync(client, ("talks", "top-down"));
                Assert.Equal($"/results/{jobId}", location);
            }
            await using var second = await TestApp.StartAsync(dataFolder: folder);
            using var again = second.Client();
            using var results = await again.GetAsync($"/results/{jobId}");
            Assert.Equal(HttpStatusCode.OK, results.StatusCode);
            Assert.Contains("Talks approach", await results.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var history = await again.GetStringAsync("/runs");
            Assert.Contains($"/results/{jobId}", history, StringComparison.Ordinal);
        }
        finally
        {
            TestApp.TryDelete(folder);
        }
    }

    [Fact]
    public async Task RunningJob_Cancel_StopsItAndSaysSo()
    {
        await using var app = await TestApp.StartAsync(o => o with { Threads = 1 });
        using var client = app.Client();
        using var submitted = await TestApp.SubmitAsync(client, ("runs", "200000"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var job = submitted.Headers.Location!.ToString();
        var page = await client.GetStringAsync(job);
        Assert.Contains("id=\"progress\"", page, StringComparison.Ordinal);
        using var cancel = await client.PostAsync(job + "/cancel", new FormUrlEncodedContent([new(TestApp.Token(page).Name, TestApp.Token(page).Value)]));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string status;
        do
        {
            await Task.Delay(100);
            status = await client.GetStringAsync(job);
        }
        while (!status.Contains("data-state=\"cancelled\"", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        Assert.Contains("data-state=\"cancelled\"", status, StringComparison.Ordinal);
        Assert.Contains("Back to the form with these levers", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_10MBBodyWithAndWithoutLength_Refused413WithAClearMessage()
    {
        var folder = TestApp.NewFolder();
        var app = WebApp.Build(new WebOptions(folder, Port: 0), TestApp.RepoRoot(), b => b.Logging.ClearProviders());
        try
        {
            await app.StartAsync();
            using var client = new HttpClient { BaseAddress = new Uri(WebApp.Addresses(app)[0]) };
            foreach (var chunked in new[] { false, true })
            {
                using var body = new MemoryStream(new byte[10 * 1024 * 1024]);
                using HttpContent content = chunked ? new StreamContent(body) : new ByteArrayContent(body.ToArray());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                if (chunked) content.Headers.ContentLength = null;
                using var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios/transition-2021/run") { Content = content };
                request.Headers.TransferEncodingChunked = chunked;
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                Assert.Contains("Request body too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            TestApp.TryDelete(folder);
        }
    }
}
