using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Peninsula.Cli.Infrastructure;
using Peninsula.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary><c>peninsula serve</c>: the local web app (scenario levers, runs, results, stored runs, bargaining) until Ctrl+C.</summary>
public sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        if (options.Problem() is { } problem) throw new UserErrorException(problem);
        var app = WebApp.Build(options);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
            var addresses = WebApp.Addresses(app);
            var address = addresses.Count > 0 ? addresses[0] : $"http://{options.Host}:{options.Port}";
            console.MarkupLineInterpolated($"[bold]Peninsula[/] serving on [link]{address}[/]  (Ctrl+C stops)");
            console.MarkupLineInterpolated(
                $"[grey]data: {options.DataFolder} · at most {options.MaxRuns:#,0} runs per package · queue {options.QueueCapacity} · request bodies up to {options.MaxBodyBytes:#,0} bytes[/]");
            app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }
}

/// <summary>Options of <c>serve</c>.</summary>
public sealed class ServeSettings : CommandSettings
{
    [CommandOption("--port <P>")]
    [Description("TCP port (default 5088; 0 picks a free one).")]
    [DefaultValue(WebOptions.DefaultPort)]
    public int Port { get; init; } = WebOptions.DefaultPort;

    [CommandOption("--host <ADDRESS>")]
    [Description("Address to listen on (default 127.0.0.1). A non-loopback address needs --public.")]
    [DefaultValue(WebOptions.DefaultHost)]
    public string Host { get; init; } = WebOptions.DefaultHost;

    [CommandOption("--public")]
    [Description("Allow a non-loopback --host. The app has no accounts: anyone who reaches the port can start runs.")]
    public bool Public { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Folder for the run database, edited scenarios and job records (default: .peninsula-web in the repository). Stored runs survive restarts.")]
    public string? Data { get; init; }

    [CommandOption("--max-runs <N>")]
    [Description("Most Monte Carlo runs per package one request may ask for (default 200000).")]
    [DefaultValue(WebOptions.DefaultMaxRuns)]
    public int MaxRuns { get; init; } = WebOptions.DefaultMaxRuns;

    [CommandOption("--queue <N>")]
    [Description("Jobs that may wait for the simulation worker; further submissions are refused (default 8).")]
    [DefaultValue(WebOptions.DefaultQueueCapacity)]
    public int Queue { get; init; } = WebOptions.DefaultQueueCapacity;

    [CommandOption("--max-body <BYTES>")]
    [Description("Largest request body accepted (default 1048576); larger requests get 413 with a message.")]
    [DefaultValue(WebOptions.DefaultMaxBodyBytes)]
    public long MaxBody { get; init; } = WebOptions.DefaultMaxBodyBytes;

    [CommandOption("--threads <T>")]
    [Description("Worker threads per simulation (default: all cores). Does not change results.")]
    public int? Threads { get; init; }

    /// <summary>The options as the web app takes them.</summary>
    public WebOptions ToOptions() =>
        new(Data ?? WebOptions.DefaultDataFolder(RepositoryPaths.Root()), Host, Port, Public, MaxRuns, Queue, MaxBody, Threads);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        ToOptions().Problem() is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}
