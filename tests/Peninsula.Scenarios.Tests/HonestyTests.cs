using System.Globalization;
using System.Text.RegularExpressions;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>DESIGN section 6: shipped scenarios encode nothing after their start, and their data-based priors match the data.</summary>
public sealed partial class HonestyTests
{
    public static TheoryData<string> Runnable => ShippedScenarios.Runnable();

    [Fact]
    public void ShippedScenarios_IncludeAtLeastOneRunnable() => Assert.NotEmpty(Runnable);

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Shipped_LoadsWithoutErrors(string fileName)
    {
        var result = ScenarioLoader.Load(Repo.Scenario(fileName));
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.NotNull(result.Spec);
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Rationales_NameNoYearOrMonthAfterTheStart(string fileName)
    {
        var result = ScenarioLoader.Load(Repo.Scenario(fileName));
        var start = result.Spec!.Start;
        Assert.NotEmpty(result.Rationales);
        var hindsight = new List<string>();
        foreach (var (key, rationale) in result.Rationales)
        {
            var text = WithoutDocumentNumbers(rationale);
            foreach (Match m in MonthPattern().Matches(text))
            {
                var month = Core.Month.Of(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                if (month > start) hindsight.Add($"{key}: {m.Value} is after the start {start}");
            }
            foreach (Match m in YearPattern().Matches(text))
            {
                if (int.Parse(m.Value, CultureInfo.InvariantCulture) > start.Year) hindsight.Add($"{key}: {m.Value} is after the start year {start.Year}");
            }
        }
        Assert.True(hindsight.Count == 0, string.Join("\n", hindsight));
    }

    [Theory]
    [InlineData("resolutions (1718, 1874, 2087, 2094, 2270)", "resolutions ")]
    [InlineData("UNSCR 2087 tightened", "UNSCR  tightened")]
    [InlineData("tests in 2087 (2087, 2088)", "tests in 2087 (2087, 2088)")]
    public void WithoutDocumentNumbers_StripsOnlyResolutionNumbers(string text, string expected) =>
        Assert.Equal(expected, WithoutDocumentNumbers(text));

    [Theory]
    [MemberData(nameof(Runnable))]
    public void LadderIntercepts_AreJeffreysSmoothedLogOddsBeforeTheStart(string fileName)
    {
        var spec = ScenarioLoader.Load(Repo.Scenario(fileName)).Spec!;
        var history = MonthlyLadder.Read().Where(m => m.Month < spec.Start).Select(m => m.Level).ToArray();
        Assert.NotEmpty(history);
        for (var j = 1; j <= 6; j++)
        {
            var reached = history.Count(level => level >= j);
            var atRisk = history.Count(level => level >= j - 1);
            var p = (reached + 0.5) / (atRisk + 1.0);
            var expected = Math.Log(p / (1 - p));
            var actual = spec.Parameters.Specs[spec.Parameters.IndexOf($"ladder.alpha.{j}")].Mean;
            Assert.True(Math.Abs(actual - expected) <= 0.01, $"ladder.alpha.{j} is {actual}, data before {spec.Start} give {expected:F3} ({reached}/{atRisk})");
        }
    }

    /// <summary>
    /// UN Security Council resolution numbers (1718 … 2397) are not years. Only numbers explicitly marked
    /// as such are skipped: after "UNSCR", "resolution" or "S/RES/", or a parenthesised list of
    /// four-digit numbers in a rationale that speaks of resolutions.
    /// </summary>
    private static string WithoutDocumentNumbers(string text)
    {
        var stripped = MarkedResolution().Replace(text, m => m.Groups[1].Value);
        return stripped.Contains("resolution", StringComparison.OrdinalIgnoreCase) ? NumberList().Replace(stripped, "") : stripped;
    }

    [GeneratedRegex("(?<![0-9])((?:19|20)[0-9]{2})-(0[1-9]|1[0-2])(?![0-9])")]
    private static partial Regex MonthPattern();

    [GeneratedRegex("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")]
    private static partial Regex YearPattern();

    [GeneratedRegex("((?:UNSCR|[Rr]esolution|S/RES/)\\s*)[0-9]{4}(?![0-9])")]
    private static partial Regex MarkedResolution();

    [GeneratedRegex("\\((?:\\s*[0-9]{4}\\s*,)+\\s*[0-9]{4}\\s*\\)")]
    private static partial Regex NumberList();
}
