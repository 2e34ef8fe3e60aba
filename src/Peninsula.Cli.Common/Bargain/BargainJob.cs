using System.Globalization;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Zone;
using Peninsula.Cli.Infrastructure;
using Peninsula.Storage;
using Spectre.Console;

namespace Peninsula.Cli.Bargain;

/// <summary>
/// <c>peninsula bargain</c>: reads an issue space, runs a bargaining model (and its Monte Carlo sensitivity),
/// prints the trajectory and forecast, writes the JSON atomically and stores the run. Both entry points (the
/// managed CLI and the natively compiled <c>peninsula-bargain</c>) call this one implementation.
/// </summary>
public static class BargainJob
{
    /// <summary>Runs the job; returns the exit code (0).</summary>
    /// <param name="options">Validated options (<see cref="BargainOptions.Problem"/> is null).</param>
    /// <param name="console">Where the tables go.</param>
    /// <param name="commandLine">The command line as typed, stored with the run.</param>
    /// <exception cref="UserErrorException">The file is missing, unreadable or invalid, or the output folder does not exist.</exception>
    public static int Execute(BargainOptions options, IAnsiConsole console, string commandLine)
    {
        OutputFile.CheckWritable(options.Out);
        var space = Read(options.File);
        var model = BargainingModels.Create(options.Model) ?? throw new UserErrorException(options.Problem() ?? $"--model: unknown model '{options.Model}'");
        var result = model.Run(space);
        SensitivitySummary? sensitivity = options.Perturb is { } spread
            ? Sensitivity.Run(model, space, spread, options.Runs, options.Seed, Environment.ProcessorCount)
            : null;
        Render(console, space, result, sensitivity);
        var json = BargainingJson.Write(space, result, sensitivity);
        if (options.Out is not null)
        {
            OutputFile.WriteAtomically(options.Out, json);
            console.MarkupLineInterpolated($"[grey]written to {options.Out}[/]");
        }
        if (!options.NoDb)
        {
            var text = File.ReadAllText(options.File);
            var runId = Hashing.Sha256(string.Join('\n', text, options.Model, options.Perturb?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
                options.Runs.ToString(CultureInfo.InvariantCulture), options.Seed.ToString(CultureInfo.InvariantCulture), CodeVersion.Current));
            using var store = RunStores.Open(options.Db ?? Path.Combine(Directory.GetCurrentDirectory(), "peninsula.db"));
            store.EnsureRun(new RunManifest(runId, "bargain", space.Name, Hashing.Sha256(text), text, options.Model, options.Seed,
                options.Perturb is null ? 1 : options.Runs, result.Turns, 1, 1, CodeVersion.Current, commandLine));
            store.CompleteRun(runId, json);
            console.MarkupLineInterpolated($"[grey]stored as run {runId[..12]}[/]");
        }
        return 0;
    }

    /// <summary>Reads an issue space by file type; any problem is a one-line user error.</summary>
    /// <exception cref="UserErrorException">Missing file, unknown format, or invalid content (file, line, field).</exception>
    public static IssueSpace Read(string file)
    {
        if (!File.Exists(file)) throw new UserErrorException($"{file}: file not found");
        try
        {
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is ".yaml" or ".yml") return BargainingYamlReader.ReadFile(file);
            if (ext == ".xml") return KtabXmlReader.ReadFile(file);
            if (ext == ".csv")
            {
                var first = File.ReadLines(file).FirstOrDefault() ?? "";
                return first.StartsWith("Actor,", StringComparison.Ordinal) ? BdmCsvReader.ReadFile(file) : KtabCsvReader.ReadFile(file);
            }
            throw new UserErrorException($"{Path.GetFileName(file)}: unknown issue-space format '{ext}' (expected .csv, .xml, .yaml)");
        }
        catch (BargainingInputException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    private static void Render(IAnsiConsole console, IssueSpace space, BargainingResult result, SensitivitySummary? sensitivity)
    {
        static string F(double x) => x.ToString("0.00", CultureInfo.InvariantCulture);
        console.Write(new Rule($"[bold]{Markup.Escape(space.Name)}[/] · {result.Model} · {space.ActorCount} stakeholders · {space.DimensionCount} dimensions · {result.Turns} turns").LeftJustified());
        for (var d = 0; d < space.DimensionCount; d++)
        {
            var table = new Table().Border(TableBorder.Simple).Title($"{Markup.Escape(space.Dimensions[d])}: position by turn");
            table.AddColumn("turn");
            foreach (var a in space.Stakeholders) table.AddColumn(new TableColumn(Markup.Escape(a.Name)).RightAligned());
            for (var t = 0; t < result.Trajectory.Length; t++)
            {
                if (result.Trajectory.Length > 16 && t > 5 && t < result.Trajectory.Length - 5 && t % 5 != 0) continue;
                var row = new string[space.ActorCount + 1];
                row[0] = t.ToString(CultureInfo.InvariantCulture);
                for (var a = 0; a < space.ActorCount; a++) row[a + 1] = F(result.Trajectory[t][a][d]);
                table.AddRow(row);
            }
            console.Write(table);
        }
        var forecast = new Table().Border(TableBorder.Rounded).Title("Forecast");
        forecast.AddColumn("dimension");
        forecast.AddColumn(new TableColumn("outcome").RightAligned());
        if (sensitivity is not null)
        {
            forecast.AddColumn(new TableColumn("perturbed mean ± sd").RightAligned());
            forecast.AddColumn(new TableColumn("5% – 50% – 95%").RightAligned());
        }
        for (var d = 0; d < space.DimensionCount; d++)
        {
            var row = new List<string> { Markup.Escape(space.Dimensions[d]), F(result.Forecast[d]) };
            if (sensitivity is not null)
            {
                var s = sensitivity.Dimensions[d];
                row.Add($"{F(s.Mean)} ± {F(s.Sd)}");
                row.Add($"{F(s.Q05)} – {F(s.Q50)} – {F(s.Q95)}");
            }
            forecast.AddRow(row.ToArray());
        }
        console.Write(forecast);
        foreach (var note in result.Notes) console.MarkupLineInterpolated($"[grey]{note}[/]");
    }
}
