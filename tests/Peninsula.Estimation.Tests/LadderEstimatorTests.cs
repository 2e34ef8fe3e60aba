using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Estimation.Tests.Support;

namespace Peninsula.Estimation.Tests;

/// <summary>
/// The estimator end to end on a synthetic replay frame: the replay's features are what is fitted, and after the
/// fit is applied to the priors, the engine's own replay probabilities are the fitted ones.
/// </summary>
public sealed class LadderEstimatorTests
{
    internal static readonly Month Cutoff = Month.Of(2016, 12);

    private static readonly Lazy<(EstimationFrame Frame, LadderFitResult Fit, FitOptions Options)> Ordered = new(() =>
    {
        var frame = SyntheticFrames.Build(Cutoff, 96, seed: 1);
        var options = new FitOptions(ModelForm.Ordered, null, BootstrapReplicates: 8, BlockLength: 12, Seed: 3);
        return (frame, LadderEstimator.Fit(frame, options), options);
    });

    internal static (EstimationFrame Frame, LadderFitResult Fit, FitOptions Options) OrderedFit => Ordered.Value;

    [Fact]
    public void Sample_IsTheReplaysCapturedFeatures_AndObservedLevels()
    {
        var (frame, fit, _) = OrderedFit;
        var trace = Replay.Run(frame.Input, new Coefficients(frame.PriorVector), frame.Zone);
        Assert.Equal(trace.Features, fit.Sample.Features);
        Assert.Equal(frame.Input.Observed.Select(o => o.Level!.Value), fit.Sample.Levels);
        Assert.Equal(frame.Era, fit.Sample.Era);
        Assert.Equal(Cutoff, fit.Sample.Months[^1]);
    }

    [Fact]
    public void EngineValues_AreTheMapOfTheMode_ForTheLastMonthsEraAndCoverage()
    {
        var (_, fit, _) = OrderedFit;
        var (names, map) = fit.Design.EngineMap(fit.Sample.Era[^1], fit.Sample.PartialCoverage[^1]);
        // The map's parameters, then the profiled upper-rung weight (held at its best grid value).
        Assert.Equal([.. names, "ladder.upper_scale"], fit.EngineNames.ToArray());
        Assert.Contains(fit.Design.UpperScale, FitOptions.DefaultUpperScales);
        Assert.Equal(fit.Design.UpperScale, fit.EngineValues[^1]);
        for (var i = 0; i < names.Length; i++)
        {
            var v = 0.0;
            for (var j = 0; j < fit.Ladder.Theta.Length; j++) v += map[i, j] * fit.Ladder.Theta[j];
            Assert.Equal(v, fit.EngineValues[i], 1e-12);
        }
        Assert.Equal(fit.Sample.EraNames[fit.Sample.Era[^1]], fit.CurrentEra);
        Assert.True(fit.Ladder.GradientNorm < 1e-6);
        Assert.Equal(8, fit.BootstrapUsed);
        Assert.All(fit.EngineSeBootstrap.SkipLast(1), s => Assert.True(double.IsFinite(s) && s >= 0));
        Assert.True(double.IsNaN(fit.EngineSeBootstrap[^1]));
    }

