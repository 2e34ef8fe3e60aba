using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;
using Peninsula.Core;

namespace Peninsula.Bargaining.Tests;

public sealed class SensitivityTests
{
    private static IssueSpace Dummy => KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("dummyData_3Dim"));

    [Fact]
    public void Run_SameSeed_GivesIdenticalSummaries()
    {
        var a = Sensitivity.Run(new CompromiseModel(), Dummy, 5, 400, seed: 42);
        var b = Sensitivity.Run(new CompromiseModel(), Dummy, 5, 400, seed: 42);

        Assert.Equal(a.Dimensions.ToArray(), b.Dimensions.ToArray());
    }

    [Fact]
    public void Run_DifferentSeed_GivesDifferentDraws()
    {
        var a = Sensitivity.Run(new CompromiseModel(), Dummy, 5, 400, seed: 42);
        var b = Sensitivity.Run(new CompromiseModel(), Dummy, 5, 400, seed: 43);

        Assert.NotEqual(a.Dimensions[0].Mean, b.Dimensions[0].Mean);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Run_Parallel_IsBitIdenticalToSequential(int threads)
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);
        var sequential = Sensitivity.Run(new ExpectedUtilityModel(), space, 3, 120, seed: 7, maxDegreeOfParallelism: 1);
        var parallel = Sensitivity.Run(new ExpectedUtilityModel(), space, 3, 120, seed: 7, maxDegreeOfParallelism: threads);

        Assert.Equal(sequential.Dimensions.ToArray(), parallel.Dimensions.ToArray());
    }

    [Fact]
    public void Run_ZeroSpread_ReproducesTheBaseForecastInEveryRun()
    {
        var summary = Sensitivity.Run(new CompromiseModel(), Dummy, 0, 50, seed: 1);

        for (var k = 0; k < 3; k++)
        {
            var d = summary.Dimensions[k];
            Assert.Equal(summary.BaseForecast[k], d.Mean, 1e-9);
            Assert.Equal(0, d.Sd, 1e-9);
            Assert.Equal(summary.BaseForecast[k], d.Q05, 1e-9);
            Assert.Equal(summary.BaseForecast[k], d.Q95, 1e-9);
        }
    }

    [Fact]
    public void Run_WiderSpread_WidensTheForecastAndKeepsQuantilesOrdered()
    {
        var narrow = Sensitivity.Run(new CompromiseModel(), Dummy, 2, 500, seed: 3);
        var wide = Sensitivity.Run(new CompromiseModel(), Dummy, 10, 500, seed: 3);

        for (var k = 0; k < 3; k++)
        {
            Assert.True(wide.Dimensions[k].Sd > narrow.Dimensions[k].Sd);
            var d = wide.Dimensions[k];
            Assert.True(d.Q05 <= d.Q50 && d.Q50 <= d.Q95);
            Assert.InRange(d.Mean, 0, 100);
            Assert.Equal(wide.BaseForecast[k], narrow.Dimensions[k].Mean, 1.0);
        }
    }

    [Fact]
    public void Perturb_KeepsTheInputValid()
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("SOE-Pol-Comp"));
        var source = new RandomSource(9);

        for (var run = 0; run < 200; run++)
        {
            var p = Sensitivity.Perturb(space, 30, source, run);
            Assert.All(p.Stakeholders, s =>
            {
                Assert.All(s.Positions, x => Assert.InRange(x, 0, 100));
                Assert.All(s.Saliences, x => Assert.InRange(x, 0, 100));
                Assert.True(s.Saliences.Sum() <= 100 + 1e-9);
                Assert.True(s.Capability > 0);
            });
        }
    }

    [Fact]
    public void Quantile_IsTypeSeven()
    {
        double[] sorted = [1, 2, 3, 4, 5];

        Assert.Equal(1.2, Sensitivity.Quantile(sorted, 0.05), 1e-12);
        Assert.Equal(3, Sensitivity.Quantile(sorted, 0.5), 1e-12);
        Assert.Equal(4.8, Sensitivity.Quantile(sorted, 0.95), 1e-12);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(101, 10)]
    [InlineData(5, 0)]
    public void Run_BadArguments_Throw(double spread, int runs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sensitivity.Run(new CompromiseModel(), Dummy, spread, runs, 1));
    }
}
