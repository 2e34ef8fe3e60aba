using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Input;

public sealed class BargainingYamlReaderTests
{
    [Fact]
    public void ParseDocument_Sample_ReadsStakeholdersInOrderAndKeepsRationales()
    {
        var doc = BargainingYamlReader.ParseDocument("s.yaml", Samples.Yaml);
        var space = doc.Space;

        Assert.Equal("hanoi-style summit", space.Name);
        Assert.Equal("three issues, five stakeholders", space.Description);
        Assert.Equal(["denuclearization", "sanctions_relief", "normalization"], space.Dimensions.ToArray());
        Assert.Equal(["USA-executive", "USA-congress", "DPRK", "China", "ROK"], space.Stakeholders.Select(s => s.Name).ToArray());
        var dprk = space.Stakeholders[2];
        Assert.Equal((60.0, "the Kim government"), (dprk.Capability, dprk.Description));
        Assert.Equal([20.0, 90.0, 70.0], dprk.Positions.ToArray());
        Assert.Equal([40.0, 45.0, 15.0], dprk.Saliences.ToArray());
        Assert.Equal(2, doc.Rationales.Count);
        Assert.Equal("sanctions relief before dismantlement", doc.Rationales["DPRK"]);
        Assert.Equal("complete, verified denuclearization first", doc.Rationales["USA-executive"]);
    }

    [Theory]
    [InlineData("salience: [40, 45, 15]", "salience: [40, 65, 15]", "s.yaml:13: bargaining.stakeholders.DPRK.salience: saliences of 'DPRK' sum to 120 (at most 100)")]
    [InlineData("capability: 60", "capability: \"60\"", "s.yaml:11: bargaining.stakeholders.DPRK.capability: must be a plain number, found the quoted text '60'")]
    [InlineData("capability: 60", "capability: -60", "s.yaml:11: bargaining.stakeholders.DPRK.capability: capability -60 is negative")]
    [InlineData("capability: 60", "capability: .inf", "s.yaml:11: bargaining.stakeholders.DPRK.capability: '.inf' is not a number")]
    [InlineData("position: [20, 90, 70]", "position: [20, 90]", "s.yaml:12: bargaining.stakeholders.DPRK.position: 2 values, expected 3 (one per dimension)")]
    [InlineData("position: [20, 90, 70]", "position: [20, 190, 70]", "s.yaml:12: bargaining.stakeholders.DPRK.position[2]: position 190 is outside 0-100")]
    [InlineData("position: [20, 90, 70]", "position: 20", "s.yaml:12: bargaining.stakeholders.DPRK.position: must be a list, found the value '20'")]
    [InlineData("position: [20, 90, 70]", "positions: [20, 90, 70]", "s.yaml:12: bargaining.stakeholders.DPRK.positions: unknown key (expected one of capability, position, salience, description, rationale)")]
    [InlineData("      capability: 60\n", "", "s.yaml:11: bargaining.stakeholders.DPRK.capability: missing")]
    [InlineData("normalization]", "denuclearization]", "s.yaml:6: bargaining.dimensions[3]: dimension 'denuclearization' is named twice")]
    [InlineData("    China:", "    DPRK:", "s.yaml:16: bargaining.stakeholders.DPRK: duplicate key 'DPRK'")]
    [InlineData("[85, 30, 40]", "&p [85, 30, 40]", "s.yaml:8: anchors and aliases are not supported")]
    [InlineData("  name: hanoi-style summit\n", "", "s.yaml:4: bargaining.name: missing")]
    [InlineData("{capability: 50,", "{capability: 50", "s.yaml:16: malformed YAML: while parsing a flow mapping, did not find expected ',' or '}'")]
    public void Parse_BadInput_ThrowsOneLineErrorWithLineAndPath(string original, string replacement, string message)
    {
        var at = Samples.Yaml.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, original);
        var text = Samples.Yaml[..at] + replacement + Samples.Yaml[(at + original.Length)..];

        var ex = Assert.Throws<BargainingInputException>(() => BargainingYamlReader.Parse("s.yaml", text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void ParseDocument_BlockScalarRationale_KeepsItsLines()
    {
        var text = Samples.Yaml.Replace("      rationale: \"sanctions relief before dismantlement\"", "      rationale: |\n        relief first;\n        \tdismantlement later", StringComparison.Ordinal);

        var doc = BargainingYamlReader.ParseDocument("s.yaml", text);

        Assert.Equal("relief first;\n\tdismantlement later\n", doc.Rationales["DPRK"]);
    }

    [Fact]
    public void Parse_NoBargainingBlock_IsAnError()
    {
        var ex = Assert.Throws<BargainingInputException>(() => BargainingYamlReader.Parse("s.yaml", "name: x\n"));

        Assert.Equal("s.yaml:1: bargaining: missing (the bargaining block)", ex.Message);
    }

    [Fact]
    public void Parse_DeepNesting_IsRefusedBeforeTheRepresentationModel()
    {
        var text = "bargaining: " + new string('[', 5000) + new string(']', 5000) + "\n";

        var ex = Assert.Throws<BargainingInputException>(() => BargainingYamlReader.Parse("s.yaml", text));

        Assert.Equal("s.yaml:1: nesting deeper than 64 levels", ex.Message);
    }
}
