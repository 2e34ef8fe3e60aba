using System.Text.RegularExpressions;
using Peninsula.Cli.Commands;
using Peninsula.Core;
using Peninsula.Estimation;

namespace Peninsula.Cli.Tests;

/// <summary>fit, forecast and the no-look-ahead rules of DESIGN section 6.</summary>
public sealed partial class FitCommandTests
{
    private static readonly FitOptions Quick = new(ModelForm.Ordered, null, BootstrapReplicates: 10);

    /// <summary>
    /// Columns that date each row of each data file (the loader's as-of rule): a YYYY-MM-DD column, or year and month,
    /// followed by other dating columns that must stay consistent with it.
    /// </summary>
    private static readonly Dictionary<string, string[]> DateColumns = new()
    {
        ["monthly_series.csv"] = ["year", "month"],
        ["events.csv"] = ["date", "year", "month"],
        ["missile_launches.csv"] = ["date", "year", "month"],
        ["nuclear_tests.csv"] = ["date_local", "year", "month"],
        ["weapons_pipeline.csv"] = ["date", "year", "month"],
        ["policy_phases.csv"] = ["phase_start"],
        ["agreements.csv"] = ["signed"],
        ["exogenous.csv"] = ["start"],
    };

    [Fact]
    public void Fit2016_NeverReadsALaterRow_GarbageAfterTheCutoffGivesTheSameCalibration()
    {
        Environment.SetEnvironmentVariable("PENINSULA_HOME", CliRunner.RepoRoot());
        var cutoff = Month.Of(2016, 12);
        var original = Path.Combine(CliRunner.RepoRoot(), "data");
        var garbled = Path.Combine(Path.GetTempPath(), "peninsula-garbled-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(garbled);
        try
        {
            var changed = 0;
            foreach (var file in Directory.GetFiles(original))
            {
                var name = Path.GetFileName(file);
                if (!DateColumns.TryGetValue(name, out var dateColumns))
                {
                    File.Copy(file, Path.Combine(garbled, name));
                    continue;
                }
                var lines = File.ReadAllLines(file);
                var header = lines[0].Split(',');
                var idx = dateColumns.Select(c => Array.IndexOf(header, c)).ToArray();
                Assert.All(idx, i => Assert.True(i >= 0, name));
                var output = new List<string> { lines[0] };
                foreach (var line in lines.Skip(1))
                {
                    var fields = SplitCsv(line);
                    var when = dateColumns[0] == "year"
                        ? Month.Of(int.Parse(fields[idx[0]], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[idx[1]], System.Globalization.CultureInfo.InvariantCulture))
                        : Month.Parse(fields[idx[0]][..7]);
                    if (when <= cutoff)
                    {
                        output.Add(line);
                        continue;
                    }
                    // Every field but the dating ones becomes garbage the loader would reject if it read it.
                    output.Add(string.Join(',', fields.Select((f, i) => idx.Contains(i) ? f : "#garbage#")));
                    changed++;
                }
                File.WriteAllLines(Path.Combine(garbled, name), output);
            }
            Assert.True(changed > 100, $"only {changed} rows garbled");

            var real = Fitting.Fit(cutoff, Quick).Calibration;
            var fake = Fitting.Fit(cutoff, Quick, garbled).Calibration;
            // The folder hash differs by construction (the files differ); everything the fit computed must not.
            Assert.NotEqual(real.DataSha256, fake.DataSha256);
            Assert.Equal(WithoutDataSha(real.ToJson()), WithoutDataSha(fake.ToJson()));
        }
        finally
        {
            Directory.Delete(garbled, recursive: true);
        }
    }

    [Fact]
    public void Fit_TwiceGivesIdenticalBytes_AndCarriesNoDateAfterItsCutoff()
    {
        Environment.SetEnvironmentVariable("PENINSULA_HOME", CliRunner.RepoRoot());
        var a = Fitting.Fit(Month.Of(2012, 12), Quick).Calibration.ToJson();
        var b = Fitting.Fit(Month.Of(2012, 12), Quick).Calibration.ToJson();
        Assert.Equal(a, b);
        Assert.Empty(DatesAfter(a, Month.Of(2012, 12)));
    }

    [Fact]
    public void ShippedCalibration_IsReproducedByteForByteByTheFitCommand()
    {
        var shipped = Path.Combine(CliRunner.RepoRoot(), "calibrations", "2020-12.json");
        var output = CliRunner.TempFile(".json");
        try
        {
            var r = CliRunner.Run("fit", "--until", "2020-12", "--out", output);
            Assert.True(r.ExitCode == 0, r.Errors);
            Assert.Equal(File.ReadAllText(shipped), File.ReadAllText(output));
            Assert.Empty(DatesAfter(File.ReadAllText(shipped), Month.Of(2020, 12)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void DateScanner_FindsALaterDate()
    {
        Assert.Equal(["2017-01"], DatesAfter("{\"note\": \"fitted on 1990-01..2016-12, see 2017-01-20\"}", Month.Of(2016, 12)));
    }

    [Theory]
    [InlineData(new[] { "fit", "--out", "x.json" }, "--until is required")]
    [InlineData(new[] { "fit", "--until", "2020-13", "--out", "x.json" }, "--until: '2020-13' is not a month")]
    [InlineData(new[] { "fit", "--until", "2020-12", "--form", "probit", "--out", "x.json" }, "unknown form 'probit'")]
    [InlineData(new[] { "fit", "--until", "2021-06", "--out", "x.json" }, "the record ends at 2020-12")]
    [InlineData(new[] { "fit", "--until", "2020-12" }, "--out is required")]
    public void Fit_BadOptions_OneLineErrorAndNonZeroExit(string[] args, string expected)
    {
        var r = CliRunner.Run(args);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(expected, r.Errors, StringComparison.Ordinal);
        Assert.Single(r.Errors.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Forecast_FromBeforeTheCutoff_IsRejectedAsLookAhead()
    {
        var shipped = Path.Combine(CliRunner.RepoRoot(), "calibrations", "2020-12.json");
        var r = CliRunner.Run("forecast", "--calibration", shipped, "--from", "2017-01", "--runs", "100", "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("not after the calibration's cutoff 2020-12", r.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithACalibrationCutAfterTheScenarioStart_IsRejected()
    {
        var shipped = Path.Combine(CliRunner.RepoRoot(), "calibrations", "2020-12.json");
        var r = CliRunner.Run("run", CliRunner.Scenario("transition-2017.yaml"), "--calibration", shipped, "--runs", "100", "--no-db");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("cutoff 2020-12 is not before the scenario's start 2017-01", r.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_2021_FromTheReconstructedState_WritesForecastJsonWithTheCalibration()
    {
        var shipped = Path.Combine(CliRunner.RepoRoot(), "calibrations", "2020-12.json");
        var output = CliRunner.TempFile(".json");
        try
        {
            var r = CliRunner.Run("forecast", "--calibration", shipped, "--from", "2021-01", "--months", "48", "--runs", "400", "--draws", "20", "--out", output, "--no-db");
            Assert.True(r.ExitCode == 0, r.Errors);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output));
            var root = doc.RootElement;
            Assert.Equal("2021-01", root.GetProperty("start").GetString());
            Assert.Equal(48, root.GetProperty("months").GetInt32());
            Assert.Equal(48, root.GetProperty("monthly").GetArrayLength());
            Assert.Equal("2020-12", root.GetProperty("calibration").GetProperty("cutoff").GetString());
            Assert.StartsWith("fitted:", root.GetProperty("calibration").GetProperty("source").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static string WithoutDataSha(string json) => DataShaLine().Replace(json, "");

    /// <summary>Every YYYY-MM or YYYY-MM-DD in <paramref name="text"/> later than <paramref name="cutoff"/>.</summary>
    public static IReadOnlyList<string> DatesAfter(string text, Month cutoff) =>
        [.. DatePattern().Matches(text).Select(m => m.Value[..7]).Where(v => Month.TryParse(v, out var mm) && mm > cutoff)];

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return [.. fields];
    }

    [GeneratedRegex("\"data_sha256\": \"[0-9a-f]+\",?\\n")]
    private static partial Regex DataShaLine();

    [GeneratedRegex(@"\b(19|20)\d\d-(0[1-9]|1[0-2])(-\d\d)?\b")]
    private static partial Regex DatePattern();
}
