using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Peninsula.Web.Bargaining;
using Peninsula.Web.Catalog;
using Peninsula.Web.Endpoints;
using Peninsula.Web.Html;
using Peninsula.Web.Infrastructure;
using Peninsula.Web.Levers;
using Peninsula.Web.Archive;
using Peninsula.Web.Runs;

namespace Peninsula.Web;

/// <summary>
/// Builds the web app: Kestrel on the configured address with the request-size limit, the services (scenario
/// catalogue, edit and job stores, the bounded run queue and its worker, the run archive) and the pages.
/// </summary>
public static class WebApp
{
    /// <summary>Builds the app (not started).</summary>
    /// <param name="options">Address, data folder and limits; must be valid (<see cref="WebOptions.Problem"/>).</param>
    /// <param name="repositoryRoot">Folder holding <c>scenarios/</c> (default: <see cref="RepositoryPaths.Root"/>).</param>
    /// <param name="configure">Last changes to the builder (tests swap in the test server or quieten logging).</param>
    /// <exception cref="ArgumentException">The options are invalid (the message names the option).</exception>
    public static WebApplication Build(WebOptions options, string? repositoryRoot = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var root = repositoryRoot ?? RepositoryPaths.Root();
        var data = new DataFolder(options.DataFolder);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(WebApp).Assembly.GetName().Name,
            ContentRootPath = data.Root,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Listen(options.Address(), options.Port);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // 'serve' prints its own start line; key-storage and antiforgery cache notes are not for the analyst.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Antiforgery", LogLevel.Error);
        // A failed start (port in use) reaches 'serve' as an exception it reports in one line; no stack trace here.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddFilter("Peninsula", LogLevel.Information);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new ScenarioCatalog(Path.Combine(root, "scenarios"), Cli.CodeVersion.Current));
        services.AddSingleton(new IssueSpaceCatalog(Path.Combine(root, "scenarios", "bargaining")));
        services.AddSingleton(new EditStore(data, Path.Combine(root, "scenarios")));
        services.AddSingleton<JobStore>();
        services.AddSingleton(new JobChannel(options.QueueCapacity));
        services.AddSingleton<JobSubmission>();
        services.AddSingleton<RunArchive>();
        services.AddSingleton<PageCache>();
        services.AddMemoryCache(cache => cache.SizeLimit = 2000);
        services.AddHostedService<RunWorker>();
        // Form tokens stay valid across restarts: their keys live in the data folder, not in the user's home.
        services.AddDataProtection().SetApplicationName("peninsula-web").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.Root, "keys")));
        services.AddAntiforgery(af =>
        {
            af.Cookie.Name = "peninsula-form";
            af.FormFieldName = "__form";
            af.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<FormOptions>(form =>
        {
            // Field lengths are checked (with field names) when a form is read; here only the body size counts, so an
            // oversized body is refused as such (413) however it is shaped.
            var limit = (int)Math.Min(options.MaxBodyBytes, int.MaxValue);
            form.ValueCountLimit = WebOptions.MaxFormFields;
            form.KeyLengthLimit = limit;
            form.ValueLengthLimit = limit;
            form.MultipartBodyLengthLimit = options.MaxBodyBytes;
        });
        if (!options.Public)
        {
            // Only loopback names: a page on another site cannot reach the app through a rebound DNS name.
            services.AddHostFiltering(h => h.AllowedHosts = ["localhost", "127.0.0.1", "[::1]"]);
        }
        configure?.Invoke(builder);

        var app = builder.Build();
        // Load the scenarios while nobody waits for them (the first page would otherwise take a few seconds).
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => app.Services.GetRequiredService<ScenarioCatalog>().Entries));
        if (!options.Public) app.UseHostFiltering();
        app.UseMiddleware<Guards>();
        ScenarioEndpoints.Map(app);
        JobEndpoints.Map(app);
        ResultEndpoints.Map(app);
        BargainingEndpoints.Map(app);
        app.MapGet("/health", () => Results.Text("ok\n", "text/plain"));
        app.MapFallback((HttpContext context) => HtmlResults.Page(Layout.Message("Not found", $"Nothing here: {context.Request.Path}"), StatusCodes.Status404NotFound));
        return app;
    }

    /// <summary>The addresses the started app listens on (e.g. <c>http://127.0.0.1:5088</c>).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetService(typeof(IServer)) is IServer server && server.Features.Get<IServerAddressesFeature>() is { } f ? f.Addresses : []];
    }
}
