using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Estimation.Tests.Support;

namespace Peninsula.Estimation.Tests;

/// <summary>Calibration files: byte-stable round trip, Apply, one-line located errors, and no date past the cutoff.</summary>
public sealed partial class CalibrationTests
{
    internal const string FileName = "cal.json";
    private static readonly string DataSha = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

    private static readonly Lazy<Calibration> FromFitLazy = new(() =>
    {
        var (_, fit, options) = LadderEstimatorTests.OrderedFit;
        return Calibration.FromFit(fit, options, LadderEstimatorTests.Cutoff, DataSha, SyntheticFrames.HistorySha);
    });

    /// <summary>A calibration of a real fit on a synthetic frame ending at 2016-12.</summary>
    internal static Calibration Fitted => FromFitLazy.Value;

    internal static string ValidText => Fitted.ToJson();

    /// <summary>Every YYYY-MM or YYYY-MM-DD in a text that is later than <paramref name="cutoff"/> (what a caller must reject).</summary>
    internal static List<string> DatesAfter(string text, Month cutoff) =>
        [.. DateLike().Matches(text).Select(m => m.Value).Where(v => Month.TryParse(v, out var month) && month > cutoff)];

    [GeneratedRegex(@"(?<![\d.])\d{4}-\d{2}(?:-\d{2})?(?!\d)")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"^cal\.json:(\d+): \S")]
    private static partial Regex Located();

    /// <summary>Asserts the one-line "cal.json:LINE: …" form and returns the line.</summary>
    internal static int AssertLocated(CalibrationException e)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        var m = Located().Match(e.Message);
        Assert.True(m.Success, $"not located: {e.Message}");
        var line = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(line >= 1, e.Message);
        return line;
    }

    private static int LineOfKey(string text, string key)
    {
        var at = text.IndexOf("\"" + key + "\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"key {key} not in text");
        return text.AsSpan(0, at).Count('\n') + 1;
    }

    private static string Edit(string text, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(text)!.AsObject();
        edit(node);
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    // ---- round trip ------------------------------------------------------------------------------------------

    [Fact]
    public void FittedCalibration_ToJsonParseToJson_IsByteIdentical()
    {
        var text = ValidText;
        var back = Calibration.Parse(text, FileName);
        Assert.Equal(text, back.ToJson());
        Assert.Equal(Fitted.Sha256(), back.Sha256());
        Assert.Equal(Fitted.EngineNames.ToArray(), back.EngineNames.ToArray());
        Assert.Equal(Fitted.EngineValues.ToArray(), back.EngineValues.ToArray());
        Assert.Equal(Fitted.EngineCovariance, back.EngineCovariance);
        Assert.Equal(Fitted.Cutoff, back.Cutoff);
        Assert.Equal(Fitted.Priors, back.Priors);
        Assert.Equal(Fitted.Estimates.Length, back.Estimates.Length);
        Assert.Equal(Fitted.Standardization.ToArray(), back.Standardization.ToArray());
    }

    [Fact]
    public void StrategicCalibration_RoundTrips()
    {
        var frame = SyntheticFrames.Build(LadderEstimatorTests.Cutoff, 60, seed: 2);
        var options = new FitOptions(ModelForm.Strategic, new LadderPriors(4, 0.8, 1.5, 0.7, 1.1), BootstrapReplicates: 3, BlockLength: 6, Seed: 17, RegimeRisk: false);
        var cal = Calibration.FromFit(LadderEstimator.Fit(frame, options), options, LadderEstimatorTests.Cutoff, DataSha, SyntheticFrames.HistorySha);
        Assert.Equal("strategic-qre", cal.Form);
        var text = cal.ToJson();
        Assert.Equal(text, Calibration.Parse(text, FileName).ToJson());
    }

    private static Calibration Constructed(ulong seed = 7, string? warning = "a \"quoted\" ≥ warning\twith\\slashes", double value = 0.5) => new(
        "ordered-cr", Month.Of(2016, 12), Month.Of(2010, 1), 84, DataSha, DataSha,
        10, 9, 12, seed, true, new LadderPriors(),
        "Newton", "Converged", 7, 1e-300, -123.456, 260.912, 3, 2.5,
        ["era one", "era two"], "era two", 0.25,
        [new StandardizationEntry("persist", -0.0, 0.5)],
        [new Estimate("ladder.alpha.1", "standardised", 0.1, 0.2, double.NaN, 5, warning), new Estimate("ladder.persist", "standardised", -1.7976931348623157E+308, 4.9E-324, 1.0 / 3.0, double.NaN, null)],
        ["ladder.alpha.1", "ladder.persist"], [value, -0.1], [double.NaN, 0.3],
        new double[,] { { 0.04, 0.01 }, { 0.01, 0.09 } },
        ["first", "second, with ünïcode and a newline\nin it"]);

    [Fact]
    public void ConstructedCalibration_WithEdgeValues_RoundTrips()
    {
        var text = Constructed().ToJson();
        var back = Calibration.Parse(text, FileName);
        Assert.Equal(text, back.ToJson());
        Assert.True(double.IsNaN(back.Estimates[0].SeBootstrap));
        Assert.Equal(-1.7976931348623157E+308, back.Estimates[1].Value);
        Assert.Equal(4.9E-324, back.Estimates[1].SeHessian);
        Assert.Equal(1.0 / 3.0, back.Estimates[1].SeBootstrap);
        Assert.Null(back.Estimates[1].Warning);
        Assert.Equal(Constructed().Estimates[0].Warning, back.Estimates[0].Warning);
        Assert.Equal(Constructed().Warnings.ToArray(), back.Warnings.ToArray());
    }

    [Fact]
    public void SeedAboveInt32_RoundTrips()
    {
        // FitOptions.Seed is a ulong and the writer writes it in full; the reader must read it back.
        var text = Constructed(seed: 5_000_000_000UL).ToJson();
        var e = Record.Exception(() => Calibration.Parse(text, FileName));
        Assert.True(e is null, $"a calibration written with seed 5000000000 cannot be read back: {e?.Message}");
    }

    [Fact]
    public void ToJson_HasNoTimestampsAndIsDeterministic()
    {
        var (frame, _, options) = LadderEstimatorTests.OrderedFit;
        var again = Calibration.FromFit(LadderEstimator.Fit(frame, options), options, LadderEstimatorTests.Cutoff, DataSha, SyntheticFrames.HistorySha);
        Assert.Equal(ValidText, again.ToJson());
        Assert.EndsWith("\n", ValidText, StringComparison.Ordinal);
    }

    // ---- no look-ahead -----------------------------------------------------------------------------------------

    [Fact]
    public void FittedCalibration_ContainsNoDateAfterItsCutoff_AndOnlyMonthsOfTheWindow()
    {
        var text = ValidText;
        Assert.Empty(DatesAfter(text, Month.Of(2016, 12)));
        var window = Fitted.WindowStart;
        var dates = DateLike().Matches(text).Select(m => Month.Parse(m.Value)).ToList();
        Assert.Contains(Month.Of(2016, 12), dates);
        Assert.All(dates, d => Assert.True(d >= window && d <= Month.Of(2016, 12), d.ToString()));
    }

    [Fact]
    public void DateScanner_FindsLaterDates_AndIgnoresNumbers()
    {
        Assert.Equal(["2017-01"], DatesAfter("{\"x\": \"fitted to 2017-01\", \"y\": \"2016-12\"}", Month.Of(2016, 12)));
        Assert.Equal(["2018-03-04"], DatesAfter("source dated 2018-03-04.", Month.Of(2016, 12)));
        Assert.Empty(DatesAfter("[1.2345E-05, 12345-06, 2016-11-30, 0.2017-05]", Month.Of(2016, 12)));
        // A calibration carrying a later date in any field is caught.
        var leaky = Constructed(warning: "estimated with data through 2019-06") with { Cutoff = Month.Of(2016, 12) };
        Assert.Equal(["2019-06"], DatesAfter(leaky.ToJson(), leaky.Cutoff));
    }

    // ---- Apply -----------------------------------------------------------------------------------------------

    private static ParameterSet PriorSet()
    {
        var specs = ParameterCatalog.All.Select((p, i) => new ParameterSpec(p.Name, 0.5 * (p.Min + p.Max), 0.1 + 0.001 * i, p.Min, p.Max, "prior " + p.Name)).ToList();
        var n = specs.Count;
        var cov = new double[n, n];
        for (var i = 0; i < n; i++) cov[i, i] = specs[i].Sd * specs[i].Sd;
        // Correlations between a fitted and an unfitted parameter, and between two unfitted ones.
        var a1 = ParameterCatalog.IndexOf("ladder.alpha.1");
        var si = ParameterCatalog.IndexOf("stance.intercept");
        var st = ParameterCatalog.IndexOf("stance.trust");
        cov[a1, si] = cov[si, a1] = 0.5 * specs[a1].Sd * specs[si].Sd;
        cov[si, st] = cov[st, si] = 0.3 * specs[si].Sd * specs[st].Sd;
        return new ParameterSet(specs, cov);
    }

    [Fact]
    public void Apply_ReplacesExactlyTheNamedMeansAndCovarianceBlock_AndClampsToBounds()
    {
        var names = ImmutableArray.Create("ladder.alpha.1", "ladder.persist", "ladder.moratorium");
        var cov = new double[,] { { 0.5, 0.1, -0.05 }, { 0.1, 0.2, 0.0 }, { -0.05, 0.0, 4.0 } };
        var cal = Constructed() with
        {
            EngineNames = names,
            EngineValues = [20.0, 0.7, -90.0],
            EngineSeBootstrap = [0.1, 0.1, 0.1],
            EngineCovariance = cov,
        };
        var priors = PriorSet();
        var applied = cal.Apply(priors);
        Assert.Equal(priors.Count, applied.Count);
        var idx = names.Select(priors.IndexOf).ToArray();
        Assert.Equal(12.0, applied.Specs[idx[0]].Mean); // ladder.alpha.1 upper bound
        Assert.Equal(0.7, applied.Specs[idx[1]].Mean);
        Assert.Equal(Peninsula.Engine.Model.ParameterCatalog.All[Peninsula.Engine.Model.ParameterCatalog.IndexOf("ladder.moratorium")].Min, applied.Specs[idx[2]].Mean); // ladder.moratorium lower bound
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(Math.Sqrt(cov[i, i]), applied.Specs[idx[i]].Sd, 1e-15);
            Assert.Equal(priors.Specs[idx[i]].Lower, applied.Specs[idx[i]].Lower);
            Assert.Equal(priors.Specs[idx[i]].Upper, applied.Specs[idx[i]].Upper);
            Assert.Contains("2010-01..2016-12", applied.Specs[idx[i]].Rationale, StringComparison.Ordinal);
            for (var j = 0; j < 3; j++) Assert.Equal(cov[i, j], applied.Covariance[idx[i], idx[j]]);
        }
        var si = priors.IndexOf("stance.intercept");
        var st = priors.IndexOf("stance.trust");
        Assert.Equal(0.0, applied.Covariance[idx[0], si]);
        Assert.Equal(0.0, applied.Covariance[si, idx[0]]);
        for (var p = 0; p < priors.Count; p++)
        {
            if (idx.Contains(p)) continue;
            Assert.Equal(priors.Specs[p], applied.Specs[p]);
            for (var q = 0; q < priors.Count; q++)
            {
                if (idx.Contains(q)) continue;
                Assert.Equal(priors.Covariance[p, q], applied.Covariance[p, q]);
            }
        }
        Assert.NotEqual(0.0, applied.Covariance[si, st]);
    }

    [Fact]
    public void Apply_OfAFittedCalibration_OntoTheScenarioPriors()
    {
        var priors = SyntheticFrames.Priors;
        var applied = Fitted.Apply(priors);
        for (var i = 0; i < Fitted.EngineNames.Length; i++)
        {
            var p = applied.IndexOf(Fitted.EngineNames[i]);
            Assert.Equal(Fitted.EngineValues[i], applied.Specs[p].Mean);
        }
        Assert.Equal(priors.Specs[priors.IndexOf("ladder.negotiation_risk")].Mean, applied.Specs[applied.IndexOf("ladder.negotiation_risk")].Mean);
        Assert.Equal(priors.Specs[priors.IndexOf("trust.retention")], applied.Specs[applied.IndexOf("trust.retention")]);
    }

    [Fact]
    public void Apply_UnknownParameter_IsACalibrationException()
    {
        var cal = Constructed() with { EngineNames = ["ladder.alpha.1", "ladder.nonsense"] };
        var e = Assert.Throws<CalibrationException>(() => cal.Apply(PriorSet()));
        Assert.Contains("ladder.nonsense", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_OfAnyParsedCalibration_ThrowsOnlyCalibrationExceptions()
    {
        // Parse accepts any string as data_sha256; Apply must not then fail with an unrelated exception.
        var text = Edit(ValidText, o => o["data_sha256"] = "abc");
        var cal = Calibration.Parse(text, FileName);
        var e = Record.Exception(() => cal.Apply(SyntheticFrames.Priors));
        Assert.True(e is null or CalibrationException, $"Apply threw {e?.GetType().Name}: {e?.Message}");
    }
}
