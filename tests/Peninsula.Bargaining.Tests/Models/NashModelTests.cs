using CsCheck;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Models;

public sealed class NashModelTests
{
    private const double Tolerance = 1e-3;

    [Fact]
    public void Run_SymmetricTwoActors_SplitsTheDifference()
    {
        var space = Spaces.OneDimension((1, 20, 60), (1, 80, 60));

        Assert.Equal(50, Spaces.Forecast(new NashModel(), space)[0], Tolerance);
    }

    [Fact]
    public void Run_TwoActorsAtTheEndsWithPowerTwoToOne_GivesOneThird()
    {
        // argmax 2·log(100 − x) + log(x) = 100/3.
        var space = Spaces.OneDimension((2, 0, 80), (1, 100, 30));

        Assert.Equal(100.0 / 3, Spaces.Forecast(new NashModel(), space)[0], Tolerance);
    }

    [Fact]
    public void Run_SymmetricTwoActorsInTwoDimensions_MeetsInTheMiddle()
    {
        var space = Spaces.Of(Spaces.Actor("a", 5, [0, 0], [40, 40]), Spaces.Actor("b", 5, [100, 100], [40, 40]));

        var forecast = Spaces.Forecast(new NashModel(), space);

        Assert.Equal(50, forecast[0], Tolerance);
        Assert.Equal(50, forecast[1], Tolerance);
    }

    [Fact]
    public void Run_StatusQuoBetweenTheActors_HasNoZoneOfAgreement()
    {
        var space = Spaces.OneDimension((1, 20, 50), (1, 80, 50));

        var result = new NashModel([50]).Run(space);

        Assert.Equal(50, result.Forecast[0]);
        Assert.Contains(result.Notes, n => n.Contains("no zone of agreement", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_StatusQuoOutsideTheActors_StopsAtTheNearerIdeal()
    {
        // Both gain only on (0, 40): below 20 both gains grow with x, above it the first actor's falls, so 20.
        var space = Spaces.OneDimension((1, 20, 50), (1, 80, 50));

        Assert.Equal(20, new NashModel([0]).Run(space).Forecast[0], Tolerance);
    }

    [Theory]
    [InlineData("SOE-Policy")]
    [InlineData("SOE-Pol-Comp")]
    [InlineData("dummyData_3Dim")]
    public void Run_KtabReferenceInputs_IsParetoEfficient(string scenario)
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput(scenario));

        var forecast = Spaces.Forecast(new NashModel(), space);

        AssertParetoEfficient(space, [.. forecast], seed: 5);
    }

    [Fact]
    public void Run_RandomSpaces_IsParetoEfficientAndInsideTheIdealsHull()
    {
        var actorGen = Gen.Select(Gen.Double[0.1, 10], Gen.Int[0, 100].Array[2], Gen.Int[1, 50].Array[2]);
        Fixed.ForAll(actorGen.Array[2, 6], 30, 23, (i, actors) =>
        {
            var space = Spaces.Of([.. actors.Select((a, j) => Spaces.Actor("a" + j, a.Item1, [.. a.Item2.Select(v => (double)v)], [.. a.Item3.Select(v => (double)v)]))]);

            var forecast = Spaces.Forecast(new NashModel(), space).ToArray();

            for (var k = 0; k < 2; k++)
            {
                var ideals = space.Stakeholders.Select(s => s.Positions[k]).ToArray();
                Assert.InRange(forecast[k], ideals.Min() - Tolerance, ideals.Max() + Tolerance);
            }
            AssertParetoEfficient(space, forecast, seed: (ulong)i);
        });
    }

    [Fact]
    public void Run_ReportsHowTheOptimiserStopped()
    {
        var result = new NashModel().Run(KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("dummyData_3Dim")));

        Assert.Equal("nash", result.Model);
        Assert.Contains(result.Notes, n => n.StartsWith("optimiser: Nelder-Mead", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("worst outcome", StringComparison.Ordinal));
    }

    /// <summary>No sampled point (random, or near the solution) is at least as good for every actor and clearly better for one.</summary>
    private static void AssertParetoEfficient(IssueSpace space, double[] x, ulong seed)
    {
        var actors = space.Stakeholders.Where(s => s.Capability > 0 && s.Saliences.Sum() > 0).ToArray();
        var at = actors.Select(a => NashModel.Utility(a, x)).ToArray();
        var random = new Random((int)seed);
        for (var trial = 0; trial < 4_000; trial++)
        {
            var scale = trial % 2 == 0 ? 100.0 : 2.0;
            var y = x.Select(v => trial % 2 == 0 ? random.NextDouble() * 100 : Math.Clamp(v + (random.NextDouble() - 0.5) * scale, 0, 100)).ToArray();
            var u = actors.Select(a => NashModel.Utility(a, y)).ToArray();
            var weaklyBetter = u.Zip(at).All(p => p.First >= p.Second - 1e-9);
            var strictlyForOne = u.Zip(at).Any(p => p.First > p.Second + 1e-6);
            Assert.False(weaklyBetter && strictlyForOne, $"[{string.Join(", ", y)}] dominates [{string.Join(", ", x)}]");
        }
    }
}
