using System.ComponentModel;
using System.Globalization;
using System.Text;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>Options of <c>history</c>.</summary>
public sealed class HistorySettings : CommandSettings
{
    [CommandOption("--until <YYYY-MM>")]
    [Description("Last month replayed (default: the end of the record). Nothing later is read.")]
    public string? Until { get; init; }

    [CommandOption("--from <YYYY-MM>")]
    [Description("First month shown (default: 12 months before --until).")]
    public string? From { get; init; }

    [CommandOption("--calibration <FILE>")]
    [Description("Use a calibration's parameters for the latent-state equations (default: the history scenario's priors).")]
    public string? Calibration { get; init; }

    [CommandOption("--import-db <FILE>")]
    [Description("Also load the record (up to --until) into the SQLite event base in FILE (one transaction; a no-op when already there).")]
    public string? ImportDb { get; init; }

    [CommandOption("--csv <FILE>")]
    [Description("Write every replayed month (observed actions and reconstructed states) as CSV.")]
    public string? Csv { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Until is not null && !Month.TryParse(Until, out _)) return ValidationResult.Error($"--until: '{Until}' is not a month YYYY-MM");
        if (From is not null && !Month.TryParse(From, out _)) return ValidationResult.Error($"--from: '{From}' is not a month YYYY-MM");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>peninsula history</c>: replays the record with the observed actions forced and shows, month by month, the label,
/// the package in force, the phase and the reconstructed latent states (DESIGN section 2).
/// </summary>
public sealed class HistoryCommand(IAnsiConsole console) : Command<HistorySettings>
{
    private static readonly string[] Columns =
    [
        "month", "level", "package", "era", "partial_coverage", "phase", "moratorium", "un_resolution", "unilateral_sanctions",
        "exercise", "pipeline_displays", "border_closed", "agreements", "un_layers", "unilateral_layers", "enforcement", "pressure",
        "stress", "trust_challenger", "trust_principal", "attention", "capability", "pipeline", "recent",
    ];

    /// <inheritdoc />
    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        var until = settings.Until is null ? HistoryWorkspace.RecordEnd() : Month.Parse(settings.Until);
        var workspace = HistoryWorkspace.Open(until);
        if (settings.ImportDb is not null)
        {
            using var events = Storage.RunStores.OpenEventBase(settings.ImportDb);
            var wrote = events.Import(workspace.Data, workspace.DataSha256);
            console.MarkupLineInterpolated($"[grey]{(wrote ? "imported" : "already imported")}: {workspace.Data.MonthlySeries.Count} months, {workspace.Data.Events.Count} events into {Storage.RunStores.Describe(settings.ImportDb)}[/]");
        }
        var (frame, months) = workspace.Frame();
        var parameters = settings.Calibration is null
            ? workspace.History.Spec.Parameters
            : CalibrationCatalog.Read(settings.Calibration).Apply(workspace.History.Spec.Parameters);
        var trace = Replay.Run(frame.Input, new Coefficients(parameters.Means()), frame.Zone);
        var rows = months.Select((m, t) => Row(m, trace.States[t], frame.Input.Spec.Agreements.Select(a => a.Id).ToArray())).ToList();
        var from = settings.From is null ? until.Plus(-11) : Month.Parse(settings.From);

        var table = new Table().Border(TableBorder.Simple).Title($"Reconstruction {workspace.Data.FirstMonth}..{until} (observed actions forced; states at the month's end)");
        foreach (var c in new[] { "month", "lvl", "package", "phase", "mor", "UN", "uni", "agreements", "pressure", "stress", "trust D/U", "attn", "pipe" })
            table.AddColumn(c);
        for (var t = 0; t < rows.Count; t++)
        {
            if (months[t].Month < from) continue;
            var r = rows[t];
            table.AddRow(r[0], r[1], r[2], r[5], r[6], r[7], r[8], Markup.Escape(r[12]), r[16], r[17], r[18] + " / " + r[19], r[20], r[22]);
        }
        console.Write(table);
        if (settings.Csv is not null)
        {
            OutputFile.CheckWritable(settings.Csv);
            var sb = new StringBuilder();
            sb.Append(string.Join(',', Columns)).Append('\n');
            foreach (var r in rows) sb.Append(string.Join(',', r.Select(Quote))).Append('\n');
            OutputFile.WriteAtomically(settings.Csv, sb.ToString());
            console.MarkupLineInterpolated($"[grey]{rows.Count} months written to {settings.Csv}[/]");
        }
        return 0;
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static string[] Row(Estimation.History.ReconstructedMonth m, StateSnapshot s, string[] agreementIds)
    {
        static string N(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        static string B(bool? b) => b == true ? "1" : "0";
        var o = m.Observed;
        var inForce = string.Join(';', agreementIds.Where((_, a) => (s.AgreementMask >> a & 1UL) != 0));
        return
        [
            m.Month.ToString(), s.Level.ToString(CultureInfo.InvariantCulture), m.PolicyId, m.Era, B(m.PartialCoverage), Phases.Ids[(int)s.Phase],
            B(s.Moratorium), B(o.UnResolution), B(o.UnilateralSanctions), N(o.ExerciseIntensity ?? 0), (o.PipelineDisplays ?? 0).ToString(CultureInfo.InvariantCulture),
            B(o.BorderClosed), inForce, N(s.UnLayers), N(s.UniLayers), N(s.Enforcement), N(s.Pressure), N(s.Stress), N(s.TrustChallenger),
            N(s.TrustPrincipal), N(s.Attention), N(s.Capability), s.Pipeline.ToString(CultureInfo.InvariantCulture), N(s.Recent),
        ];
    }
}
