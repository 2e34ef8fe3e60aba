using System.Collections.Immutable;
using Peninsula.Charts;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>
/// <c>peninsula sweep</c>: the Cartesian product of the grid's values (packages and levers), each cell run under the
/// same K parameter vectors on common random numbers and stored as its own run; cells already stored are read back
/// instead of simulated. Prints every cell against the base cell, the sensitivity of the headline outcomes to each
/// key and whether the ranking of the swept packages survives the parameter draws.
/// </summary>
public sealed class SweepCommand(IAnsiConsole console) : Command<SweepSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var axes = LeverGrid.Parse(settings.Grid);
        var output = OutputFolder(settings.Out);
        var session = ScenarioSession.Open(settings.Scenario, CliApp.CodeVersion, settings.Calibration);
        var options = settings.ToOptions();
        using var plan = SweepPlan.Build(session, axes, settings.Policy, CliApp.CodeVersion, options.Threads);
        var headline = HeadlineOutcomes.For(options.Months ?? session.Spec.Months);
        var runs = Run(plan, options, headline, CommandLine.Current(), cancellationToken);
        var report = SweepReport.Build(plan, runs, headline);

        var database = Storage.RunStores.Describe(options.Db ?? Path.Combine(Directory.GetCurrentDirectory(), "peninsula.db"));
        SweepRender.Header(console, report, database);
        SweepRender.Cells(console, report);
        SweepRender.Sensitivity(console, report);
        SweepRender.Ranking(console, report);
        if (output is not null)
        {
            Write(output, report);
            console.MarkupLineInterpolated($"[grey]sweep written to {output} (sweep.json, sweep.csv, cells/*.json, sensitivity.png, sensitivity.svg)[/]");
        }
        return 0;
    }

    /// <summary>The tornado chart of every key's swing on every headline outcome.</summary>
    public static ChartImage Chart(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bars = ImmutableArray.CreateBuilder<SensitivityBar>();
        for (var h = 0; h < report.Headline.Length; h++)
        {
            foreach (var s in report.Sensitivity)
            {
                var swing = s.Swings[h];
                bars.Add(new SensitivityBar(SweepRender.Outcome(report, h), s.Key, Math.Clamp(swing.Low, -1, 1), Math.Clamp(swing.High, -1, 1))
                {
                    LowLabel = swing.LowValue,
                    HighLabel = swing.HighValue,
                });
            }
        }
        var data = new SensitivityChartData($"{report.Plan.Session.Spec.Name}: sensitivity of the headline outcomes ({report.Plan.Cells.Length} cells)", bars.ToImmutable())
        {
            ValueLabel = "Change against each key's first value, averaged over the other keys (percentage points)",
            CategoryLabel = "Outcome · grid key",
        };
        var style = ChartStyle.Default with { Height = SensitivityChart.SuggestedHeight(bars.Count, report.Headline.Length) };
        return SensitivityChart.Create(data, style);
    }

    private static void Write(string folder, SweepReport report)
    {
        Directory.CreateDirectory(folder);
        OutputFile.WriteAtomically(Path.Combine(folder, "sweep.json"), SweepJson.Write(report));
        OutputFile.WriteAtomically(Path.Combine(folder, "sweep.csv"), SweepCsv.Write(report));
        // A smaller sweep into the folder of a larger one must not leave the other sweep's cells behind.
        var cellsFolder = Directory.CreateDirectory(Path.Combine(folder, "cells")).FullName;
        var current = report.Cells.Select(c => Path.GetFileName(SweepJson.CellFile(c.Cell.Index))).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(cellsFolder, "????.json").Where(f => !current.Contains(Path.GetFileName(f))))
            File.Delete(stale);
        foreach (var cell in report.Cells)
            OutputFile.WriteAtomically(Path.Combine(folder, SweepJson.CellFile(cell.Cell.Index)), Engine.Output.ForecastJson.Write(cell.Forecast));
        var chart = Chart(report);
        foreach (var format in new[] { ChartFormat.Png, ChartFormat.Svg })
        {
            var target = Path.Combine(folder, format == ChartFormat.Png ? "sensitivity.png" : "sensitivity.svg");
            var temporary = target + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temporary, chart.Render(format));
            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>The --out folder as a full path, checked before anything is simulated.</summary>
    private static string? OutputFolder(string? folder)
    {
        if (folder is null) return null;
        var full = Path.GetFullPath(folder);
        if (File.Exists(full)) throw new UserErrorException($"--out: '{folder}' is a file, not a folder");
        var parent = Path.GetDirectoryName(full);
        if (!Directory.Exists(full) && parent is not null && !Directory.Exists(parent))
            throw new UserErrorException($"--out: folder '{parent}' does not exist");
        return full;
    }

    private ImmutableArray<SweepCellRun> Run(SweepPlan plan, SimulationOptions options, IReadOnlyList<(Core.Outcomes.Event Event, int Window)> headline,
        string commandLine, CancellationToken cancellation)
    {
        if (!console.Profile.Capabilities.Interactive)
            return SweepRunner.Run(plan, options, headline, commandLine, null, cancellation);
        var runs = ImmutableArray<SweepCellRun>.Empty;
        var cells = plan.Cells.Length;
        console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask($"sweep: {cells} cells", maxValue: (double)cells * options.Runs);
            runs = SweepRunner.Run(plan, options, headline, commandLine, cell =>
            {
                task.Description = Markup.Escape($"cell {cell.Index + 1}/{cells}: {cell.Label}");
                var before = (double)cell.Index * options.Runs;
                return new Progress<WorkProgress>(w => task.Value = before + w.Completed);
            }, cancellation);
        });
        return runs;
    }
}
