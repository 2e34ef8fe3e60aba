using Peninsula.Core;
using Peninsula.History.Tests.Support;

namespace Peninsula.History.Tests;

public sealed class LadderLabelTests
{
    private static IReadOnlyList<LadderMonth> Labels1990To2020 =>
        DataFiles.Full.LadderLabels().Where(l => l.Month >= Month.Of(1990, 1) && l.Month <= Month.Of(2020, 12)).ToArray();

    [Fact]
    public void Counts_1990To2020_MatchTheDesignFigures()
    {
        var levels = Labels1990To2020.Select(l => l.Level).ToArray();

        Assert.Equal(372, levels.Length);
        Assert.Equal(74, levels.Count(l => l >= 3));
        Assert.Equal(35, levels.Count(l => l >= 4));
        Assert.Equal(14, levels.Count(l => l >= 5));
        Assert.Equal(6, levels.Count(l => l == 6));
    }

    [Theory]
    [InlineData(2006, 10, 6)]
    [InlineData(2009, 5, 6)]
    [InlineData(2017, 9, 6)]
    [InlineData(2017, 7, 5)]
    public void HandCheckedMonths_HaveTheirLevel(int year, int month, int level)
    {
        Assert.Equal(level, LadderLabel.Of(DataFiles.Full.MonthlyRow(Month.Of(year, month))!));
    }

    [Theory]
    [InlineData(2018, 4)]
    [InlineData(2018, 6)]
    public void SummitMonths2018_AreBelowThree(int year, int month)
    {
        Assert.True(LadderLabel.Of(DataFiles.Full.MonthlyRow(Month.Of(year, month))!) < 3);
    }

    [Fact]
    public void NuclearTestMonths_AreExactlyTheLevelSixMonths()
    {
        var testMonths = DataFiles.Full.NuclearTests.Select(t => t.Month).ToHashSet();

        Assert.Equal(testMonths, Labels1990To2020.Where(l => l.Level == 6).Select(l => l.Month).ToHashSet());
    }

    [Fact]
    public void Rules_AreAppliedInOrder_HighestRungWins()
    {
        var zero = MonthlySeriesRow.FromCounts(Month.Of(2000, 1), new int[MonthlySeriesRow.CountColumns.Count]);

        Assert.Equal(0, LadderLabel.Of(zero));
        Assert.Equal(1, LadderLabel.Of(zero with { DprkConflictEvents = 1, EvConflict = 3, SamOrRocketDays = 2, AllLaunchDays = 2 }));
        Assert.Equal(2, LadderLabel.Of(zero with { DprkConflictEvents = 1, EvProvocationInterkorean = 1 }));
        Assert.Equal(3, LadderLabel.Of(zero with { SrbmDays = 1, EvProvocationInterkorean = 1 }));
        Assert.Equal(3, LadderLabel.Of(zero with { CsisOnlyBallisticDays = 1 }));
        Assert.Equal(3, LadderLabel.Of(zero with { CruiseDays = 1 }));
        Assert.Equal(3, LadderLabel.Of(zero with { CnsLaunchDays = 1 }));
        Assert.Equal(4, LadderLabel.Of(zero with { MrbmIrbmDays = 1, SrbmDays = 2 }));
        Assert.Equal(4, LadderLabel.Of(zero with { SlbmMissiles = 1 }));
        Assert.Equal(5, LadderLabel.Of(zero with { IcbmMissiles = 1, SlbmMissiles = 1 }));
        Assert.Equal(5, LadderLabel.Of(zero with { SlvLaunches = 1 }));
        Assert.Equal(6, LadderLabel.Of(zero with { EvNuclearTest = 1, IcbmMissiles = 2 }));
    }

    [Fact]
    public void CruiseCoverage_StartsIn2010()
    {
        Assert.Equal(Month.Of(2010, 1), LadderLabel.CruiseCoverageStart);
        Assert.False(LadderLabel.CruiseCovered(Month.Of(2009, 12)));
        Assert.True(LadderLabel.CruiseCovered(Month.Of(2010, 1)));
        Assert.Equal(240, Labels1990To2020.Count(l => !l.CruiseCovered));
    }

    [Fact]
    public void LevelWithoutCruise_DiffersOnlyWhereCruiseAloneMadeLevelThree()
    {
        var full = DataFiles.Full;
        foreach (var row in full.MonthlySeries)
        {
            var label = LadderLabel.Label(row);
            var cruiseOnly = row.CruiseDays > 0 && label.Level == 3
                && row.SrbmDays + row.CsisOnlyBallisticDays + row.CnsLaunchDays == 0;
            Assert.Equal(cruiseOnly, label.LevelWithoutCruise != label.Level);
            Assert.True(label.LevelWithoutCruise <= label.Level);
        }

        var dropped = full.LadderLabels().Where(l => l.Level != l.LevelWithoutCruise).ToArray();
        Assert.Equal(17, dropped.Length);
        Assert.Equal(12, dropped.Count(l => !l.CruiseCovered));
    }

    [Fact]
    public void Label_IsPure()
    {
        var row = DataFiles.Full.MonthlyRow(Month.Of(2017, 7))!;

        Assert.Equal(LadderLabel.Label(row), LadderLabel.Label(row with { }));
        Assert.Equal(new LadderMonth(Month.Of(2017, 7), 5, 5, true), LadderLabel.Label(row));
    }
}
