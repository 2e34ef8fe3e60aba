using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Input;

public sealed class BdmCsvReaderTests
{
    [Fact]
    public void ReadFile_ExampleActors_ScalesSalienceTo100()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);

        Assert.Equal("ExampleActors", space.Name);
        Assert.Equal(["position"], space.Dimensions.ToArray());
        Assert.Equal(10, space.ActorCount);
        var uk = space.Stakeholders[6];
        Assert.Equal(("UK", 0.16, 10.0, 90.0), (uk.Name, uk.Capability, uk.Positions[0], uk.Saliences[0]));
    }

    [Theory]
    [InlineData("Actor,Capability,Position,Salience", "Actor,Capability,Salience,Position", "e.csv:1: header must be 'Actor,Capability,Position,Salience', found 'Actor,Capability,Salience,Position'")]
    [InlineData("UK,0.16,10,0.9", "UK,0.16,10,90", "e.csv:8: Salience: salience 90 is outside 0-1")]
    [InlineData("UK,0.16,10,0.9", "UK,0.16,101,0.9", "e.csv:8: Position: position 101 is outside 0-100")]
    [InlineData("UK,0.16,10,0.9", "UK,-0.16,10,0.9", "e.csv:8: Capability: capability -0.16 is negative")]
    [InlineData("UK,0.16,10,0.9", "France,0.16,10,0.9", "e.csv:8: Actor: 'France' is already used on line 6")]
    [InlineData("UK,0.16,10,0.9", "UK,0.16,10", "e.csv:8: row has 3 fields, expected 4")]
    public void Parse_BadInput_ThrowsOneLineError(string original, string replacement, string message)
    {
        var text = File.ReadAllText(ReferenceFiles.ExampleActors).Replace(original, replacement, StringComparison.Ordinal);

        var ex = Assert.Throws<BargainingInputException>(() => BdmCsvReader.Parse("e.csv", text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_TwoActors_IsTooFew()
    {
        var ex = Assert.Throws<BargainingInputException>(() => BdmCsvReader.Parse("e.csv", "Actor,Capability,Position,Salience\nA,1,1,1\nB,1,2,1\n"));

        Assert.Equal("e.csv:3: 2 actors (at least 3)", ex.Message);
    }
}
