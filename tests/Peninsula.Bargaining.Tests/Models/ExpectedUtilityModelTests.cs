using System.Globalization;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Models;

public sealed class ExpectedUtilityModelTests
{
    private const double Tolerance = 1e-12;

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

    [Fact]
    public void Run_ExampleActors_ForecastsTheMedianAfterTenRoundsAndKeepsTheTrajectory()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);

        var result = new ExpectedUtilityModel().Run(space);
        var mean = new ExpectedUtilityModel(new ExpectedUtilityOptions { Forecast = BdmForecast.Mean }).Run(space);

        Assert.Equal("bdm", result.Model);
        Assert.Equal(10, result.Turns);
        Assert.Equal(7.0, result.Forecast[0]);
        Assert.Equal(7.242130958473938, mean.Forecast[0], Tolerance);
        Assert.Equal([7.0, 8.415932315426764, 9.610859134120188, 9.961979590401311, 4.800881140632622, 5.524237694197356],
            result.Trajectory.Take(6).Select(turn => Math.Round(turn[1][0], 15)).ToArray());
        Assert.All(result.Trajectory, turn => Assert.Equal(4.0, turn[0][0]));
    }

    [Fact]
    public void Trace_CapitulationSwitch_LetsATargetMoveAllTheWay()
    {
        var space = Spaces.OneDimension((5, 30, 100), (8, 80, 30), (1, 10, 50));
        var off = new ExpectedUtilityOptions { Rounds = 1 };

        var without = new ExpectedUtilityModel(off).Trace(space, 0).Rounds[0];
        var with = new ExpectedUtilityModel(off with { Capitulation = true }).Trace(space, 0).Rounds[0];

        Assert.DoesNotContain(without.Moves, m => m.Actor == "a2");
        var move = Assert.Single(with.Moves, m => m.Actor == "a2");
        Assert.Equal(("a0", BdmOfferKind.Capitulation, 30.0), (move.Proposer, move.Kind, move.NewPosition));
        Assert.True(move.ProposerEu > 0 && move.ActorEu < 0 && move.ProposerEu < -move.ActorEu);
    }

    [Fact]
    public void Trace_LeastMovementChoice_KeepsBelgiumWithFranceInRoundFour()
    {
        // The replication's comment: Scholz's compromise key makes Belgium compromise with the Netherlands in round 4.
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);

        var scholz = new ExpectedUtilityModel().Trace(space, 0).Rounds[3].Moves[0];
        var least = new ExpectedUtilityModel(new ExpectedUtilityOptions { OfferChoice = BdmOfferChoice.LeastMovement }).Trace(space, 0).Rounds[3].Moves[0];

        Assert.Equal(("Belgium", "Netherlands"), (scholz.Actor, scholz.Proposer));
        Assert.Equal(("Belgium", "France"), (least.Actor, least.Proposer));
        Assert.True(Math.Abs(least.NewPosition - 9.961979590401311) < Math.Abs(scholz.NewPosition - 9.961979590401311));
    }

    [Fact]
    public void Trace_PairwiseProbability_ConvergesOnTheMedianAndStops()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);

        var trace = new ExpectedUtilityModel(new ExpectedUtilityOptions { Probability = BdmProbability.Pairwise }).Trace(space, 0);

        Assert.True(trace.Rounds.Length < 10);
        Assert.All(trace.Rounds[^1].Positions, x => Assert.Equal(7.0, x));
        Assert.True(trace.Rounds[0].Moves.Length > 3);
    }

    [Fact]
    public void Trace_MuSwitch_MattersOnlyWhenQIsBelowOne()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);
        BdmTrace Run(double q, BdmMu mu) => new ExpectedUtilityModel(new ExpectedUtilityOptions { Q = q, Mu = mu }).Trace(space, 0);

        Assert.Equal(Run(1, BdmMu.Median).Rounds.Select(r => r.Mean), Run(1, BdmMu.Mean).Rounds.Select(r => r.Mean));
        Assert.NotEqual(Run(0.5, BdmMu.Median).Rounds.Select(r => r.Mean), Run(0.5, BdmMu.Mean).Rounds.Select(r => r.Mean));
    }

    [Fact]
    public void Trace_NeutralRisk_UsesExponentOneAndChangesTheTrace()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);

        var neutral = new ExpectedUtilityModel(new ExpectedUtilityOptions { Risk = BdmRisk.Neutral }).Trace(space, 0);
        var scholz = new ExpectedUtilityModel().Trace(space, 0);

        Assert.All(neutral.Rounds, r => Assert.All(r.RiskExponents, e => Assert.Equal(1.0, e)));
        Assert.All(scholz.Rounds, r => Assert.All(r.RiskExponents, e => Assert.InRange(e, 0.5, 2)));
        Assert.NotEqual(scholz.Rounds[0].Median, neutral.Rounds[0].Median);
    }

    [Theory]
    [InlineData("SOE-Pol-Comp")]
    [InlineData("dummyData_3Dim")]
    public void Run_KtabInputs_PlaysEachDimensionAndStaysWithinTheInputRange(string scenario)
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput(scenario));

        var result = new ExpectedUtilityModel().Run(space);

        Assert.InRange(result.Turns, 1, 10);
        for (var k = 0; k < space.DimensionCount; k++)
        {
            var lo = space.Stakeholders.Min(s => s.Positions[k]);
            var hi = space.Stakeholders.Max(s => s.Positions[k]);
            Assert.All(result.Trajectory, turn => Assert.All(turn, row => Assert.InRange(row[k], lo, hi)));
            Assert.InRange(result.Forecast[k], lo, hi);
        }
    }

    [Fact]
    public void Run_EveryoneAgrees_NobodyMoves()
    {
        var space = Spaces.OneDimension((1, 40, 50), (2, 40, 50), (3, 40, 50));

        var result = new ExpectedUtilityModel().Run(space);

        Assert.Equal(0, result.Turns);
        Assert.Equal(40, result.Forecast[0]);
    }

    [Theory]
    [InlineData(-1, 1.0)]
    [InlineData(10, 1.5)]
    public void Constructor_OptionsOutOfRange_Throw(int rounds, double q)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpectedUtilityModel(new ExpectedUtilityOptions { Rounds = rounds, Q = q }));
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
