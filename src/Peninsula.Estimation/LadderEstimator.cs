using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;

namespace Peninsula.Estimation;

/// <summary>The model forms that can be fitted (DESIGN section 6), each labelled in every output.</summary>
public enum ModelForm
{
    /// <summary>(a) Ordered: continuation-ratio logit with shared slopes, rung-specific terms, era intercepts.</summary>
    Ordered,
    /// <summary>
    /// (b) Strategic: a sequential agent QRE (challenger moves, principal responds) with λ = 1, estimated by
    /// statistical backward induction: the principal's response logit first (on its own covariates), then the
    /// challenger's ladder with the expected cost of that response computed from the first stage.
    /// </summary>
    Strategic,
}

/// <summary>Ids of the forms as written in files and on the command line.</summary>
public static class ModelForms
{
    /// <summary>Id of a form.</summary>
    public static string Id(ModelForm form) => form switch
    {
        ModelForm.Ordered => "ordered-cr",
        ModelForm.Strategic => "strategic-qre",
        _ => throw new ArgumentOutOfRangeException(nameof(form)),
    };

    /// <summary>Parses an id.</summary>
    public static bool TryParse(string id, out ModelForm form)
    {
        foreach (var f in Enum.GetValues<ModelForm>())
        {
            if (string.Equals(Id(f), id, StringComparison.Ordinal)) { form = f; return true; }
        }
        form = default;
        return false;
    }

    /// <summary>All ids.</summary>
    public static ImmutableArray<string> Ids => [.. Enum.GetValues<ModelForm>().Select(Id)];
}

/// <summary>How to fit.</summary>
/// <param name="Form">Model form.</param>
/// <param name="Priors">Priors of the ladder coefficients.</param>
/// <param name="BootstrapReplicates">Moving-block bootstrap replicates (0 = none).</param>
/// <param name="BlockLength">Block length in months.</param>
/// <param name="Seed">Seed of the bootstrap.</param>
/// <param name="RegimeRisk">Add the spread of past eras' shifts to the intercepts' covariance (a new era may start).</param>
/// <param name="PrincipalPriorSd">Prior sd of the principal's response coefficients (strategic form, raw scale).</param>
/// <param name="UpperScaleGrid">Values of <c>ladder.upper_scale</c> profiled (default <see cref="DefaultUpperScales"/>; one value = fixed).</param>
public sealed record FitOptions(
    ModelForm Form = ModelForm.Ordered,
    LadderPriors? Priors = null,
    int BootstrapReplicates = 200,
    int BlockLength = 12,
    ulong Seed = 1,
    bool RegimeRisk = true,
    double PrincipalPriorSd = 2.5,
    IReadOnlyList<double>? UpperScaleGrid = null)
{
    /// <summary>Default grid profiled for <c>ladder.upper_scale</c>.</summary>
    public static readonly IReadOnlyList<double> DefaultUpperScales = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4];

    /// <summary>The grid in use.</summary>
    public IReadOnlyList<double> UpperScales => UpperScaleGrid ?? DefaultUpperScales;

    /// <summary>The priors in use.</summary>
    public LadderPriors LadderPriors => Priors ?? new LadderPriors();
}

/// <summary>One reported estimate.</summary>
/// <param name="Name">Coefficient name.</param>
/// <param name="Scale">"standardised" (as fitted) or "engine" (as simulated).</param>
/// <param name="Value">Estimate.</param>
/// <param name="SeHessian">Standard error from the inverse Hessian of the negative log posterior.</param>
/// <param name="SeBootstrap">Standard error over moving-block bootstrap refits (NaN without bootstrap).</param>
/// <param name="PriorSd">Prior sd (NaN where not applicable).</param>
/// <param name="Warning">Identification warning, or null.</param>
public sealed record Estimate(string Name, string Scale, double Value, double SeHessian, double SeBootstrap, double PriorSd, string? Warning);

