using System.Text;
using System.Text.Json.Nodes;
using Peninsula.Testing;

namespace Peninsula.Estimation.Tests;

/// <summary>Calibration inputs built to exhaust the reader: deep nesting, huge files, huge matrices, raw control characters.</summary>
public sealed class CalibrationHostileTests
{
    private const string FileName = CalibrationTests.FileName;

    private static CalibrationException Rejects(string text)
    {
        var e = Assert.Throws<CalibrationException>(() => Calibration.Parse(text, FileName));
        Assert.Null(ErrorLine.Problem(e.Message, InputFiles.Of(FileName, Encoding.UTF8.GetBytes(text))));
        return e;
    }

    [Theory]
    [InlineData(17, false)]
    [InlineData(100_000, false)]
    [InlineData(100_000, true)]
    public void DeepNesting_IsRejectedAtTheDepthLimit(int depth, bool arrays)
    {
        var e = Rejects(HostileText.DeepJson(depth, arrays));
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains(Calibration.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextOverTheLimit_IsRejectedBeforeParsing()
    {
        var text = "{\"pad\": \"" + new string('x', Calibration.MaxBytes) + "\"}";
        Assert.Contains("longer than 1 Mi characters", Rejects(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OfAFileOverTheLimit_IsRejectedUnparsed()
    {
        var dir = Directory.CreateTempSubdirectory("peninsula-cal-");
        try
        {
            var path = Path.Combine(dir.FullName, FileName);
            File.WriteAllText(path, CalibrationTests.ValidText + new string(' ', Calibration.MaxBytes));
            var e = Assert.Throws<CalibrationException>(() => Calibration.Read(path));
            Assert.Equal($"{FileName}:1: the file is larger than 1 MiB", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Read_OfADeviceThatNeverEnds_StopsAtTheLimit()
    {
        if (!File.Exists("/dev/zero")) return;
        var e = Assert.Throws<CalibrationException>(() => Calibration.Read("/dev/zero"));
        Assert.Equal("zero:1: the file is larger than 1 MiB", e.Message);
    }

    /// <summary>
    /// Regression (found while auditing the fuzz harness): 60,000 names with 60,000 empty covariance rows made the
    /// reader allocate a 60,000² matrix (OutOfMemoryException) before checking the rows' length.
    /// </summary>
    [Fact]
    public void HugeCovarianceShape_IsRejectedBeforeTheMatrixIsAllocated()
    {
        const int n = 60_000;
        var o = JsonNode.Parse(CalibrationTests.ValidText)!.AsObject();
        var engine = o["engine"]!.AsObject();
        engine["names"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => (JsonNode?)JsonValue.Create(Convert.ToString(i, 16)))]);
        engine["values"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)JsonValue.Create(0))]);
        engine["se_bootstrap"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)JsonValue.Create(0))]);
        engine["covariance"] = new JsonArray([.. Enumerable.Range(0, n).Select(_ => (JsonNode?)new JsonArray())]);
        var text = o.ToJsonString();
        Assert.True(text.Length < Calibration.MaxBytes, $"{text.Length} characters");

        var e = Rejects(text);
        Assert.Contains("engine.covariance: row 1 must hold 60000 numbers", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Regression (slow fuzz seed 0x30590009, case 246): a JSON escape of a lone surrogate in a string or a key
    /// parses, but made <c>JsonElement.GetString</c> (and property lookups) throw InvalidOperationException out of the reader.
    /// </summary>
    [Theory]
    [InlineData("\"form\": \"ordered-cr\"", "\"form\": \"ordered-cr\\uD800\"", "form", "string")]
    [InlineData("\"current_era\": \"", "\"current_era\": \"\\uDC00", "current_era", "string")]
    [InlineData("\"warnings\": [", "\"warnings\": [\"\\uD800x\", ", "warnings", "string")]
    [InlineData("\"aic\"", "\"a\\uD800ic\"", "a\\uD800ic", "key")]
    public void EscapedLoneSurrogate_IsRefusedAtItsLine(string find, string replace, string key, string what)
    {
        var text = CalibrationTests.ValidText.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(CalibrationTests.ValidText, text);
        var e = Rejects(text);
        var line = text.AsSpan(0, text.IndexOf("\"" + key + "\"", StringComparison.Ordinal)).Count('\n') + 1;
        Assert.Equal($"{FileName}:{line}: malformed JSON (an escaped lone UTF-16 surrogate in a {what})", e.Message);
    }

    [Fact]
    public void EscapedSurrogatePair_IsText()
    {
        var text = CalibrationTests.ValidText.Replace("\"current_era\": \"", "\"current_era\": \"\\uD83D\\uDE00", StringComparison.Ordinal);
        Assert.StartsWith("\U0001F600", Calibration.Parse(text, FileName).CurrentEra, StringComparison.Ordinal);
    }

    /// <summary>Regression (fuzz seed 0x30590008, case 176): System.Text.Json quotes a bad token with its raw control characters.</summary>
    [Fact]
    public void MalformedTokenWithControlCharacters_IsEscapedInTheMessage()
    {
        var text = CalibrationTests.ValidText.Replace("\"form\": ", "\"form\": nul\u0010\u0001", StringComparison.Ordinal);
        var e = Rejects(text);
        Assert.Contains("malformed JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("\\u0010", e.Message, StringComparison.Ordinal);
    }
}
