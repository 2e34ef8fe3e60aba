using Peninsula.Core;
using Peninsula.History.Tests.Support;

namespace Peninsula.History.Tests;

public sealed class LoaderTests
{
    [Fact]
    public void Load_RepositoryData_HasEveryRow()
    {
        var data = DataFiles.Full;

        Assert.Null(data.Until);
        Assert.Equal(Month.Of(1990, 1), data.FirstMonth);
        Assert.Equal(Month.Of(2020, 12), data.LastMonth);
        Assert.Equal(16, data.Administrations.Count);
        Assert.Equal(251, data.Events.Count);
        Assert.Equal(89, data.Exercises.Count);
        Assert.Equal(126, data.MissileLaunches.Count);
        Assert.Equal(372, data.MonthlySeries.Count);
        Assert.Equal(6, data.NuclearTests.Count);
        Assert.Equal(11, data.PolicyPhases.Count);
        Assert.Equal(48, data.WeaponsPipeline.Count);
    }

    [Fact]
    public void Load_RepositoryData_ParsesTypedValues()
    {
        var data = DataFiles.Full;

        var talks = data.Events.Single(e => e.EventId == "EV0089");
        Assert.Equal(new DateOnly(2005, 7, 26), talks.Date);
        Assert.Equal(new DateOnly(2005, 8, 7), talks.EndDate);
        Assert.Equal(Month.Of(2005, 7), talks.Month);
        Assert.Null(talks.Ref);

        var test = data.NuclearTests[^1];
        Assert.Equal("NT6", test.TestId);
        Assert.Equal(6.3, test.BodyWaveMagnitude);
        Assert.Equal(new TimeOnly(3, 30), test.TimeUtcApprox);

        var first = data.MissileLaunches[0];
        Assert.Equal("month", first.DatePrecision);
        Assert.Equal(new DateOnly(1990, 5, 1), first.Date);
        Assert.Equal(150.0, first.MaxApogeeKm);
        Assert.Null(first.MaxDistanceKm);
        Assert.True(first.InCns);

        var foal = data.Exercises.Single(x => x.ExerciseId == "EX002");
        Assert.Equal(Month.Of(1990, 10), foal.StartMonth);
        Assert.Equal([(Month.Of(1990, 10), 6), (Month.Of(1990, 11), 6)], foal.ImputedDays());

        var kimJongUn = data.Administrations.Single(a => a.AdminId == "AD19");
        Assert.Null(kimJongUn.TermEnd);
        Assert.Null(kimJongUn.ElectedOn);

        var october2006 = data.MonthlyRow(Month.Of(2006, 10));
        Assert.NotNull(october2006);
        Assert.Equal(1, october2006.EvNuclearTest);
        Assert.Equal(MonthlySeriesRow.CountColumns.Count, october2006.Counts().Count);
    }

    [Fact]
    public void Load_SameFolderTwice_ReturnsEqualDatasets()
    {
        Assert.Equal(HistoricalData.Load(Repo.Data), HistoricalData.Load(Repo.Data));
    }