/// <summary>Everything a fit produces.</summary>
/// <param name="Form">Form fitted.</param>
/// <param name="Sample">The estimation sample.</param>
/// <param name="Design">The ladder design (coefficients, standardisation).</param>
/// <param name="Ladder">The ladder fit.</param>
/// <param name="Principal">The first-stage principal response fit (strategic form), or null.</param>
/// <param name="Estimates">Standardised-scale estimates of every fitted coefficient (both stages).</param>
/// <param name="EngineNames">Engine parameter names the fit sets.</param>
/// <param name="EngineValues">Their values.</param>
/// <param name="EngineCovariance">Their covariance (Hessian-based; regime risk added to the intercepts when asked).</param>
/// <param name="EngineSeBootstrap">Bootstrap standard errors of the engine values (NaN without bootstrap).</param>
/// <param name="Warnings">Identification and optimiser warnings.</param>
/// <param name="LogLikelihood">Log-likelihood of all stages at the estimate.</param>
/// <param name="ParameterCount">Number of estimated coefficients.</param>
/// <param name="EffectiveParameters">Effective number of parameters under the priors (trace of information × posterior covariance).</param>
/// <param name="RegimeVariance">Variance added to the intercepts for regime risk.</param>
/// <param name="CurrentEra">Era the forecast intercepts belong to.</param>
/// <param name="BootstrapUsed">Bootstrap replicates that converged.</param>
public sealed record LadderFitResult(
    ModelForm Form,
    LadderSample Sample,
    LadderDesign Design,
    LogitFit Ladder,
    PrincipalStage? Principal,
    ImmutableArray<Estimate> Estimates,
    ImmutableArray<string> EngineNames,
    double[] EngineValues,
    double[,] EngineCovariance,
    double[] EngineSeBootstrap,
    ImmutableArray<string> Warnings,
    double LogLikelihood,
    int ParameterCount,
    double EffectiveParameters,
    double RegimeVariance,
    string CurrentEra,
    int BootstrapUsed)
{
    /// <summary>Akaike's criterion, −2·LL + 2k with k the estimated coefficients.</summary>
    public double Aic => -2.0 * LogLikelihood + 2.0 * ParameterCount;
}

/// <summary>The principal's first-stage response fit (strategic form).</summary>
/// <param name="Names">Engine names of its coefficients.</param>
/// <param name="Fit">The fit.</param>
/// <param name="Observations">Months used.</param>
public sealed record PrincipalStage(ImmutableArray<string> Names, LogitFit Fit, int Observations);

/// <summary>
/// What estimation needs from history: the replay input, the prior coefficient vector used for everything not
/// estimated (decay constants, sanctions mechanics), eras and the coverage indicator.
/// </summary>
/// <param name="Input">Forced replay of the estimation window.</param>
/// <param name="PriorVector">Parameter means in <see cref="ParameterCatalog"/> order.</param>
/// <param name="Era">Era of each month.</param>
/// <param name="EraNames">Era labels.</param>
/// <param name="PartialCoverage">Incomplete rung-3 record, per month.</param>
/// <param name="Zone">Agreement zone (unused by a fully forced replay, required by the step).</param>
public sealed record EstimationFrame(
    ReplayInput Input,
    double[] PriorVector,
    int[] Era,
    ImmutableArray<string> EraNames,
    bool[] PartialCoverage,
    IAgreementZone Zone);

/// <summary>Fits the challenger's ladder (and, in the strategic form, the principal's response) on history.</summary>
public static class LadderEstimator
{
    /// <summary>Engine names of the principal's response coefficients fitted in the strategic form's first stage.</summary>
    public static readonly ImmutableArray<string> PrincipalNames =
        ["principal.sanction_intercept", "principal.sanction_level", "principal.designation_intercept", "principal.sanction_pressure"];