    [Fact]
    public void EngineCovariance_IsSymmetricPsd_AndAtLeastTheHessianSandwich()
    {
        var (_, fit, _) = OrderedFit;
        var n = fit.EngineNames.Length - 1; // the last is ladder.upper_scale, held fixed: zero row and column
        Assert.Equal("ladder.upper_scale", fit.EngineNames[n]);
        for (var i = 0; i <= n; i++) Assert.Equal(0.0, fit.EngineCovariance[n, i]);
        var cov = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(fit.EngineCovariance);
        Assert.True((cov - cov.Transpose()).FrobeniusNorm() < 1e-12);
        Assert.All(cov.Evd().EigenValues, e => Assert.True(e.Real > -1e-10, $"eigenvalue {e.Real}"));
        // Regime risk adds a common variance to the six intercepts (two eras here) and nothing elsewhere.
        var (_, map) = fit.Design.EngineMap(fit.Sample.Era[^1], fit.Sample.PartialCoverage[^1]);
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(map);
        var hessian = a * MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(fit.Ladder.Covariance) * a.Transpose();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var extra = i < 6 && j < 6 ? fit.RegimeVariance : 0.0;
                Assert.Equal(hessian[i, j] + extra, fit.EngineCovariance[i, j], 1e-10);
            }
        }
        var eras = fit.Design.Coefficients.Select((c, i) => (c, i)).Where(x => x.c.Kind == CoefficientKind.Era).Select(x => fit.Ladder.Theta[x.i]).ToArray();
        var m = eras.Average();
        Assert.Equal(eras.Sum(x => (x - m) * (x - m)) / (eras.Length - 1), fit.RegimeVariance, 1e-12);
    }

    [Fact]
    public void FitIsDeterministic_ForASeed()
    {
        var (frame, fit, options) = OrderedFit;
        var again = LadderEstimator.Fit(frame, options);
        Assert.Equal(fit.EngineValues, again.EngineValues);
        Assert.Equal(fit.EngineSeBootstrap, again.EngineSeBootstrap);
    }

    /// <summary>
    /// The core property end to end: fit, apply the calibration to the prior parameter set, replay history with the
    /// resulting coefficients; in the current era and coverage the engine's own probability of each observed level
    /// (ReplayTrace.LadderP) is the fitted model's.
    /// </summary>
    private static void AssertReplayReproducesFit(EstimationFrame frame, LadderFitResult fit, FitOptions options)
    {
        // Precondition (tested separately below): no fitted value is clamped by Apply.
        Assert.Empty(OutOfBounds(fit));
        var calibration = Calibration.FromFit(fit, options, frame.Input.MonthAt(frame.Input.Months - 1), new string('a', 64), SyntheticFrames.HistorySha);
        var applied = calibration.Apply(SyntheticFrames.Priors);
        var trace = Replay.Run(frame.Input, new Coefficients(applied.Means()), frame.Zone);
        Assert.Equal(fit.Sample.Features, trace.Features);
        var era = fit.Sample.Era[^1];
        var partial = fit.Sample.PartialCoverage[^1];
        var compared = 0;
        var worst = 0.0;
        for (var t = 0; t < fit.Sample.Count; t++)
        {
            if (fit.Sample.Era[t] != era || fit.Sample.PartialCoverage[t] != partial) continue;
            var level = fit.Sample.Levels[t];
            var engine = Math.Log(trace.LadderP[t * Ladder.Levels + level]);
            var design = Samples.DesignMonthLogLikelihood(fit.Design, fit.Sample, fit.Ladder.Theta, t);
            worst = Math.Max(worst, Math.Abs(engine - design));
            compared++;
        }
        Assert.True(compared > 20);
        Assert.True(worst < 1e-9, $"largest |log P_engine − log P_fitted| over {compared} months: {worst:G3} (excluded: {string.Join("; ", fit.Design.Excluded)})");
    }

    private static List<string> OutOfBounds(LadderFitResult fit)
    {
        var result = new List<string>();
        for (var i = 0; i < fit.EngineNames.Length; i++)
        {
            var p = ParameterCatalog.All[ParameterCatalog.IndexOf(fit.EngineNames[i])];
            if (fit.EngineValues[i] < p.Min || fit.EngineValues[i] > p.Max) result.Add(fit.EngineNames[i]);
        }
        return result;
    }

    [Fact]
    public void AppliedCalibration_ReplayReproducesTheFittedProbabilities()
    {
        var (frame, fit, options) = OrderedFit;
        AssertReplayReproducesFit(frame, fit, options);
    }

    [Fact]
    public void AppliedCalibration_ReplayReproducesTheFittedProbabilities_WhenAFeatureIsConstantAndExcluded()
    {
        // No system is ever displayed, so the pipeline feature is log(1 + 0) − ln 2 in every month: it is excluded
        // from the fit ("keeps its prior"), but the engine still multiplies the constant by the prior slope.
        var frame = SyntheticFrames.Build(Cutoff, 96, seed: 1, pipelineDisplays: false);
        var options = new FitOptions(ModelForm.Ordered, null, BootstrapReplicates: 0);
        var fit = LadderEstimator.Fit(frame, options);
        Assert.Contains(fit.Design.Excluded, e => e.StartsWith("ladder.pipeline", StringComparison.Ordinal));
        AssertReplayReproducesFit(frame, fit, options);
    }

    [Fact]
    public void StrategicForm_FitsThePrincipalStageFirst_AndReplaysWithIt()
    {
        var frame = SyntheticFrames.Build(Cutoff, 96, seed: 9);
        var options = new FitOptions(ModelForm.Strategic, null, BootstrapReplicates: 4);
        var fit = LadderEstimator.Fit(frame, options);
        Assert.NotNull(fit.Principal);
        Assert.Equal(LadderEstimator.PrincipalNames.ToArray(), fit.EngineNames.TakeLast(4).ToArray());
        Assert.Equal(fit.Principal!.Fit.Theta, fit.EngineValues.TakeLast(4));
        Assert.Equal(fit.Ladder.LogLikelihood + fit.Principal.Fit.LogLikelihood, fit.LogLikelihood, 1e-9);
        Assert.Equal(fit.Design.Coefficients.Length + 4, fit.ParameterCount);
        // The principal stage is its own logit on months with an observed response: re-fit it here.
        var stage = LadderEstimator.FitPrincipal(frame, Enumerable.Range(0, frame.Input.Months).ToArray(), options.PrincipalPriorSd);
        Assert.Equal(stage.Fit.Theta, fit.Principal.Fit.Theta);
        // Cross-covariances between the stages are zero (block diagonal).
        var k = fit.EngineNames.Length;
        for (var i = 0; i < k - 4; i++)
            for (var j = k - 4; j < k; j++) Assert.Equal(0.0, fit.EngineCovariance[i, j]);
        AssertReplayReproducesFit(frame, fit, options);
    }

    [Fact]
    public void FittedEngineValueOutsideTheCatalogBounds_IsReportedNotSilentlyClamped()
    {
        // Seed 6: the expected-sanctions-cost slope comes out far outside its range on the engine scale (the real
        // record gave about +30 at the 2016-12 and 2020-12 origins under weak priors, past the old [-20, 5]). Calibration.Apply clamps it, and
        // because the centring of every slope sits in the intercepts, the simulated probabilities are no longer the
        // fitted ones. The fit must at least say so.
        // Nearly flat priors let separation in a short synthetic frame drive a slope past the catalog's range; the
        // first seed that does so is used (the search itself is deterministic).
        LadderFitResult? fit = null;
        IReadOnlyList<string> outside = [];
        for (var seed = 1; seed <= 60 && outside.Count == 0; seed++)
        {
            var frame = SyntheticFrames.Build(Cutoff, 60, seed: seed);
            fit = LadderEstimator.Fit(frame, new FitOptions(ModelForm.Ordered, new LadderPriors(Intercept: 50, Shared: 50, Rung: 5000), BootstrapReplicates: 0, UpperScaleGrid: [1.0]));
            outside = OutOfBounds(fit);
        }
        Assert.NotEmpty(outside);
        Assert.NotNull(fit);
        foreach (var name in outside)
            Assert.True(fit.Warnings.Any(w => w.Contains(name, StringComparison.Ordinal) && w.Contains("bound", StringComparison.OrdinalIgnoreCase)),
                $"{name} = {fit.EngineValues[fit.EngineNames.IndexOf(name)]:G4} is outside its catalog bounds and no warning says so; warnings: {string.Join(" | ", fit.Warnings)}");
    }

    [Fact]
    public void UpperScale_IsTheGridValueWithTheHighestLogPosterior()
    {
        var (_, fit, options) = OrderedFit;
        var best = double.NegativeInfinity;
        var bestW = double.NaN;
        foreach (var w in options.UpperScales)
        {
            var f = LadderDesign.Build(fit.Sample, options.LadderPriors, upperScale: w).Problem.Fit();
            if (f.LogPosterior > best) { best = f.LogPosterior; bestW = w; }
        }
        Assert.Equal(bestW, fit.Design.UpperScale);
        Assert.Equal(best, fit.Ladder.LogPosterior, 1e-6);
        // A one-value grid fixes it.
        var fixedFit = LadderEstimator.Fit(OrderedFit.Frame, options with { BootstrapReplicates = 0, UpperScaleGrid = [0.35] });
        Assert.Equal(0.35, fixedFit.Design.UpperScale);
        Assert.DoesNotContain(fixedFit.Warnings, w => w.Contains("edge of the grid", StringComparison.Ordinal));
    }
}
