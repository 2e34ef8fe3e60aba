using CsCheck;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Models;

public sealed class WeightedMedianModelTests
{
    [Fact]
    public void Run_ExampleActors_IsTheReplicationsStartingMedian()
    {
        var forecast = Spaces.Forecast(new WeightedMedianModel(), BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors));

        Assert.Equal(7.0, forecast[0]);
    }

    [Fact]
    public void Run_ActorWithMoreThanHalfTheWeight_Decides()
    {
        var space = Spaces.OneDimension((60, 10, 100), (30, 90, 100), (29, 50, 100));

        Assert.Equal(10, Spaces.Forecast(new WeightedMedianModel(), space)[0]);
    }

    [Fact]
    public void Run_ExactHalfSplit_GivesTheMidpointAndIgnoresZeroWeights()
    {
        var space = Spaces.OneDimension((1, 20, 50), (1, 80, 50), (0, 30, 50));

        Assert.Equal(50, Spaces.Forecast(new WeightedMedianModel(), space)[0]);
    }

    [Fact]
    public void Median_SameWeightOnThreePositions_IsTheMiddleOne()
    {
        Assert.Equal(50, WeightedMedianModel.Median([100, 0, 50], [1, 1, 1]));
    }

    [Fact]
    public void Median_RandomInputs_LeavesAtMostHalfTheWeightOnEitherSide()
    {
        Fixed.ForAll(Gen.Select(Gen.Int[0, 100].Array[1, 12], Gen.Int[0, 5].Array[12]), 2_000, 17, (i, input) =>
        {
            var (xs, ws) = input;
            var x = xs.Select(v => (double)v).ToArray();
            var w = ws.Take(x.Length).Select(v => (double)v).ToArray();
            if (w.Sum() == 0)
                return;
            var m = WeightedMedianModel.Median(x, w);
            var below = x.Zip(w).Where(p => p.First < m).Sum(p => p.Second);
            var above = x.Zip(w).Where(p => p.First > m).Sum(p => p.Second);
            Assert.True(below <= w.Sum() / 2 + 1e-9 && above <= w.Sum() / 2 + 1e-9, $"case {i}: median {m}");
        });
    }
}
