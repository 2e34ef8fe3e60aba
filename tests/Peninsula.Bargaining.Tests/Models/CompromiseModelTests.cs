using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Models;

public sealed class CompromiseModelTests
{
    [Theory]
    [InlineData("SOE-Policy", new[] { 35.01 })]
    [InlineData("SOE-Pol-Comp", new[] { 36.29, 38.89 })]
    [InlineData("dummyData_3Dim", new[] { 78.78, 47.60, 52.32 })]
    public void Run_KtabReferenceInputs_GiveTheReadmeBaselines(string scenario, double[] expected)
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput(scenario));

        var result = new CompromiseModel().Run(space);

        Assert.Equal("compromise", result.Model);
        Assert.Equal(0, result.Turns);
        Assert.Equal(expected.Length, result.Forecast.Length);
        for (var k = 0; k < expected.Length; k++)
            Assert.Equal(expected[k], result.Forecast[k], 0.005);
    }

    [Fact]
    public void Run_XmlFormOfDummyData_GivesTheSameBaseline()
    {
        var xml = new CompromiseModel().Run(KtabXmlReader.ReadFile(ReferenceFiles.DummyXml)).Forecast;
        var csv = new CompromiseModel().Run(KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("dummyData_3Dim"))).Forecast;

        Assert.Equal(csv.ToArray(), xml.ToArray());
    }

    [Fact]
    public void Run_ExampleActors_IsTheReplicationsWeightedMean()
    {
        var forecast = Spaces.Forecast(new CompromiseModel(), BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors));

        Assert.Equal(7.389955686853767, forecast[0], 1e-12);
    }

    [Fact]
    public void Run_NoSalience_FallsBackToCapabilityWeightsWithANote()
    {
        var space = Spaces.OneDimension((3, 0, 0), (1, 100, 0), (0, 50, 0));

        var result = new CompromiseModel().Run(space);

        Assert.Equal(25, result.Forecast[0], 1e-12);
        Assert.Contains(result.Notes, n => n.Contains("capability alone", StringComparison.Ordinal));
    }
}
