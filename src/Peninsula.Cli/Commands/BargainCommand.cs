using System.ComponentModel;
using System.Globalization;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Zone;
using Peninsula.Cli.Infrastructure;
using Peninsula.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>bargain</c>.</summary>
public sealed class BargainSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Issue space: KTAB CSV (input.csv), KTAB XML, the BDM actors CSV, or YAML with a 'bargaining:' block.")]
    public string File { get; init; } = "";

    [CommandOption("--model <M>")]
    [Description("compromise, median, nash, bdm or smp (default smp, the KTAB-compatible Spatial Model of Politics).")]
    [DefaultValue("smp")]
    public string Model { get; init; } = "smp";

    [CommandOption("--perturb <SPREAD>")]
    [Description("Monte Carlo sensitivity: perturb positions, saliences and capabilities by this spread (0-100 scale).")]
    public double? Perturb { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Perturbation runs (default 200).")]
    [DefaultValue(200)]
    public int Runs { get; init; } = 200;

    [CommandOption("--seed <S>")]
    [Description("Seed of the perturbations (default 1).")]
    [DefaultValue(1UL)]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--out <FILE>")]
    [Description("Write the trajectory, forecast and sensitivity as JSON.")]
    public string? Out { get; init; }

    [CommandOption("--db <FILE>")]
    [Description("SQLite database for the run (default: peninsula.db in the working directory).")]
    public string? Db { get; init; }

    [CommandOption("--no-db")]
    [Description("Do not store the run.")]
    public bool NoDb { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (BargainingModels.Create(Model) is null) return ValidationResult.Error($"--model: unknown model '{Model}' (known: {string.Join(", ", BargainingModels.Ids)})");
        if (Perturb is { } p && (p <= 0 || p > 100 || double.IsNaN(p))) return ValidationResult.Error($"--perturb must be in (0, 100] (got {p})");
        if (Runs < 2) return ValidationResult.Error($"--runs must be at least 2 (got {Runs})");
        if (NoDb && Db is not null) return ValidationResult.Error("--db and --no-db cannot be used together");
        return ValidationResult.Success();
    }
}

/// <summary><c>peninsula bargain</c>: what deal is within reach — a bargaining model's trajectory and forecast.</summary>
public sealed class BargainCommand(IAnsiConsole console) : Command<BargainSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, BargainSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.CheckWritable(settings.Out);
        var space = Read(settings.File);
        var model = BargainingModels.Create(settings.Model)!;
        var result = model.Run(space);
        SensitivitySummary? sensitivity = settings.Perturb is { } spread
            ? Bargaining.Sensitivity.Run(model, space, spread, settings.Runs, settings.Seed, Environment.ProcessorCount)
            : null;
        Render(console, space, result, sensitivity);
        var json = BargainingJson.Write(space, result, sensitivity);
        if (settings.Out is not null)
        {
            OutputFile.WriteAtomically(settings.Out, json);
            console.MarkupLineInterpolated($"[grey]written to {settings.Out}[/]");
        }
        if (!settings.NoDb)
        {
            var text = System.IO.File.ReadAllText(settings.File);
            var runId = Hashing.Sha256(string.Join('\n', text, settings.Model, settings.Perturb?.ToString("R", CultureInfo.InvariantCulture) ?? "-",
                settings.Runs.ToString(CultureInfo.InvariantCulture), settings.Seed.ToString(CultureInfo.InvariantCulture), CliApp.CodeVersion));
            using var store = new SqliteRunStore(settings.Db ?? Path.Combine(Directory.GetCurrentDirectory(), "peninsula.db"));
            store.EnsureRun(new RunManifest(runId, "bargain", space.Name, Hashing.Sha256(text), text, settings.Model, settings.Seed,
                settings.Perturb is null ? 1 : settings.Runs, result.Turns, 1, 1, CliApp.CodeVersion, CommandLine.Current()));
            store.CompleteRun(runId, json);
            console.MarkupLineInterpolated($"[grey]stored as run {runId[..12]}[/]");
        }
        return 0;
    }

    /// <summary>Reads an issue space by file type; any problem is a one-line user error.</summary>
    public static IssueSpace Read(string file)
    {
        if (!System.IO.File.Exists(file)) throw new UserErrorException($"{file}: file not found");
        try
        {
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is ".yaml" or ".yml") return BargainingYamlReader.ReadFile(file);
            if (ext == ".xml") return KtabXmlReader.ReadFile(file);
            if (ext == ".csv")
            {
                var first = System.IO.File.ReadLines(file).FirstOrDefault() ?? "";
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
                table.AddRow([t.ToString(CultureInfo.InvariantCulture), .. result.Trajectory[t].Select(p => F(p[d]))]);
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