    [Fact]
    public void BadInteger_NamesFileLineColumnAndValue()
    {
        var text = DataFiles.SetField("monthly_series.csv", 57, "srbm_days", "x");

        var error = DataFiles.FailWith("monthly_series.csv", text);

        Assert.Equal("monthly_series.csv:57: srbm_days: 'x' is not a non-negative integer", error.Message);
        Assert.Single(error.Errors);
        Assert.Equal(new HistoricalDataError("monthly_series.csv", 57, "srbm_days", "'x' is not a non-negative integer"), error.Errors[0]);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData(" 1")]
    [InlineData("1e3")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void NonCanonicalInteger_IsAnError(string value)
    {
        var text = DataFiles.SetField("monthly_series.csv", 10, "cruise_days", value);

        var error = DataFiles.FailWith("monthly_series.csv", text);

        Assert.StartsWith("monthly_series.csv:10: cruise_days: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("date", "2005-13-01", "events.csv:3: date: '2005-13-01' is not a date (YYYY-MM-DD)")]
    [InlineData("date", "1991-9-27", "events.csv:3: date: '1991-9-27' is not a date (YYYY-MM-DD)")]
    [InlineData("valence", "friendly", "events.csv:3: valence: 'friendly' is not one of conflict, coop, neutral")]
    [InlineData("year", "1992", "events.csv:3: year: 1992 does not match date 1991-09-27")]
    [InlineData("actor", "USA;XX", "events.csv:3: actor: 'XX' is not a known actor code")]
    [InlineData("description", "", "events.csv:3: description: is empty but required")]
    [InlineData("end_date", "1991-09-01", "events.csv:3: end_date: 1991-09-01 is before date 1991-09-27")]
    public void BadEventField_IsReportedPrecisely(string column, string value, string expected)
    {
        var text = DataFiles.SetField("events.csv", 3, column, value);

        var error = DataFiles.FailWith("events.csv", text);

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void MissingColumn_NamesLineOneAndColumn()
    {
        var text = DataFiles.ReplaceLine("nuclear_tests.csv", 1, l => l.Replace(",site", ",place", StringComparison.Ordinal));

        var error = DataFiles.FailWith("nuclear_tests.csv", text);

        Assert.Equal("nuclear_tests.csv:1: unknown column 'place' in the header", error.Message);
        Assert.Contains(error.Errors, e => e.ToString() == "nuclear_tests.csv:1: site: missing column in the header");
    }

    [Fact]
    public void DuplicateColumn_IsAnError()
    {
        var text = DataFiles.ReplaceLine("policy_phases.csv", 1, l => l.Replace("label", "notes", StringComparison.Ordinal));

        var error = DataFiles.FailWith("policy_phases.csv", text);

        Assert.Equal("policy_phases.csv:1: duplicate column 'notes' in the header", error.Message);
        Assert.Contains(error.Errors, e => e.ToString() == "policy_phases.csv:1: label: missing column in the header");
    }

    [Fact]
    public void ReorderedColumns_AreAnError()
    {
        var text = DataFiles.ReplaceLine("policy_phases.csv", 1, l => l.Replace("label,orientation", "orientation,label", StringComparison.Ordinal));

        var error = DataFiles.FailWith("policy_phases.csv", text);

        Assert.Equal("policy_phases.csv:1: label: expected in position 6, found 'orientation' there", error.Message);
    }

    [Fact]
    public void UnterminatedQuote_IsOneLineError()
    {
        var text = DataFiles.ReplaceLine("administrations.csv", 4, l => l.Replace("\"Hard-line", "\"\"Hard-line", StringComparison.Ordinal).Replace(",pressure->engagement,", ",\"pressure->engagement,", StringComparison.Ordinal));

        var error = DataFiles.FailWith("administrations.csv", text);

        Assert.StartsWith("administrations.csv:4: malformed CSV: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void QuoteNeverClosed_ReportsTheLineWhereTheRecordStarts()
    {
        var text = DataFiles.ReplaceLine("weapons_pipeline.csv", 49, l => "\"" + l.Replace("\"", "", StringComparison.Ordinal));

        var error = DataFiles.FailWith("weapons_pipeline.csv", text);

        Assert.Equal("weapons_pipeline.csv:49: malformed CSV: quoted field is never closed (unterminated quote)", error.Message);
    }

    [Fact]
    public void RaggedRow_IsAnError()
    {
        var text = DataFiles.ReplaceLine("nuclear_tests.csv", 3, l => l + ",extra");

        var error = DataFiles.FailWith("nuclear_tests.csv", text);

        Assert.Equal("nuclear_tests.csv:3: row has 12 fields, expected 11", error.Message);
    }

    [Fact]
    public void BlankLine_IsAnError()
    {
        var text = DataFiles.Text("nuclear_tests.csv") + "\n";

        var error = DataFiles.FailWith("nuclear_tests.csv", text);

        Assert.Equal("nuclear_tests.csv:8: empty line; expected 11 fields", error.Message);
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        var error = DataFiles.FailWith("policy_phases.csv", "");

        Assert.Equal("policy_phases.csv:1: file is empty (no header row)", error.Message);
    }

    [Fact]
    public void HeaderOnly_MonthlySeries_IsAnError()
    {
        var error = DataFiles.FailWith("monthly_series.csv", DataFiles.Text("monthly_series.csv").Split('\n')[0] + "\n");

        Assert.Equal("monthly_series.csv:1: no data rows", error.Message);
    }

    [Fact]
    public void MissingFile_InMemory_IsAnError()
    {
        var error = Assert.Throws<HistoricalDataException>(() => DataFiles.ParseWith("exercises.csv", (byte[]?)null));

        Assert.Equal("exercises.csv:0: file not found", error.Message);
    }

    [Fact]
    public void MissingFile_OnDisk_IsAnError()
    {
        using var folder = new TempFolder().WithDataCopy();
        File.Delete(folder.File("events.csv"));

        var error = Assert.Throws<HistoricalDataException>(() => HistoricalData.Load(folder.Path));

        Assert.Equal("events.csv:0: file not found", error.Message);
    }

    [Fact]
    public void MissingFolder_ReportsEveryFile()
    {
        var error = Assert.Throws<HistoricalDataException>(() => HistoricalData.Load(Path.Combine(Repo.Data, "no-such-folder")));

        Assert.Equal(HistoricalData.FileNames.Select(n => $"{n}:0: file not found"), error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void InvalidUtf8_NamesTheLine()
    {
        var bytes = DataFiles.Bytes["policy_phases.csv"].ToArray();
        var endOfLine2 = Array.IndexOf(bytes, (byte)'\n', Array.IndexOf(bytes, (byte)'\n') + 1);
        bytes[endOfLine2 + 5] = 0xFF; // inside line 3

        var error = Assert.Throws<HistoricalDataException>(() => DataFiles.ParseWith("policy_phases.csv", bytes));

        Assert.StartsWith("policy_phases.csv:3: not valid UTF-8 (byte 0xFF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthlyGap_IsAnError()
    {
        var lines = DataFiles.Text("monthly_series.csv").Split('\n').ToList();
        lines.RemoveAt(56); // drops 1994-07 (line 57 is 1994-08; index 56 is line 57)

        var error = DataFiles.FailWith("monthly_series.csv", string.Join('\n', lines));

        Assert.Equal("monthly_series.csv:57: month: 1994-09 follows 1994-07; expected 1994-08 (one row per month, in order, no gaps)", error.Message);
    }

    [Fact]
    public void MonthlyOutOfOrder_IsAnError()
    {
        var lines = DataFiles.Text("monthly_series.csv").Split('\n').ToList();
        (lines[10], lines[11]) = (lines[11], lines[10]);

        var error = DataFiles.FailWith("monthly_series.csv", string.Join('\n', lines));

        Assert.Equal("monthly_series.csv:11: month: 1990-11 follows 1990-09; expected 1990-10 (one row per month, in order, no gaps)", error.Message);
    }

    [Fact]
    public void DuplicateId_IsAnError()
    {
        var text = DataFiles.SetField("nuclear_tests.csv", 4, "test_id", "NT1");

        var error = DataFiles.FailWith("nuclear_tests.csv", text);

        Assert.Equal("nuclear_tests.csv:4: test_id: 'NT1' is already used on line 2", error.Message);
    }

    [Fact]
    public void ControlCharacterInQuotedField_IsAnErrorOnOneLine()
    {
        var text = DataFiles.SetField("nuclear_tests.csv", 2, "notes", "two\nlines");

        var error = DataFiles.FailWith("nuclear_tests.csv", text);

        Assert.Equal("nuclear_tests.csv:2: notes: 'two\\nlines' contains a control character", error.Message);
    }

    [Fact]
    public void ManyErrors_AreCollectedAcrossFilesAndCapped()
    {
        var files = DataFiles.Bytes.ToDictionary(p => p.Key, p => (byte[]?)p.Value, StringComparer.Ordinal);
        var monthly = string.Join('\n', DataFiles.Text("monthly_series.csv").Split('\n').Select((l, i) => i == 0 || l.Length == 0 ? l : l + "z"));
        files["monthly_series.csv"] = System.Text.Encoding.UTF8.GetBytes(monthly);
        files["administrations.csv"] = System.Text.Encoding.UTF8.GetBytes(DataFiles.SetField("administrations.csv", 2, "certainty", "low"));

        var error = Assert.Throws<HistoricalDataException>(() => HistoricalData.Parse(files, null));

        Assert.Equal(HistoricalData.MaxErrors, error.Errors.Count);
        Assert.True(error.Truncated);
        Assert.Equal("administrations.csv:2: certainty: 'low' is not one of high, medium", error.Message);
        Assert.StartsWith("monthly_series.csv:", error.Errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExerciseDayCountMismatch_IsAnError()
    {
        var text = DataFiles.SetField("exercises.csv", 2, "days_counted", "15");

        var error = DataFiles.FailWith("exercises.csv", text);

        Assert.Equal("exercises.csv:2: days_counted: 15 differs from the 14 days from start_date to end_date", error.Message);
    }

    [Fact]
    public void ComputeSha256_MatchesTheCliDefinition()
    {
        // Hashing.DataSha256 in Peninsula.Cli: "name\nsha256hex\n" per *.csv in ordinal order, then SHA-256 of that text.
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Repo.Data, "*.csv").OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            text.Append(Path.GetFileName(file)).Append('\n')
                .Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
        }
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));

        Assert.Equal(expected, HistoricalData.ComputeSha256(Repo.Data));
        Assert.Matches("^[0-9a-f]{64}$", expected);
    }

    [Fact]
    public void ComputeSha256_ChangesWithOneByte()
    {
        using var folder = new TempFolder().WithDataCopy();
        var before = HistoricalData.ComputeSha256(folder.Path);
        File.AppendAllText(folder.File("events.csv"), " ");

        Assert.NotEqual(before, HistoricalData.ComputeSha256(folder.Path));
        Assert.Equal(HistoricalData.ComputeSha256(Repo.Data), before);
    }
}
