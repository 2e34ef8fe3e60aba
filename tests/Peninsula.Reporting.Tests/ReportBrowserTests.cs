using Microsoft.Playwright;

namespace Peninsula.Reporting.Tests;

/// <summary>
/// The report opened offline in headless Chromium (Debian's, driven by Playwright): every chart is rendered with a
/// size, nothing is requested from the network, and a full-page screenshot is kept as a test artefact
/// (TestResults/screenshots/report.png). Skipped with the reason when chromium is missing, except on CI (CI=true).
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportBrowserTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Skipped with the reason when chromium is missing and CI is not set.</summary>
    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (!File.Exists(Chromium) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Skip = $"{Chromium} is not installed (apt-get install chromium); required on CI";
        }
    }

    [ChromiumFact]
    public async Task Report_OpensOfflineInChromium_WithEveryChartVisible()
    {
        Assert.True(fixture.Fresh.ExitCode == 0, fixture.Fresh.Errors);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Offline = true });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith("file:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) requests.Add(r.Url); };
        await page.GotoAsync(new Uri(Path.Combine(fixture.Out, "index.html")).AbsoluteUri);

        var figures = page.Locator("figure svg, figure img");
        var count = await figures.CountAsync();
        Assert.True(count >= 8, $"expected the report's charts, found {count}");
        for (var i = 0; i < count; i++)
        {
            var chart = figures.Nth(i);
            await chart.ScrollIntoViewIfNeededAsync();
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 200, Height: > 100 }, $"chart {i} is not rendered with a size ({box?.Width}×{box?.Height})");
        }
        Assert.Empty(requests);
        var shots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "report.png"), FullPage = true });
    }
}