    /// <summary>Fits <paramref name="frame"/> with <paramref name="options"/>. Deterministic for a seed.</summary>
    public static LadderFitResult Fit(EstimationFrame frame, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        var months = Enumerable.Range(0, frame.Input.Months).ToArray();
        var (principal, sample) = Stage(frame, options, months, null, null);
        // Partial proportionality: profile the upper-rung weight of the shared slopes over a grid (the
        // likelihood is bilinear in it), keep the value with the highest log posterior.
        LadderDesign? design = null;
        LogitFit? fit = null;
        var profile = new List<(double Scale, double LogPosterior)>();
        foreach (var w in options.UpperScales)
        {
            var d = LadderDesign.Build(sample, options.LadderPriors, upperScale: w);
            var f = d.Problem.Fit(fit?.Theta);
            profile.Add((w, f.LogPosterior));
            if (fit is null || f.LogPosterior > fit.LogPosterior) { design = d; fit = f; }
        }
        if (design is null || fit is null) throw new ArgumentException("the upper-scale grid is empty", nameof(options));

        var warnings = new List<string>();
        if (options.UpperScales.Count > 1 && (design.UpperScale == options.UpperScales[0] || design.UpperScale == options.UpperScales[^1]))
            warnings.Add($"ladder.upper_scale: the profile's best value {design.UpperScale} is at the edge of the grid");
        if (fit.GradientNorm > 1e-5) warnings.Add($"ladder optimiser stopped with gradient {fit.GradientNorm:G3} ({fit.ExitReason})");
        if (principal is not null && principal.Fit.GradientNorm > 1e-5) warnings.Add($"principal optimiser stopped with gradient {principal.Fit.GradientNorm:G3}");
        warnings.AddRange(design.Excluded.Select(e => "not identified, keeps its prior: " + e));

        // Moving-block bootstrap over months: refit both stages on each resample.
        var b = options.BootstrapReplicates;
        var thetas = new List<double[]>();
        var engineDraws = new List<double[]>();
        var principalDraws = new List<double[]>();
        var currentEra = sample.Era[^1];
        var partialNow = sample.PartialCoverage[^1];
        var (engineNames, map) = design.EngineMap(currentEra, partialNow);
        for (var rep = 0; rep < b; rep++)
        {
            var idx = BlockResample(sample.Count, options.BlockLength, options.Seed, rep);
            var (pb, sb) = Stage(frame, options, months, idx, principal);
            var db = LadderDesign.Build(sb, options.LadderPriors, design);
            var fb = db.Problem.Fit(fit.Theta);
            if (fb.GradientNorm > 1e-4) continue;
            thetas.Add(fb.Theta);
            engineDraws.Add(Multiply(map, fb.Theta));
            if (pb is not null) principalDraws.Add(pb.Fit.Theta);
        }

        var engineValues = Multiply(map, fit.Theta);
        // A shared feature constant in the window is left out of the fit but keeps its prior slope in the engine;
        // its constant contribution moves into the intercepts so the engine reproduces the fitted probabilities.
        for (var f = 0; f < FeatureFunction.SharedCount; f++)
        {
            if (design.Standardization.Scale[f] > 0) continue;
            var slope = frame.PriorVector[ParameterCatalog.IndexOf("ladder." + FeatureFunction.SharedNames[f])];
            for (var j = 0; j < Ladder.Top; j++)
                engineValues[j] -= (j + 1 >= ChoiceModels.UpperRung ? design.UpperScale : 1.0) * slope * design.Standardization.Mean[f];
        }
        var engineCov = Sandwich(map, fit.Covariance);
        var eraIdx = design.Coefficients.Select((c, i) => (c, i)).Where(x => x.c.Kind == CoefficientKind.Era).Select(x => x.i).ToArray();
        var regime = 0.0;
        if (options.RegimeRisk && eraIdx.Length >= 2)
        {
            var shifts = eraIdx.Select(i => fit.Theta[i]).ToArray();
            var m = shifts.Average();
            regime = shifts.Sum(x => (x - m) * (x - m)) / (shifts.Length - 1);
            for (var i = 0; i < Ladder.Top; i++)
                for (var j = 0; j < Ladder.Top; j++) engineCov[i, j] += regime;
        }

        var seBootTheta = Sd(thetas, fit.Theta.Length);
        var seBootEngine = Sd(engineDraws, engineValues.Length);
        var estimates = new List<Estimate>();
        for (var i = 0; i < design.Coefficients.Length; i++)
        {
            var c = design.Coefficients[i];
            var se = Math.Sqrt(fit.Covariance[i, i]);
            string? warning = null;
            if (se > 0.7 * c.PriorSd) warning = $"weakly identified: posterior sd is {se / c.PriorSd:P0} of the prior sd; the data add little";
            else if (thetas.Count > 1 && seBootTheta[i] > 3 * se) warning = $"unstable under resampling: bootstrap se {seBootTheta[i]:G3} vs Hessian se {se:G3}";
            if (warning is not null) warnings.Add($"{c.Name}: {warning}");
            estimates.Add(new Estimate(c.Name, "standardised", fit.Theta[i], se, thetas.Count > 1 ? seBootTheta[i] : double.NaN, c.PriorSd, warning));
        }

        var names = engineNames.ToList();
        var values = engineValues.ToList();
        var seBoot = seBootEngine.ToList();
        // The profiled weight is held at its best value in forecasts (conditional on it; its profile is reported).
        names.Add("ladder.upper_scale");
        values.Add(design.UpperScale);
        seBoot.Add(double.NaN);
        engineCov = Pad(engineCov, 1);
        var ll = fit.LogLikelihood;
        var k = design.Coefficients.Length;
        var edf = EffectiveParameters(design.Problem, fit);
        double[,] covariance = engineCov;
        if (principal is not null)
        {
            var seP = Sd(principalDraws, principal.Names.Length);
            for (var i = 0; i < principal.Names.Length; i++)
            {
                var se = Math.Sqrt(principal.Fit.Covariance[i, i]);
                string? warning = se > 0.7 * options.PrincipalPriorSd ? $"weakly identified: posterior sd is {se / options.PrincipalPriorSd:P0} of the prior sd" : null;
                if (warning is not null) warnings.Add($"{principal.Names[i]}: {warning}");
                estimates.Add(new Estimate(principal.Names[i], "engine", principal.Fit.Theta[i], se, principalDraws.Count > 1 ? seP[i] : double.NaN, options.PrincipalPriorSd, warning));
            }
            names.AddRange(principal.Names);
            values.AddRange(principal.Fit.Theta);
            seBoot.AddRange(principalDraws.Count > 1 ? seP : Enumerable.Repeat(double.NaN, principal.Names.Length));
            covariance = BlockDiagonal(engineCov, principal.Fit.Covariance);
            ll += principal.Fit.LogLikelihood;
            k += principal.Names.Length;
            edf += EffectiveParameters(null, principal.Fit, principal.Names.Length);
        }
        for (var i = 0; i < names.Count; i++)
        {
            var p = ParameterCatalog.IndexOf(names[i]);
            if (p < 0) continue;
            var info = ParameterCatalog.All[p];
            if (values[i] < info.Min || values[i] > info.Max)
                warnings.Add($"{names[i]}: fitted value {values[i]:G4} is outside its catalog bounds [{info.Min}, {info.Max}]; forecasts clamp it there");
        }
        if (b > 0 && thetas.Count < b) warnings.Add($"{b - thetas.Count} of {b} bootstrap refits did not converge and were dropped");

        return new LadderFitResult(
            options.Form, sample, design, fit, principal, [.. estimates], [.. names], [.. values], covariance,
            b > 0 && thetas.Count > 1 ? [.. seBoot] : [.. Enumerable.Repeat(double.NaN, names.Count)],
            [.. warnings], ll, k, edf, regime, sample.EraNames[currentEra], thetas.Count);
    }

