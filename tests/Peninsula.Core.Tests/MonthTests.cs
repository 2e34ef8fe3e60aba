using CsCheck;

namespace Peninsula.Core.Tests;

public class MonthTests
{
    private static readonly Gen<Month> GenMonth =
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12], Month.Of);

    [Fact]
    public void TryParse_FormattedMonth_RoundTrips()
    {
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 12]).Sample((year, month) =>
        {
            var original = Month.Of(year, month);
            var text = original.ToString();

            Assert.Matches(@"^\d{4}-\d{2}$", text);
            Assert.True(Month.TryParse(text, out var parsed), text);
            Assert.Equal(original, parsed);
            Assert.Equal(year, parsed.Year);
            Assert.Equal(month, parsed.MonthOfYear);
        }, iter: 10_000);
    }

    [Theory]
    [InlineData(2021, 1, "2021-01")]
    [InlineData(2021, 12, "2021-12")]
    [InlineData(1, 1, "0001-01")]
    [InlineData(9999, 12, "9999-12")]
    public void ToString_YearAndMonth_FormatsAsYyyyMm(int year, int month, string expected)
    {
        Assert.Equal(expected, Month.Of(year, month).ToString());
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("2021-00")]
    [InlineData("21-01")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("0000-01")]
    [InlineData("2021-1")]
    [InlineData("2021/01")]
    [InlineData("2021-01-")]
    [InlineData("+021-01")]
    [InlineData("-021-01")]
    [InlineData("2021-0x")]
    [InlineData("20210-01")]
    [InlineData("2021-02-30")] // full dates must be real dates
    [InlineData("2023-02-29")]
    [InlineData("2021-01-2x")]
    public void TryParse_InvalidText_ReturnsFalse(string? text)
    {
        Assert.False(Month.TryParse(text, out var month));
        Assert.Equal(default, month);
    }

    [Theory]
    [InlineData("2021-01-20", 2021, 1)]
    [InlineData("2024-02-29", 2024, 2)]
    [InlineData("1999-12-31", 1999, 12)]
    public void TryParse_FullIsoDate_KeepsYearAndMonth(string text, int year, int month)
    {
        Assert.True(Month.TryParse(text, out var parsed));
        Assert.Equal(Month.Of(year, month), parsed);
    }

    [Fact]
    public void TryParse_SurroundingWhitespace_IsTrimmed()
    {
        Assert.True(Month.TryParse(" 2021-03\t", out var parsed));
        Assert.Equal(Month.Of(2021, 3), parsed);
    }

    [Fact]
    public void TryParse_ArbitraryStrings_NeverThrows()
    {
        Gen.String.Sample(text =>
        {
            if (Month.TryParse(text, out var month)) Assert.Equal(month, Month.Parse(month.ToString()));
        }, iter: 10_000);
    }

    [Fact]
    public void Parse_ValidText_ReturnsMonth()
    {
        Assert.Equal(Month.Of(2018, 6), Month.Parse("2018-06"));
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("abc")]
    [InlineData("")]
    public void Parse_InvalidText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => Month.Parse(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void Of_MonthOutsideOneToTwelve_Throws(int month)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Month.Of(2021, month));
    }

    [Fact]
    public void Of_YearAndMonth_IndexCountsMonthsSinceJanuaryOfYearZero()
    {
        Assert.Equal(2021 * 12 + 2, Month.Of(2021, 3).Index);
    }

    [Theory]
    [InlineData(2021, 11, 3, 2022, 2)]
    [InlineData(2021, 1, -1, 2020, 12)]
    [InlineData(2021, 1, -12, 2020, 1)]
    [InlineData(2021, 6, 0, 2021, 6)]
    [InlineData(2021, 6, 120, 2031, 6)]
    public void Plus_MonthCount_CrossesYearBoundaries(int year, int month, int add, int expectedYear, int expectedMonth)
    {
        Assert.Equal(Month.Of(expectedYear, expectedMonth), Month.Of(year, month).Plus(add));
    }

    [Fact]
    public void MonthsSince_EarlierMonth_ReturnsWholeMonthsBetween()
    {
        Assert.Equal(14, Month.Of(2022, 3).MonthsSince(Month.Of(2021, 1)));
        Assert.Equal(-14, Month.Of(2021, 1).MonthsSince(Month.Of(2022, 3)));
        Assert.Equal(0, Month.Of(2021, 1).MonthsSince(Month.Of(2021, 1)));
    }

    [Fact]
    public void MonthsSince_AfterPlus_ReturnsTheAddedCount()
    {
        Gen.Select(GenMonth, Gen.Int[-5000, 5000]).Sample((month, k) =>
        {
            Assert.Equal(k, month.Plus(k).MonthsSince(month));
            Assert.Equal(month, month.Plus(k).Plus(-k));
        }, iter: 10_000);
    }

    [Fact]
    public void ComparisonOperators_TwoMonths_AgreeWithChronologicalOrder()
    {
        Gen.Select(GenMonth, GenMonth).Sample((a, b) =>
        {
            var order = a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.MonthOfYear.CompareTo(b.MonthOfYear);

            Assert.Equal(order, Math.Sign(a.CompareTo(b)));
            Assert.Equal(order < 0, a < b);
            Assert.Equal(order > 0, a > b);
            Assert.Equal(order <= 0, a <= b);
            Assert.Equal(order >= 0, a >= b);
            Assert.Equal(order == 0, a == b);
            Assert.Equal(order != 0, a != b);
        }, iter: 10_000);
    }

    [Fact]
    public void ComparisonOperators_DecemberAndNextJanuary_OrderedAcrossYear()
    {
        var december = Month.Of(2020, 12);
        var january = Month.Of(2021, 1);

        Assert.True(december < january);
        Assert.True(january > december);
        Assert.True(december <= january);
        Assert.True(january >= december);
        var sameJanuary = Month.Parse("2021-01");
        Assert.True(january <= sameJanuary);
        Assert.True(january >= sameJanuary);
        Assert.False(january < sameJanuary);
        Assert.False(january > sameJanuary);
    }
}
