using System.Globalization;
using Peninsula.Core;
using Peninsula.History.Tests.Support;

namespace Peninsula.History.Tests;

public sealed class NoLookAheadTests
{
    private static readonly Month EndOf2016 = Month.Of(2016, 12);

    /// <summary>The columns that date a row, per file (kept intact when a later row is garbled).</summary>
    private static readonly Dictionary<string, string[]> KeyColumns = new(StringComparer.Ordinal)
    {
        ["administrations.csv"] = ["term_start", "elected_on"],
        ["events.csv"] = ["date", "year", "month"],
        ["exercises.csv"] = ["year", "date_precision", "end_date", "end_month"],
        ["missile_launches.csv"] = ["date", "year", "month"],
        ["monthly_series.csv"] = ["year", "month"],
        ["nuclear_tests.csv"] = ["date_local", "year", "month"],
        ["policy_phases.csv"] = ["phase_start"],
        ["weapons_pipeline.csv"] = ["date", "year", "month"],
    };

    private static readonly string[] Garbage = ["#garbage#", "", "-1", "2099-99-99", "x,\"y\"", "tab\there", "NaN", "yes"];

    [Fact]
    public void Until_FieldsAfterTheCutAreNeverRead_GarbageThereLoadsTheSameData()
    {
        using var folder = new TempFolder().WithDataCopy();
        var garbled = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in HistoricalData.FileNames)
            garbled[file] = GarbleAfter(folder.File(file), file, EndOf2016);

        // The test bites: every file with rows after the cut was changed, and the changes are invalid.
        Assert.All(HistoricalData.FileNames, f => Assert.True(garbled[f] > 0, $"{f}: no row after {EndOf2016}"));
        var invalid = Assert.Throws<HistoricalDataException>(() => HistoricalData.Load(folder.Path));
        Assert.Equal(HistoricalData.MaxErrors, invalid.Errors.Count);
        Assert.NotEqual(HistoricalData.ComputeSha256(Repo.Data), HistoricalData.ComputeSha256(folder.Path));

        var original = HistoricalData.Load(Repo.Data, EndOf2016);
        var fromGarbage = HistoricalData.Load(folder.Path, EndOf2016);

