using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>
/// <c>peninsula compare</c> (also the default verb): every policy package of the scenario on common random
/// numbers, side by side, with paired differences against the reference package.
/// </summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    /// <summary>The headline outcomes: (event, window in months).</summary>
    public static readonly IReadOnlyList<(Outcomes.Event Event, int Window)> Headline =
    [
        (Outcomes.Event.LevelGe5, 12),
        (Outcomes.Event.Level6, 12),
        (Outcomes.Event.LevelGe3, 12),
        (Outcomes.Event.Talks, 48),
        (Outcomes.Event.Summit, 48),
        (Outcomes.Event.Framework, 48),
    ];

    /// <inheritdoc />
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var session = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion, settings.Calibration);
        OutputFile.CheckWritable(settings.Out);
        var policies = session.Spec.Policies.Select(p => p.Id).ToList();
        var runs = new SimulationService(console).RunAll(session, policies, settings, "compare", CommandLine.Current(), cancellationToken);
        var months = runs[0].Result.Request.Months;
        var headline = Headline.Where(h => h.Window <= months).ToList();
        if (headline.Count == 0) headline = [(Outcomes.Event.LevelGe5, months), (Outcomes.Event.Talks, months), (Outcomes.Event.Framework, months)];

        var reference = session.Loaded.ReferencePolicy ?? policies[0];
        var refIndex = policies.IndexOf(reference);
        var differences = new List<PairedDifference>();
        for (var i = 0; i < runs.Count; i++)
        {
            if (i == refIndex) continue;
            foreach (var (ev, w) in headline) differences.Add(Comparison.Paired(runs[i].Result, runs[refIndex].Result, ev, w));
        }

        Render.CompareHeader(console, session, runs[0].Forecast);
        Render.CompareTable(console, session.Spec, runs.Select(r => r.Forecast).ToList(), headline);
        Render.Differences(console, differences, headline);
        if (settings.Out is not null)
        {
            OutputFile.WriteAtomically(settings.Out, ForecastJson.WriteComparison(runs.Select(r => r.Forecast).ToList(), differences));
            console.MarkupLineInterpolated($"[grey]comparison written to {settings.Out}[/]");
        }
        return 0;
    }
}