    /// <summary>
    /// Runs the stages before the ladder fit: in the strategic form, fits the principal's response on the months
    /// <paramref name="indices"/> (all when null); replays history with the resulting coefficients; returns the
    /// ladder sample of those months.
    /// </summary>
    private static (PrincipalStage?, LadderSample) Stage(EstimationFrame frame, FitOptions options, int[] all, int[]? indices, PrincipalStage? start)
    {
        var vector = (double[])frame.PriorVector.Clone();
        PrincipalStage? principal = null;
        if (options.Form == ModelForm.Strategic)
        {
            principal = FitPrincipal(frame, indices ?? all, options.PrincipalPriorSd, start?.Fit.Theta);
            for (var i = 0; i < PrincipalNames.Length; i++) vector[ParameterCatalog.IndexOf(PrincipalNames[i])] = principal.Fit.Theta[i];
        }
        var sample = SampleOf(frame, new Coefficients(vector));
        return (principal, indices is null ? sample : sample.Select(indices));
    }

    /// <summary>Replays the frame under <paramref name="coefficients"/> and collects the ladder sample.</summary>
    public static LadderSample SampleOf(EstimationFrame frame, Coefficients coefficients)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var trace = Replay.Run(frame.Input, coefficients, frame.Zone);
        var n = frame.Input.Months;
        var levels = new int[n];
        for (var t = 0; t < n; t++)
        {
            levels[t] = frame.Input.Observed[t].Level
                ?? throw new ArgumentException($"{frame.Input.MonthAt(t)}: the estimation window needs an observed level every month");
        }
        return new LadderSample(
            [.. Enumerable.Range(0, n).Select(frame.Input.MonthAt)],
            levels, trace.Features, frame.Era, frame.EraNames, frame.PartialCoverage);
    }

    /// <summary>
    /// First stage of the strategic form: P(unilateral sanctions | act at level ≥ 4) = σ(a + l·(level − 4) + p·pressure)
    /// and P(designations | quieter month) = σ(d + p·pressure), with the declared pressure of the package in force
    /// (a principal-only covariate: the exclusion restriction) — the engine's own response rule.
    /// </summary>
    public static PrincipalStage FitPrincipal(EstimationFrame frame, IReadOnlyList<int> months, double priorSd, double[]? start = null)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(months);
        var design = new List<double>();
        var y = new List<double>();
        foreach (var t in months)
        {
            var o = frame.Input.Observed[t];
            if (o.Level is not { } level || o.UnilateralSanctions is not { } sanctioned) continue;
            var pressure = frame.Input.PolicyByMonth[t].Pressure;
            if (level >= 4) design.AddRange([1.0, level - 4, 0.0, pressure]);
            else design.AddRange([0.0, 0.0, 1.0, pressure]);
            y.Add(sanctioned ? 1.0 : 0.0);
        }
        var problem = new PenalizedLogit([.. design], [.. y], 4, new double[4], [priorSd, priorSd, priorSd, priorSd]);
        return new PrincipalStage(PrincipalNames, problem.Fit(start), y.Count);
    }

    /// <summary>Circular moving-block resample of n months (block length L), keyed by (seed, replicate).</summary>
    public static int[] BlockResample(int n, int blockLength, ulong seed, int replicate)
    {
        var random = new RandomSource(seed);
        var idx = new int[n];
        var filled = 0;
        var block = 0;
        while (filled < n)
        {
            var start = (int)(random.Uniform(replicate, block, 0, 0) * n);
            for (var j = 0; j < blockLength && filled < n; j++) idx[filled++] = (start + j) % n;
            block++;
        }
        return idx;
    }

    private static double EffectiveParameters(PenalizedLogit? problem, LogitFit fit, int? k = null)
    {
        // With independent normal priors, edf = k − Σ Cov_ii / sd_i² (information of the data relative to the posterior).
        var n = k ?? fit.Theta.Length;
        var edf = (double)n;
        for (var i = 0; i < n; i++)
        {
            var sd = problem?.PriorSd[i] ?? 2.5;
            edf -= fit.Covariance[i, i] / (sd * sd);
        }
        return edf;
    }

    private static double[,] Pad(double[,] a, int extra)
    {
        var n = a.GetLength(0);
        var r = new double[n + extra, n + extra];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) r[i, j] = a[i, j];
        return r;
    }

    private static double[] Multiply(double[,] a, double[] x)
    {
        var r = new double[a.GetLength(0)];
        for (var i = 0; i < r.Length; i++)
            for (var j = 0; j < x.Length; j++) r[i] += a[i, j] * x[j];
        return r;
    }

    private static double[,] Sandwich(double[,] a, double[,] s)
    {
        var m = a.GetLength(0);
        var n = a.GetLength(1);
        var tmp = new double[m, n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                for (var k = 0; k < n; k++) tmp[i, j] += a[i, k] * s[k, j];
        var r = new double[m, m];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < m; j++)
                for (var k = 0; k < n; k++) r[i, j] += tmp[i, k] * a[j, k];
        return r;
    }

    private static double[,] BlockDiagonal(double[,] a, double[,] b)
    {
        var m = a.GetLength(0);
        var n = b.GetLength(0);
        var r = new double[m + n, m + n];
        for (var i = 0; i < m; i++) for (var j = 0; j < m; j++) r[i, j] = a[i, j];
        for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) r[m + i, m + j] = b[i, j];
        return r;
    }

    private static double[] Sd(List<double[]> draws, int n)
    {
        var sd = new double[n];
        if (draws.Count < 2) { Array.Fill(sd, double.NaN); return sd; }
        for (var i = 0; i < n; i++)
        {
            var m = draws.Average(d => d[i]);
            sd[i] = Math.Sqrt(draws.Sum(d => (d[i] - m) * (d[i] - m)) / (draws.Count - 1));
        }
        return sd;
    }
}
