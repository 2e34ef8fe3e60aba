using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Input;

public sealed class KtabCsvReaderTests
{
    [Theory]
    [InlineData("SOE-Policy", 26, 1, "China Policy; scen 0")]
    [InlineData("SOE-Pol-Comp", 13, 2, "China Policy/Competitive; scen 2")]
    [InlineData("dummyData_3Dim", 7, 3, "DummyData_3Dim")]
    public void ReadFile_ReferenceInputs_HaveDeclaredShape(string scenario, int actors, int dims, string name)
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput(scenario));

        Assert.Equal(name, space.Name);
        Assert.Equal(actors, space.ActorCount);
        Assert.Equal(dims, space.DimensionCount);
        Assert.All(space.Stakeholders, s => Assert.Equal(dims, s.Positions.Length));
        Assert.Equal(space.ActorCount, space.Stakeholders.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void ReadFile_SoePolComp_ReadsPaddedNumbersAndHeaderDimensions()
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("SOE-Pol-Comp"));

        Assert.Equal(["Policy Position", "Competitive Position"], space.Dimensions.ToArray());
        var lk = space.Stakeholders[1];
        Assert.Equal(("LK", "Li Keqiang", 60.2), (lk.Name, lk.Description, lk.Capability));
        Assert.Equal([45.0, 65.0], lk.Positions.ToArray());
        Assert.Equal([44.7, 41.3], lk.Saliences.ToArray());
    }

    [Fact]
    public void ReadFile_DummyData_ReadsQuotedDescriptionAndTrimsName()
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("dummyData_3Dim"));

        Assert.Equal("Dummy scenario to test reading format", space.Description);
        Assert.Equal(["Pstn1", "Pstn2", "Pstn3"], space.Dimensions.ToArray());
        Assert.Equal(102.543, space.Stakeholders[0].Capability);
        Assert.Equal([82.45, 90.89, 0.07], space.Stakeholders[2].Positions.ToArray());
    }

    [Fact]
    public void Parse_Sample_ReadsCrLfAndEmptyDescription()
    {
        var space = KtabCsvReader.Parse("tiny.csv", Samples.KtabCsv.Replace("\n", "\r\n"));

        Assert.Equal("three actors, two issues", space.Description);
        Assert.Equal("", space.Stakeholders[2].Description);
        Assert.Equal([90.0, 80.0], space.Stakeholders[1].Positions.ToArray());
    }

    [Theory]
    [InlineData("B,second,50,90,30,80,60,", "B,second,50,90,70,80,60,", "input.csv:4: sal_2: saliences of 'B' sum to 130 (at most 100)")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,4,2", "input.csv:6: expected 4 actor rows (nActors on line 1), found 3")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,2,2", "input.csv:1: nActors: 2 actors (at least 3)")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,300,2", "input.csv:1: nActors: 300 actors (at most 250)")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,3,0", "input.csv:1: nDims: 0 dimensions (at least 1)")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,three,2", "input.csv:1: nActors: 'three' is not a whole number")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,3,1", "input.csv:2: header has 7 columns, expected 5 (actor, description, capability, then position and salience for each of 1 dimensions)")]
    [InlineData("Tiny,\"three actors, two issues\",3,2,", "Tiny,x,3", "input.csv:1: expected 4 fields 'name, description, nActors, nDims', found 3")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,100,10,50,20,40,7", "input.csv:3: row has 8 fields, expected 7")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,-1,10,50,20,40,", "input.csv:3: capability: capability -1 is negative")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,1e3x,10,50,20,40,", "input.csv:3: capability: '1e3x' is not a number")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,NaN,10,50,20,40,", "input.csv:3: capability: 'NaN' is not a number")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,100,10,50,120,40,", "input.csv:3: pos_2: position 120 is outside 0-100")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,100,10,50,20,-4,", "input.csv:3: sal_2: salience -4 is outside 0-100")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,100,10,,20,40,", "input.csv:3: sal_1: is empty (expected a number)")]
    [InlineData("A,first,100,10,50,20,40,", "A,first,100,\"10,50,20,40,", "input.csv:3: field 4: quoted field is never closed (unterminated quote)")]
    [InlineData("A,first,100,10,50,20,40,", "A,fi\"rst,100,10,50,20,40,", "input.csv:3: field 2: stray quote inside an unquoted field")]
    [InlineData("C,,25,50,25,50,25,", "A,,25,50,25,50,25,", "input.csv:5: actor: 'A' is already used on line 3")]
    [InlineData("C,,25,50,25,50,25,", ",,25,50,25,50,25,", "input.csv:5: actor: is empty")]
    [InlineData("C,,25,50,25,50,25,", "C,,25,50,25,50,25,\nD,,1,1,1,1,1", "input.csv:6: more rows than the 3 actors declared on line 1 (nActors)")]
    [InlineData("B,second,50,90,30,80,60,", "", "input.csv:4: empty line where an actor row was expected")]
    public void Parse_BadInput_ThrowsOneLineErrorNamingFileLineAndField(string original, string replacement, string message)
    {
        var text = Samples.KtabCsv.Replace(original, replacement, StringComparison.Ordinal);

        var ex = Assert.Throws<BargainingInputException>(() => KtabCsvReader.Parse("input.csv", text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_Empty_IsAnInputError()
    {
        var ex = Assert.Throws<BargainingInputException>(() => KtabCsvReader.Parse("input.csv", "\n\n"));

        Assert.StartsWith("input.csv:1: file is empty", ex.Message);
    }

    [Fact]
    public void Parse_InvalidUtf8_NamesTheLine()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Samples.KtabCsv).ToList();
        bytes.Insert(bytes.IndexOf((byte)'B'), 0xFF);

        var ex = Assert.Throws<BargainingInputException>(() => KtabCsvReader.Parse("input.csv", [.. bytes]));

        Assert.Equal("input.csv:4: not valid UTF-8 (byte 0xFF)", ex.Message);
    }

    [Fact]
    public void Parse_ControlCharacterInName_IsEscapedInTheMessage()
    {
        var text = Samples.KtabCsv.Replace("B,second", "B\u2028x,second", StringComparison.Ordinal);

        var ex = Assert.Throws<BargainingInputException>(() => KtabCsvReader.Parse("input.csv", text));

        Assert.Equal("input.csv:4: actor: 'B\\u2028x' contains a control character", ex.Message);
    }

    [Fact]
    public void ReadFile_Missing_IsAnInputError()
    {
        var ex = Assert.Throws<BargainingInputException>(() => KtabCsvReader.ReadFile(Path.Combine(ReferenceFiles.Root, "nope.csv")));

        Assert.Equal("nope.csv:0: file not found", ex.Message);
    }
}
