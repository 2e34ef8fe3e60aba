using System.Text.Json.Nodes;
using Peninsula.Testing;
using Xunit.Abstractions;

namespace Peninsula.Estimation.Tests;

/// <summary>Malformed calibration files: every problem is one CalibrationException line naming file, line and field.</summary>
public sealed partial class CalibrationTests(ITestOutputHelper output)
{
    private static CalibrationException Rejects(string text) => Assert.Throws<CalibrationException>(() => Calibration.Parse(text, FileName));

    /// <summary>Asserts the error is located at <paramref name="key"/>'s line and names <paramref name="path"/> and <paramref name="says"/>.</summary>
    private static void RejectsAt(string text, string key, string path, string says)
    {
        var e = Rejects(text);
        var line = AssertLocated(e);
        Assert.Equal(LineOfKey(text, key), line);
        Assert.StartsWith($"{FileName}:{line}: {path}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedJson_IsMalformed_AtALineOfTheText()
    {
        var text = ValidText;
        foreach (var cut in new[] { 1, 17, text.Length / 3, text.Length / 2, text.Length - 3 })
        {
            var part = text[..cut];
            var e = Rejects(part);
            var line = AssertLocated(e);
            Assert.InRange(line, 1, part.Count(c => c == '\n') + 1);
            Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        }
        AssertLocated(Rejects(""));
    }

    [Fact]
    public void WrongTypes_AreLocated()
    {
        RejectsAt(Edit(ValidText, o => o["months"] = "96"), "months", "months", "must be a number");
        RejectsAt(Edit(ValidText, o => o["months"] = 1.5), "months", "months", "non-negative integer");
        RejectsAt(Edit(ValidText, o => o["months"] = -3), "months", "months", "non-negative integer");
        RejectsAt(Edit(ValidText, o => o["options"]!["block_length"] = true), "block_length", "options.block_length", "must be a number");
        RejectsAt(Edit(ValidText, o => o["options"]!["regime_risk"] = "yes"), "regime_risk", "options.regime_risk", "true or false");
        RejectsAt(Edit(ValidText, o => o["engine"]!["values"] = "none"), "values", "engine.values", "must be an array");
        RejectsAt(Edit(ValidText, o => o["engine"]!["values"]![0] = "1.0"), "values", "engine.values", "must hold numbers");
        RejectsAt(Edit(ValidText, o => o["engine"]!["names"]![1] = 3), "names", "engine.names", "must hold strings");
        RejectsAt(Edit(ValidText, o => o["engine"] = new JsonArray()), "engine", "engine", "must be an object");
        RejectsAt(Edit(ValidText, o => o["optimizer"]!["gradient_norm"] = "small"), "gradient_norm", "optimizer.gradient_norm", "must be a number");
        RejectsAt(Edit(ValidText, o => o["engine"]!["covariance"]![0]![0] = "x"), "covariance", "engine.covariance", "row 1 must hold numbers");
        RejectsAt(Edit(ValidText, o => o["format"] = "peninsula-calibration/2"), "format", "format", "expected 'peninsula-calibration/1'");
    }

    [Fact]
    public void MissingFields_AreNamed()
    {
        foreach (var field in new[] { "form", "cutoff", "data_sha256", "engine", "estimates", "months" })
        {
            var e = Rejects(Edit(ValidText, o => o.Remove(field)));
            AssertLocated(e);
            Assert.Contains($": {field}: is missing", e.Message, StringComparison.Ordinal);
        }
        var nested = Rejects(Edit(ValidText, o => o["engine"]!.AsObject().Remove("covariance")));
        AssertLocated(nested);
        Assert.Contains(": engine.covariance: is missing", nested.Message, StringComparison.Ordinal);
        var prior = Rejects(Edit(ValidText, o => o["options"]!["prior_sd"]!.AsObject().Remove("rung")));
        Assert.Contains(": options.prior_sd.rung: is missing", prior.Message, StringComparison.Ordinal);
        var est = Rejects(Edit(ValidText, o => o["estimates"]![2]!.AsObject().Remove("se_hessian")));
        Assert.Contains(": estimates[2].se_hessian: is missing", est.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Covariance_NonSymmetric_NonPsd_WrongShape_AreRejected()
    {
        RejectsAt(Edit(ValidText, o => o["engine"]!["covariance"]![0]![1] = o["engine"]!["covariance"]![0]![1]!.GetValue<double>() + 0.5),
            "covariance", "engine.covariance", "is not symmetric at (2, 1)");
        RejectsAt(Edit(ValidText, o => o["engine"]!["covariance"]![0]![0] = -1.0), "covariance", "engine.covariance", "is not positive semi-definite");
        // Symmetric with a positive diagonal but an impossible correlation (|ρ| > 1).
        RejectsAt(Edit(ValidText, o =>
        {
            var c = o["engine"]!["covariance"]!;
            var v = 3 * Math.Sqrt(c[0]![0]!.GetValue<double>() * c[1]![1]!.GetValue<double>());
            c[0]![1] = v;
            c[1]![0] = v;
        }), "covariance", "engine.covariance", "is not positive semi-definite");
        RejectsAt(Edit(ValidText, o => o["engine"]!["covariance"]!.AsArray().RemoveAt(0)), "covariance", "engine.covariance", "rows, expected");
        RejectsAt(Edit(ValidText, o => o["engine"]!["covariance"]![3]!.AsArray().RemoveAt(0)), "covariance", "engine.covariance", "row 4 must hold");
    }

    [Fact]
    public void UnknownForm_IsRejectedListingTheKnownOnes()
    {
        RejectsAt(Edit(ValidText, o => o["form"] = "ordered"), "form", "form", "unknown form 'ordered' (known: ordered-cr, strategic-qre)");
    }

    [Fact]
    public void NamesAndValues_LengthMismatch_AndDuplicates_AreRejected()
    {
        RejectsAt(Edit(ValidText, o => o["engine"]!["values"]!.AsArray().RemoveAt(0)), "values", "engine.values", "entries for");
        RejectsAt(Edit(ValidText, o => o["engine"]!["se_bootstrap"]!.AsArray().Add(1.0)), "se_bootstrap", "engine.se_bootstrap", "entries for");
        RejectsAt(Edit(ValidText, o => o["engine"]!["names"]![1] = o["engine"]!["names"]![0]!.GetValue<string>()), "names", "engine.names", "listed twice");
        RejectsAt(Edit(ValidText, o => o["engine"]!["values"]![0] = null), "values", "engine.values", "finite");
    }

    [Fact]
    public void BadMonths_AreRejected()
    {
        RejectsAt(Edit(ValidText, o => o["cutoff"] = "2016-13"), "cutoff", "cutoff", "'2016-13' is not a month YYYY-MM");
        RejectsAt(Edit(ValidText, o => o["cutoff"] = "December 2016"), "cutoff", "cutoff", "is not a month");
        RejectsAt(Edit(ValidText, o => o["window_start"] = "2016-00"), "window_start", "window_start", "is not a month");
        RejectsAt(Edit(ValidText, o => o["window_start"] = "2017-01"), "window_start", "window_start", "after the cutoff 2016-12");
    }

    [Fact]
    public void NumberOutOfDoubleRange_InEngineValues_IsRejected_AndElsewhereNeverCrashes()
    {
        var first = ValidText.IndexOf("\"values\": [", StringComparison.Ordinal) + "\"values\": [".Length;
        var end = ValidText.IndexOf(',', first);
        var text = string.Concat(ValidText.AsSpan(0, first), "1e999", ValidText.AsSpan(end));
        RejectsAt(text, "values", "engine.values", "finite");
        foreach (var key in new[] { "log_likelihood", "regime_variance", "aic" })
        {
            var big = ValidText.Replace($"\"{key}\": ", $"\"{key}\": -1e999, \"_was_{key}\": ", StringComparison.Ordinal);
            var e = Record.Exception(() => Calibration.Parse(big, FileName));
            Assert.True(e is null or CalibrationException, $"{key} = -1e999 gave {e?.GetType().Name}: {e?.Message}");
        }
    }

    [Fact]
    public void UserTextEchoedInAMessage_StaysOnOneLine()
    {
        // A JSON string may hold an escaped newline; messages quoting it must still be one line.
        var form = Rejects(Edit(ValidText, o => o["form"] = "ordered\ncr"));
        Assert.False(form.Message.Contains('\n', StringComparison.Ordinal), "two-line message: " + form.Message);
        var month = Rejects(Edit(ValidText, o => o["cutoff"] = "2016\n-12"));
        Assert.False(month.Message.Contains('\n', StringComparison.Ordinal), "two-line message: " + month.Message);
    }

    [Fact]
    public void RootNotAnObject_AndDeepNesting_AreLocated()
    {
        AssertLocated(Rejects("[]"));
        AssertLocated(Rejects("42"));
        AssertLocated(Rejects("null"));
        AssertLocated(Rejects(new string('[', 100) + new string(']', 100)));
        AssertLocated(Rejects(Edit(ValidText, o => o["estimates"]![0] = 5)));
    }

    [Fact]
    public void ParseOfAStringWithALoneSurrogate_IsACalibrationException()
    {
        var text = ValidText.Replace("\"ordered-cr\"", "\"ordered-cr\uD800\"", StringComparison.Ordinal);
        var e = Record.Exception(() => Calibration.Parse(text, FileName));
        Assert.True(e is CalibrationException, $"gave {e?.GetType().Name ?? "no exception"}: {e?.Message}");
    }

    [Fact]
    public void Read_MissingFile_IsACalibrationExceptionNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "peninsula-no-such-dir-" + Guid.NewGuid().ToString("N"), FileName);
        var e = Assert.Throws<CalibrationException>(() => Calibration.Read(path));
        Assert.StartsWith(FileName + ": ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_OfAWrittenFile_RoundTrips()
    {
        var dir = Directory.CreateTempSubdirectory("peninsula-cal-");
        try
        {
            var path = Path.Combine(dir.FullName, FileName);
            File.WriteAllText(path, ValidText);
            Assert.Equal(ValidText, Calibration.Read(path).ToJson());
            File.WriteAllText(path, Edit(ValidText, o => o["form"] = "x"));
            Assert.StartsWith(FileName + ":", Assert.Throws<CalibrationException>(() => Calibration.Read(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // ---- fuzz ------------------------------------------------------------------------------------------------

    /// <summary>Cases in every CI run.</summary>
    public const int FuzzCiCases = 2_000;

    /// <summary>Cases in the slow run.</summary>
    public const int FuzzSlowCases = 100_000;

    private static readonly Mutator JsonMutator = new(Alphabet.Json);

    /// <summary>
    /// Mutates the UTF-8 bytes of a valid calibration with the shared mutator and parses the text (invalid bytes
    /// decoded as U+FFFD, as <see cref="Calibration.Read"/> does); every case must parse, or fail with a one-line
    /// <see cref="CalibrationException"/> naming the file and a line of it. What parses must also write back and apply.
    /// </summary>
    private static FuzzReport Fuzz(int cases, ulong seed)
    {
        var valid = System.Text.Encoding.UTF8.GetBytes(ValidText);
        var priors = Support.SyntheticFrames.Priors;
        return Testing.Fuzz.Run("calibration JSON", JsonMutator.Inputs(1), seed, cases, input =>
        {
            var bytes = JsonMutator.Apply(valid, input);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Calibration cal;
            try
            {
                cal = Calibration.Parse(text, FileName);
            }
            catch (CalibrationException e)
            {
                return FuzzOutcome.Rejected(InputFiles.Of(FileName, bytes), e.Message);
            }
            // What a caller does next: write it back and apply it (Apply does not know the file: type only).
            cal.ToJson();
            try
            {
                cal.Apply(priors);
            }
            catch (CalibrationException)
            {
            }
            return FuzzOutcome.Accepted;
        });
    }

    [Fact]
    public void Fuzz_2000Mutations_OnlyCalibrationExceptions()
    {
        var report = Fuzz(FuzzCiCases, 0x0000_0000_3059_0008UL);
        output.WriteLine(report.ToString());

        // Some damage is harmless (inside a string): successes must occur too, and so must failures.
        Assert.InRange(report.Accepted, 1, FuzzCiCases - 1);
        Assert.True(report.DistinctProblems > 20, report.ToString());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Fuzz_100000Mutations_OnlyCalibrationExceptions()
    {
        var report = Fuzz(FuzzSlowCases, 0x0000_0000_3059_0009UL);
        output.WriteLine(report.ToString());

        Assert.InRange(report.Accepted, 1, FuzzSlowCases - 1);
    }
}