        Assert.Equal(original, fromGarbage);
        Assert.Equal(EndOf2016, fromGarbage.Until);
        Assert.Equal(EndOf2016, fromGarbage.LastMonth);
    }

    [Fact]
    public void Until_NothingLaterIsExposed()
    {
        var data = HistoricalData.Load(Repo.Data, EndOf2016);
        var last = new DateOnly(2016, 12, 31);

        Assert.Equal(EndOf2016, data.Until);
        Assert.Equal(EndOf2016, data.LastMonth);
        Assert.Equal(Month.Of(1990, 1), data.FirstMonth);
        Assert.All(data.MonthlySeries, r => Assert.True(r.Month <= EndOf2016));
        Assert.All(data.Events, e => Assert.True(e.Date <= last && (e.EndDate ?? last) <= last, e.EventId));
        Assert.All(data.MissileLaunches, l => Assert.True(l.Date <= last, l.LaunchId));
        Assert.All(data.NuclearTests, t => Assert.True(t.DateLocal <= last, t.TestId));
        Assert.All(data.WeaponsPipeline, p => Assert.True(p.Date <= last, p.PipelineId));
        Assert.All(data.PolicyPhases, p => Assert.True(p.PhaseStart <= last && (p.PhaseEnd ?? last) <= last, p.PhaseId));
        Assert.All(data.Exercises, x => Assert.True(
            (x.StartDate ?? last) <= last && (x.EndDate ?? last) <= last && (x.EndMonth ?? EndOf2016) <= EndOf2016 && x.Year <= 2016,
            x.ExerciseId));
        // An administration is known from its election: its scheduled start may follow the cut, nothing else may.
        Assert.All(data.Administrations, a => Assert.True(
            (a.ElectedOn ?? a.TermStart) <= last && (a.TermEnd ?? last) <= last, a.AdminId));

        Assert.Equal(6, data.NuclearTests.Count + 1); // the Sept 2017 test is not there
        var trump = Assert.Single(data.Administrations, a => a.AdminId == "AD05");
        Assert.Null(trump.TermEnd);
        Assert.DoesNotContain(data.Administrations, a => a.AdminId == "AD14"); // elected 2017-05-09
        var park = Assert.Single(data.Administrations, a => a.AdminId == "AD13");
        Assert.Null(park.TermEnd); // removed 2017-03-10: not known at the end of 2016
        Assert.Null(data.PolicyPhases[^1].PhaseEnd);
    }

    [Fact]
    public void Until_EveryCut_EqualsTheFullDataFilteredByTheAsOfRule()
    {
        var full = DataFiles.Full;
        for (var until = Month.Of(1990, 1); until <= Month.Of(2021, 2); until = until.Plus(5))
        {
            var cut = HistoricalData.Load(Repo.Data, until);
            var last = new DateOnly(until.Year, until.MonthOfYear, DateTime.DaysInMonth(until.Year, until.MonthOfYear));
            DateOnly? Known(DateOnly? d) => d > last ? null : d;

            var expected = full with
            {
                Until = until,
                LastMonth = until < full.LastMonth ? until : full.LastMonth,
                Administrations = full.Administrations.Where(a => MonthOf(a.ElectedOn ?? a.TermStart) <= until)
                    .Select(a => a with { TermEnd = Known(a.TermEnd) }).ToArray(),
                Events = full.Events.Where(e => e.Month <= until).Select(e => e with { EndDate = Known(e.EndDate) }).ToArray(),
                Exercises = full.Exercises.Where(x => ExerciseAsOf(x) <= until).ToArray(),
                MissileLaunches = full.MissileLaunches.Where(l => l.Month <= until).ToArray(),
                MonthlySeries = full.MonthlySeries.Where(m => m.Month <= until).ToArray(),
                NuclearTests = full.NuclearTests.Where(t => t.Month <= until).ToArray(),
                PolicyPhases = full.PolicyPhases.Where(p => MonthOf(p.PhaseStart) <= until)
                    .Select(p => p with { PhaseEnd = Known(p.PhaseEnd) }).ToArray(),
                WeaponsPipeline = full.WeaponsPipeline.Where(p => p.Month <= until).ToArray(),
            };
            Assert.Equal(expected, cut);
        }
    }

    [Fact]
    public void Until_EndOf2020_KnowsTheIncomingAdministrationButNotItsRecord()
    {
        var data = HistoricalData.Load(Repo.Data, Month.Of(2020, 12));

        var biden = Assert.Single(data.Administrations, a => a.AdminId == "AD06");
        Assert.Equal(new DateOnly(2021, 1, 20), biden.TermStart);
        Assert.Null(biden.TermEnd);
        Assert.Null(Assert.Single(data.Administrations, a => a.AdminId == "AD05").TermEnd);
        Assert.Equal(Month.Of(2020, 12), data.LastMonth);
        Assert.Equal(DataFiles.Full.Events, data.Events);
    }

    [Fact]
    public void Until_LaterThanTheData_KeepsEverything()
    {
        var data = HistoricalData.Load(Repo.Data, Month.Of(2030, 1));

        Assert.Equal(Month.Of(2030, 1), data.Until);
        Assert.Equal(Month.Of(2020, 12), data.LastMonth);
        Assert.Equal(DataFiles.Full with { Until = Month.Of(2030, 1) }, data);
    }

    [Fact]
    public void Until_UnreadableDateAfterTheCut_IsStillAnError()
    {
        var line = LineOf("events.csv", "EV0240");
        var text = DataFiles.SetField("events.csv", line, "date", "someday");

        var error = DataFiles.FailWith("events.csv", text, EndOf2016);

        Assert.Equal($"events.csv:{line}: date: 'someday' is not a date (YYYY-MM-DD)", error.Message);
    }

    [Fact]
    public void Until_MalformedCsvAfterTheCut_IsStillAnError()
    {
        var line = LineOf("missile_launches.csv", "ML0120");
        var text = DataFiles.ReplaceLine("missile_launches.csv", line, l => l + ",extra");

        var error = DataFiles.FailWith("missile_launches.csv", text, EndOf2016);

        Assert.Equal($"missile_launches.csv:{line}: row has 25 fields, expected 24", error.Message);
    }

    [Fact]
    public void Until_MonthlyOrderIsCheckedOnTheDatesOfSkippedRowsToo()
    {
        var lines = DataFiles.Text("monthly_series.csv").Split('\n').ToList();
        lines.RemoveAt(340); // a 2018 month

        var error = DataFiles.FailWith("monthly_series.csv", string.Join('\n', lines), EndOf2016);

        Assert.StartsWith("monthly_series.csv:341: month: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Until_BeforeTheSeries_IsAnError()
    {
        var error = Assert.Throws<HistoricalDataException>(() => HistoricalData.Load(Repo.Data, Month.Of(1989, 12)));

        Assert.Equal("monthly_series.csv:2: no month on or before 1989-12 (the series starts at 1990-01)", error.Message);
    }

    private static Month MonthOf(DateOnly date) => Month.Of(date.Year, date.Month);

    private static Month ExerciseAsOf(ExerciseRow x) => x.DatePrecision switch
    {
        "day" => MonthOf(x.EndDate!.Value),
        "month" => x.EndMonth!.Value,
        _ => Month.Of(x.Year, 12),
    };

    private static int LineOf(string file, string id) =>
        Array.FindIndex(DataFiles.Text(file).Split('\n'), l => l.StartsWith(id + ",", StringComparison.Ordinal)) + 1;

    /// <summary>The month from which a raw row is known, computed independently of the loader.</summary>
    private static Month AsOf(string file, Func<string, string> field)
    {
        static Month Of(string date) => Month.Parse(date[..7]);
        return file switch
        {
            "administrations.csv" => Of(field("elected_on") is { Length: > 0 } e ? e : field("term_start")),
            "policy_phases.csv" => Of(field("phase_start")),
            "nuclear_tests.csv" => Of(field("date_local")),
            "monthly_series.csv" => Month.Of(int.Parse(field("year"), CultureInfo.InvariantCulture), int.Parse(field("month"), CultureInfo.InvariantCulture)),
            "exercises.csv" => field("date_precision") switch
            {
                "day" => Of(field("end_date")),
                "month" => Of(field("end_month")),
                _ => Month.Of(int.Parse(field("year"), CultureInfo.InvariantCulture), 12),
            },
            _ => Of(field("date")),
        };
    }

    /// <summary>Overwrites every non-key field of every row known only after <paramref name="until"/>; returns how many rows.</summary>
    private static int GarbleAfter(string path, string file, Month until)
    {
        var lines = File.ReadAllText(path).Split('\n');
        var header = DataFiles.SplitCsvLine(lines[0]);
        var keys = KeyColumns[file];
        var count = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
                continue;
            var fields = DataFiles.SplitCsvLine(lines[i]);
            if (AsOf(file, c => fields[header.IndexOf(c)]) <= until)
                continue;
            for (var j = 0; j < fields.Count; j++)
            {
                if (!keys.Contains(header[j]))
                    fields[j] = Garbage[(i + j) % Garbage.Length];
            }
            lines[i] = string.Join(',', fields.Select(DataFiles.Quote));
            count++;
        }
        File.WriteAllText(path, string.Join('\n', lines));
        return count;
    }
}
