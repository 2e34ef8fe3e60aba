using System.ComponentModel;
using System.Globalization;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Estimation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Commands;

/// <summary>The estimator's options, shared by <c>fit</c> and <c>backtest</c> (the configuration is the same at every origin).</summary>
public class ModelSettings : CommandSettings
{
    [CommandOption("--form <FORM>")]
    [Description("Model form: ordered-cr (continuation-ratio ladder, default) or strategic-qre (sequential agent QRE by statistical backward induction).")]
    [DefaultValue("ordered-cr")]
    public string Form { get; init; } = "ordered-cr";

    [CommandOption("--bootstrap <B>")]
    [Description("Moving-block bootstrap refits for standard errors (default 200; 0 = none).")]
    [DefaultValue(200)]
    public int Bootstrap { get; init; } = 200;

    [CommandOption("--block <L>")]
    [Description("Bootstrap block length in months (default 12).")]
    [DefaultValue(12)]
    public int Block { get; init; } = 12;

    [CommandOption("--seed <S>")]
    [Description("Seed of the bootstrap (and of back-test forecasts) (default 1).")]
    [DefaultValue(1UL)]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--prior-shared <SD>")]
    [Description("Prior sd of a shared slope per standard deviation of its feature (default 0.15, chosen on the back-tests: docs/model.md).")]
    [DefaultValue(0.15)]
    public double PriorShared { get; init; } = 0.15;

    [CommandOption("--prior-rung <SD>")]
    [Description("Prior sd of a rung-specific slope per root mean square of its feature (default 2).")]
    [DefaultValue(2.0)]
    public double PriorRung { get; init; } = 2.0;

    [CommandOption("--upper-scale <W>")]
    [Description("Weight of the shared slopes at rungs 4-6: a number in 0-2, or 'profile' to choose it by profile likelihood (default 1).")]
    [DefaultValue("1")]
    public string UpperScale { get; init; } = "1";

    [CommandOption("--no-regime-risk")]
    [Description("Do not widen the intercepts by the spread of past eras.")]
    public bool NoRegimeRisk { get; init; }

    /// <summary>The form (validated).</summary>
    public ModelForm ModelForm => ModelForms.TryParse(Form, out var f) ? f : ModelForm.Ordered;

    /// <summary>The upper-scale grid: one value, or the default grid for 'profile'.</summary>
    public IReadOnlyList<double> UpperScaleGrid => UpperScale == "profile"
        ? FitOptions.DefaultUpperScales
        : [double.Parse(UpperScale, System.Globalization.CultureInfo.InvariantCulture)];

    /// <summary>Options for the estimator.</summary>
    public FitOptions Options => new(ModelForm, new LadderPriors(Shared: PriorShared, Rung: PriorRung), Bootstrap, Block, Seed, !NoRegimeRisk, UpperScaleGrid: UpperScaleGrid);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (!ModelForms.TryParse(Form, out _)) return ValidationResult.Error($"--form: unknown form '{Form}' (known: {string.Join(", ", ModelForms.Ids)})");
        if (UpperScale != "profile" && (!double.TryParse(UpperScale, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var w) || w < 0 || w > 2))
            return ValidationResult.Error($"--upper-scale: '{UpperScale}' is not 'profile' or a number in 0-2");
        if (PriorShared <= 0 || PriorRung <= 0) return ValidationResult.Error("--prior-shared and --prior-rung must be positive");
        if (Bootstrap < 0) return ValidationResult.Error($"--bootstrap must be 0 or more (got {Bootstrap})");
        if (Block < 1) return ValidationResult.Error($"--block must be at least 1 (got {Block})");
        return ValidationResult.Success();
    }
}

/// <summary>Options of <c>fit</c>.</summary>
public sealed class FitSettings : ModelSettings
{
    [CommandOption("--until <YYYY-MM>")]
    [Description("Last month of data the fit may read (required). Nothing later is read; standardisation uses these months only.")]
    public string? Until { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the calibration JSON here (required).")]
    public string? Out { get; init; }

    [CommandOption("--markdown <FILE>")]
    [Description("Also write the estimates as Markdown (docs/fit-*.md are generated this way).")]
    public string? Markdown { get; init; }

    /// <summary>The cutoff month (validated).</summary>
    public Month Cutoff => Month.Parse(Until!);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Until is null) return ValidationResult.Error("--until is required (the last month of data the fit may read, YYYY-MM)");
        if (!Month.TryParse(Until, out _)) return ValidationResult.Error($"--until: '{Until}' is not a month YYYY-MM");
        if (Out is null) return ValidationResult.Error("--out is required (the calibration JSON to write)");
        return base.Validate();
    }
}

