using System.Text.RegularExpressions;

namespace Peninsula.Web.Tests;

/// <summary>One app for a test class, with one completed job (2021, demand 100 and no conditional commitment, 1000 runs).</summary>
public sealed partial class SharedApp : IAsyncLifetime
{
    private TestApp? _app;

    internal TestApp App => _app ?? throw new InvalidOperationException("not started");

    public string JobId { get; private set; } = "";

    public string ResultsPath { get; private set; } = "";

    /// <summary>Run ids of the job: edited, base, reference.</summary>
    public IReadOnlyList<string> RunIds { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        using var client = App.Client();
        (JobId, ResultsPath) = await TestApp.RunAsync(client, ("demand", "100"), ("conditional", null));
        Assert.Equal($"/results/{JobId}", ResultsPath);
        var html = await client.GetStringAsync(ResultsPath);
        RunIds = [.. RunLink().Matches(html).Select(m => m.Groups[1].Value).Distinct()];
        Assert.Equal(3, RunIds.Count);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [GeneratedRegex("href=\"/runs/([0-9a-f]{64})\"")]
    private static partial Regex RunLink();
}
