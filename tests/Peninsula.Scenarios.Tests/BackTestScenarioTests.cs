using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>
/// The 2005 and 2013 back-test origins, read as whole files (comments, labels, descriptions and doctrines
/// as well as rationales), and <c>data/agreements.csv</c>, which a history replay reads beside them.
/// </summary>
public sealed partial class BackTestScenarioTests
{
    [Theory]
    [InlineData("transition-2005.yaml", 2005)]
    [InlineData("transition-2013.yaml", 2013)]
    public void WholeFile_NamesNoLaterYear_ExceptScheduledTermEndsAndElections(string fileName, int startYear)
    {
        var text = ScheduledDate().Replace(File.ReadAllText(Repo.Scenario(fileName)), "");
        var later = Year().Matches(text).Select(m => m.Value)
            .Where(y => int.Parse(y, CultureInfo.InvariantCulture) > startYear).ToList();
        Assert.True(later.Count == 0, "years after the start: " + string.Join(", ", later));
    }

    [Theory]
    [InlineData("transition-2005.yaml", new[] { "Banco Delta", "BDA", "Joint Statement", "1695", "1718", "Christopher Hill", "outposts of tyranny", "possesses nuclear weapons", "manufactured nuclear weapons" })]
    [InlineData("transition-2013.yaml", new[] { "2087", "2094", "third nuclear test", "byungjin", "armistice", "Kaesong closed", "Kaesong suspended", "2013-02-12" })]
    public void WholeFile_MentionsNoFactKnownOnlyAfterTheStart(string fileName, string[] hindsight)
    {
        var text = File.ReadAllText(Repo.Scenario(fileName));
        var found = hindsight.Where(h => text.Contains(h, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count == 0, "hindsight: " + string.Join(", ", found));
    }

    [Theory]
    [InlineData("transition-2005.yaml")]
    [InlineData("transition-2013.yaml")]
    public void InitialMemory_IsTheDataBeforeTheStart(string fileName)
    {
        var spec = ScenarioLoader.Load(Repo.Scenario(fileName)).Spec!;
        var history = MonthlyLadder.Read().Where(m => m.Month < spec.Start).ToList();
        Assert.Equal(history[^1].Level, spec.Initial.LastLevel);
        // EWMA (retention 0.8, the stated rule in the rationale) of months at level >= 3.
        var recent = history.Aggregate(0.0, (r, m) => 0.8 * r + 0.2 * (m.Level >= 3 ? 1.0 : 0.0));
        Assert.InRange(spec.Initial.RecentActivity, recent - 0.005, recent + 0.005);
    }

    private static readonly string[] AgreementColumns =
        ["agreement_id", "name", "parties", "signed", "ended", "end_reason", "strength", "restrains_from_level", "event_id", "source", "notes"];

    private sealed record AgreementRow(string Id, DateOnly Signed, DateOnly? Ended, string EndReason, double Strength, int RestrainsFrom, string EventId, string Notes);

    private static List<AgreementRow> ReadAgreements()
    {
        using var csv = CsvReader.FromFile(Repo.Data("agreements.csv"));
        var rows = new List<AgreementRow>();
        while (csv.Read())
        {
            DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var ended = csv.GetString("ended");
            rows.Add(new AgreementRow(
                csv.GetString("agreement_id"), Date(csv.GetString("signed")), ended.Length == 0 ? null : Date(ended),
                csv.GetString("end_reason"), double.Parse(csv.GetString("strength"), CultureInfo.InvariantCulture),
                int.Parse(csv.GetString("restrains_from_level"), CultureInfo.InvariantCulture), csv.GetString("event_id"), csv.GetString("notes")));
        }
        return rows;
    }

    [Fact]
    public void Agreements_HeaderIsExactlyTheDocumentedColumns()
    {
        var header = File.ReadLines(Repo.Data("agreements.csv")).First();
        Assert.Equal(string.Join(",", AgreementColumns), header);
    }

    [Fact]
    public void Agreements_AreWellFormedAndEndByTheEndOf2020()
    {
        var rows = ReadAgreements();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
        var events = new HashSet<string>(File.ReadLines(Repo.Data("events.csv")).Skip(1).Select(l => l.Split(',')[0]));
        var cutoff = new DateOnly(2020, 12, 31);
        foreach (var r in rows)
        {
            Assert.True(r.Signed <= cutoff, $"{r.Id} signed after the cut-off");
            Assert.True(r.Ended is null || (r.Ended >= r.Signed && r.Ended <= cutoff), $"{r.Id} end date out of range");
            Assert.Equal(r.Ended is null, r.EndReason.Length == 0);
            Assert.Contains(r.EndReason, new[] { "", "violated", "renounced", "lapsed", "superseded" });
            Assert.InRange(r.Strength, 0.0, 1.0);
            Assert.InRange(r.RestrainsFrom, 3, 6);
            Assert.True(r.EventId.Length == 0 || events.Contains(r.EventId), $"{r.Id}: unknown event {r.EventId}");
        }
    }

    [Fact]
    public void Agreements_NoActAtTheRestraintLevelWhileInForce_UnlessTheNotesSaySo()
    {
        var ladder = MonthlyLadder.Read();
        foreach (var r in ReadAgreements())
        {
            var first = Core.Month.Of(r.Signed.Year, r.Signed.Month);
            var last = r.Ended is { } e ? Core.Month.Of(e.Year, e.Month) : ladder[^1].Month.Plus(1);
            // Strictly inside the months in force: acts in the month of signing or of ending may fall on either side.
            var breaches = ladder.Where(m => m.Month > first && m.Month < last && m.Level >= r.RestrainsFrom).ToList();
            if (breaches.Count > 0)
            {
                Assert.True(r.Notes.Contains("without ending it", StringComparison.Ordinal),
                    $"{r.Id}: acts at level >= {r.RestrainsFrom} while in force ({string.Join(", ", breaches.Select(b => b.Month))}) and the notes do not explain it");
            }
            if (r.EndReason == "violated")
            {
                Assert.Contains(ladder, m => m.Month == last && m.Level >= r.RestrainsFrom);
            }
        }
    }

    [GeneratedRegex("(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")]
    private static partial Regex Year();

    /// <summary>Scheduled term ends and the successor's election date, known at the origin.</summary>
    [GeneratedRegex("\\b(?:end|election):\\s*(?:19|20)[0-9]{2}-[0-9]{2}(?:-[0-9]{2})?")]
    private static partial Regex ScheduledDate();
}