/// <summary><c>peninsula fit</c>: estimate the challenger's ladder (and the principal's response) on history up to a cutoff.</summary>
public sealed class FitCommand(IAnsiConsole console) : Command<FitSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, FitSettings settings, CancellationToken cancellationToken)
    {
        OutputFile.CheckWritable(settings.Out);
        OutputFile.CheckWritable(settings.Markdown);
        var (fit, calibration) = Fitting.Fit(settings.Cutoff, settings.Options);
        Fitting.Render(console, fit, calibration);
        OutputFile.WriteAtomically(settings.Out!, calibration.ToJson());
        if (settings.Markdown is not null) OutputFile.WriteAtomically(settings.Markdown, MarkdownReport.Fit(calibration, CommandLine.Current()));
        console.MarkupLineInterpolated($"[grey]calibration written to {settings.Out} (sha256 {calibration.Sha256()[..12]})[/]");
        return 0;
    }
}

/// <summary>Fitting shared by <c>fit</c> and <c>backtest</c>.</summary>
public static class Fitting
{
    /// <summary>Fits on the record up to <paramref name="cutoff"/> (the repository's data/ unless <paramref name="dataFolder"/> is given).</summary>
    public static (LadderFitResult Fit, Calibration Calibration) Fit(Month cutoff, FitOptions options, string? dataFolder = null)
    {
        var workspace = HistoryWorkspace.Open(cutoff, dataFolder);
        var (frame, _) = workspace.Frame();
        var fit = LadderEstimator.Fit(frame, options);
        var calibration = Calibration.FromFit(fit, options, cutoff, workspace.DataSha256, workspace.History.Loaded.Sha256);
        return (fit, calibration);
    }

    /// <summary>Prints the estimates table, fit statistics and warnings.</summary>
    public static void Render(IAnsiConsole console, LadderFitResult fit, Calibration cal)
    {
        static string F(double x) => double.IsFinite(x) ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";
        console.Write(new Rule($"[bold]fit[/] · {cal.Form} · {cal.WindowStart}..{cal.Cutoff} ({cal.Months} months)").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded).Title("Estimates (standardised scale as fitted; principal response on the engine scale)");
        foreach (var c in new[] { "coefficient", "estimate", "se (Hessian)", "se (bootstrap)", "prior sd", "note" }) table.AddColumn(c);
        foreach (var e in fit.Estimates)
            table.AddRow(Markup.Escape(e.Name), F(e.Value), F(e.SeHessian), F(e.SeBootstrap), F(e.PriorSd), Markup.Escape(e.Warning ?? ""));
        console.Write(table);
        var engine = new Table().Border(TableBorder.Simple).Title($"Engine parameters for forecasts (era: {Markup.Escape(cal.CurrentEra)})");
        foreach (var c in new[] { "parameter", "value", "sd (forecast draws)", "se (bootstrap)" }) engine.AddColumn(c);
        for (var i = 0; i < cal.EngineNames.Length; i++)
            engine.AddRow(cal.EngineNames[i], F(cal.EngineValues[i]), F(Math.Sqrt(cal.EngineCovariance[i, i])), F(cal.EngineSeBootstrap[i]));
        console.Write(engine);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"log-likelihood {cal.LogLikelihood:0.00} · AIC {cal.Aic:0.0} · {cal.ParametersEstimated} coefficients ({cal.EffectiveParameters:0.0} effective) · optimiser: {cal.OptimizerMethod}, exit {cal.OptimizerExit} after {cal.OptimizerIterations} iterations · bootstrap {cal.BootstrapUsed}/{cal.BootstrapReplicates}");
        foreach (var w in cal.Warnings) console.MarkupLineInterpolated($"[yellow]warning[/]: {w}");
    }
}
