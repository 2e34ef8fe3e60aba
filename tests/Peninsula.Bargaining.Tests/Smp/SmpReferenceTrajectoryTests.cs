using System.Globalization;
using Peninsula.Bargaining.Smp;
using Xunit.Abstractions;

namespace Peninsula.Bargaining.Tests.Smp;

/// <summary>Peninsula's SMP against KTAB's trajectories on every reference scenario.</summary>
public sealed class SmpReferenceTrajectoryTests(ITestOutputHelper output)
{
    /// <summary>Position tolerance on the 0–100 scale (KTAB stores positions rounded to 0.01).</summary>
    private const double PositionTolerance = 0.01;

    public static TheoryData<string, int> Cases => new()
    {
        { "SOE-Policy", 19 },
        { "SOE-Pol-Comp", 27 },
        { "dummyData_3Dim", 10 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trajectory_matches_KTAB_every_actor_dimension_and_turn(string name, int expectedTurns)
    {
        var run = KtabReference.Run(name);
        var reference = KtabReference.ReadTrajectory(name);
        var refTurns = reference.Keys.Max(k => k.Turn);
        Assert.Equal(expectedTurns, refTurns);
        Assert.Equal(refTurns, run.Turns);
        Assert.True(run.Converged);

        var space = run.Space;
        Assert.Equal((refTurns + 1) * space.ActorCount * space.DimensionCount, reference.Count);
        var maxDiff = 0.0;
        foreach (var ((t, i, k), expected) in reference)
        {
            var actual = run.States[t].Positions[i][k];
            maxDiff = Math.Max(maxDiff, Math.Abs(actual - expected));
            Assert.True(Math.Abs(actual - expected) <= PositionTolerance, $"{name} turn {t} actor {i} dim {k}: {actual} vs KTAB {expected}");
        }

        output.WriteLine($"{name}: {run.Turns} turns, max |diff| {maxDiff:E2} over {reference.Count} positions");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Final_positions_and_result_match_KTAB(string name, int expectedTurns)
    {
        var run = KtabReference.Run(name);
        var result = new SmpModel().Run(KtabReference.ReadCase(name));
        Assert.Equal("smp", result.Model);
        Assert.Equal(expectedTurns, result.Turns);
        Assert.Equal(run.Space.DimensionCount, result.Forecast.Length);

        foreach (var row in KtabReference.ReadCsvRows(Path.Combine(KtabReference.CaseDir(name), "final_positions.csv")))
        {
            var i = KtabReference.Int(row["actor_idx"]);
            var k = KtabReference.Int(row["dim"]);
            Assert.Equal(run.Space.Stakeholders[i].Name, row["actor"]);
            Assert.Equal(KtabReference.Dbl(row["final_position"]), result.Trajectory[^1][i][k], PositionTolerance);
        }

        // The forecast is a position some actor holds at the end, the most probable one.
        var final = run.Final;
        Assert.Equal(final.WinProbabilities.Max(), final.WinProbabilities[final.MostProbableActor]);
        Assert.Equal(final.Positions[final.MostProbableActor].AsEnumerable(), result.Forecast.AsEnumerable());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Summary_history_is_KTABs_character_for_character(string name, int expectedTurns)
    {
        var run = KtabReference.Run(name);
        Assert.Equal(expectedTurns, run.Turns);
        var expected = File.ReadAllText(Path.Combine(KtabReference.CaseDir(name), "summary_history.txt"));
        var actual = run.FormatKtabSummary();
        if (expected != actual)
        {
            var e = expected.Split('\n');
            var a = actual.Split('\n');
            for (var l = 0; l < Math.Min(e.Length, a.Length); l++)
            {
                Assert.True(e[l] == a[l], $"line {l + 1}:\nKTAB: {e[l]}\nours: {a[l]}");
            }

            Assert.Equal(e.Length, a.Length);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Win_probabilities_match_the_summary_to_its_four_decimals(string name, int expectedTurns)
    {
        var run = KtabReference.Run(name);
        Assert.Equal(expectedTurns, run.Turns);
        var lines = File.ReadAllLines(Path.Combine(KtabReference.CaseDir(name), "summary_history.txt"));
        var start = Array.IndexOf(lines, "History of actors' winning probabilities: ");
        Assert.True(start > 0);
        var maxDiff = 0.0;
        for (var i = 0; i < run.Space.ActorCount; i++)
        {
            var line = lines[start + 1 + i];
            Assert.StartsWith(run.Space.Stakeholders[i].Name + ", prob :", line, StringComparison.Ordinal);
            var values = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => double.Parse(s, CultureInfo.InvariantCulture))
                .ToList();
            Assert.Equal(run.States.Length, values.Count);
            for (var t = 0; t < values.Count; t++)
            {
                var d = Math.Abs(run.States[t].WinProbabilities[i] - values[t]);
                maxDiff = Math.Max(maxDiff, d);
                Assert.True(d <= 0.5e-4 + 1e-12, $"{name} actor {i} turn {t}: {run.States[t].WinProbabilities[i]} vs {values[t]}");
            }
        }

        output.WriteLine($"{name}: max |win probability − printed| {maxDiff:E2}");
    }

    [Fact]
    public void The_XML_form_of_dummyData_3Dim_reads_as_its_CSV()
    {
        var xml = KtabReference.ReadXml(Path.Combine(KtabReference.Root, "dummyData_3Dim.xml"));
        Assert.Equal(7, xml.ActorCount);
        Assert.Equal(3, xml.DimensionCount);
        var fromXml = new SmpModel().Run(xml);
        Assert.Equal(10, fromXml.Turns);

        var csvPath = Path.Combine(KtabReference.CaseDir("dummyData_3Dim"), "input.csv");
        if (!File.Exists(csvPath)) return;
        var csv = KtabReference.ReadCsv(csvPath);
        Assert.Equal(csv.Dimensions.AsEnumerable(), xml.Dimensions.AsEnumerable());
        for (var i = 0; i < csv.ActorCount; i++)
        {
            var (a, b) = (csv.Stakeholders[i], xml.Stakeholders[i]);
            Assert.Equal(a.Name, b.Name);
            Assert.Equal(a.Capability, b.Capability);
            Assert.Equal(a.Positions.AsEnumerable(), b.Positions.AsEnumerable());
            Assert.Equal(a.Saliences.AsEnumerable(), b.Saliences.AsEnumerable());
        }

        var fromCsv = new SmpModel().Run(csv);
        for (var t = 0; t <= fromCsv.Turns; t++)
        {
            for (var i = 0; i < csv.ActorCount; i++) Assert.Equal(fromCsv.Trajectory[t][i].AsEnumerable(), fromXml.Trajectory[t][i].AsEnumerable());
        }
    }
}
