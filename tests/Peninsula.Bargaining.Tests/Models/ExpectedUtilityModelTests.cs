using System.Globalization;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests;

public sealed class ExpectedUtilityModelTests
{
    private const double Tolerance = 1e-14;

    [Fact]
    public void Trace_ExampleActors_ReproducesEveryRoundOfTheReplication()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);
        var expected = ReplicationTrace.Parse(File.ReadAllLines(ReferenceFiles.ExampleTrace));
        var trace = new ExpectedUtilityModel().Trace(space, 0);

        Assert.Equal(expected.InitialMedian, trace.InitialMedian, Tolerance);
        Assert.Equal(expected.InitialMean, trace.InitialMean, Tolerance);
        Assert.Equal(expected.Rounds.Count, trace.Rounds.Length);
        for (var r = 0; r < expected.Rounds.Count; r++)
        {
            var want = expected.Rounds[r];
            var got = trace.Rounds[r];
            Assert.Equal(want.Moves.Count, got.Moves.Length);
            for (var m = 0; m < want.Moves.Count; m++)
            {
                var (actor, proposer, kind, eu, otherEu, position) = want.Moves[m];
                var move = got.Moves[m];
                Assert.Equal((actor, proposer, kind), (move.Actor, move.Proposer, move.Kind));
                Assert.Equal(eu, move.ActorEu, Tolerance);
                Assert.Equal(otherEu, move.ProposerEu, Tolerance);
                Assert.Equal(position, move.NewPosition, Tolerance);
            }
            Assert.Equal(want.Median, got.Median, Tolerance);
            Assert.Equal(want.Mean, got.Mean, Tolerance);
        }
    }
}

/// <summary>The replication's printed trace: medians, means and each accepted offer per round.</summary>
internal sealed record ReplicationTrace(double InitialMedian, double InitialMean, List<ReplicationRound> Rounds)
{
    public static ReplicationTrace Parse(string[] lines)
    {
        var rounds = new List<ReplicationRound>();
        double? median = null, mean = null, initialMedian = null, initialMean = null;
        ReplicationRound? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("Median position: ", StringComparison.Ordinal))
                median = Number(line["Median position: ".Length..]);
            else if (line.StartsWith("Mean position: ", StringComparison.Ordinal))
            {
                mean = Number(line["Mean position: ".Length..]);
                if (current is null)
                {
                    initialMedian = median;
                    initialMean = mean;
                }
                else
                {
                    current.Median = median!.Value;
                    current.Mean = mean.Value;
                }
            }
            else if (line.StartsWith("ROUND ", StringComparison.Ordinal))
            {
                current = new ReplicationRound();
                rounds.Add(current);
            }
            else if (line.Length > 0 && !line.StartsWith('\t'))
            {
                var (actor, kind, proposer) = Split(line);
                var eus = lines[i + 1].Trim().Split(" vs ");
                var position = Number(lines[i + 2].Trim()["new_pos = ".Length..]);
                current!.Moves.Add((actor, proposer, kind, Number(eus[0]), Number(eus[1]), position));
                i += 2;
            }
        }
        return new ReplicationTrace(initialMedian!.Value, initialMean!.Value, rounds);
    }

    private static (string Actor, BdmOfferKind Kind, string Proposer) Split(string line)
    {
        foreach (var (text, kind) in new[] { (" loses confrontation to ", BdmOfferKind.Confrontation), (" compromises with ", BdmOfferKind.Compromise), (" capitulates to ", BdmOfferKind.Capitulation) })
        {
            var at = line.IndexOf(text, StringComparison.Ordinal);
            if (at > 0)
                return (line[..at], kind, line[(at + text.Length)..]);
        }
        throw new FormatException("unrecognised trace line: " + line);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}

internal sealed class ReplicationRound
{
    public List<(string Actor, string Proposer, BdmOfferKind Kind, double Eu, double OtherEu, double Position)> Moves { get; } = [];

    public double Median { get; set; }

    public double Mean { get; set; }
}
