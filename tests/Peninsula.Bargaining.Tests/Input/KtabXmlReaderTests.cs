using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests.Input;

public sealed class KtabXmlReaderTests
{
    private static string Dummy => File.ReadAllText(ReferenceFiles.DummyXml);

    [Fact]
    public void ReadScenarioFile_Dummy_MatchesTheCsvFormOfTheSameScenario()
    {
        var xml = KtabXmlReader.ReadScenarioFile(ReferenceFiles.DummyXml);
        var csv = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("dummyData_3Dim"));

        Assert.Equal("DummyData_3Dim", xml.Space.Name);
        Assert.Equal("03707583219545544125", xml.Seed);
        Assert.Null(xml.Parameters);
        Assert.Empty(xml.IdealAdjustments);
        Assert.Equal(csv.Dimensions.ToArray(), xml.Space.Dimensions.ToArray());
        Assert.Equal(csv.ActorCount, xml.Space.ActorCount);
        for (var i = 0; i < csv.ActorCount; i++)
        {
            var (a, b) = (csv.Stakeholders[i], xml.Space.Stakeholders[i]);
            Assert.Equal((a.Name, a.Description, a.Capability), (b.Name, b.Description, b.Capability));
            Assert.Equal(a.Positions.ToArray(), b.Positions.ToArray());
            Assert.Equal(a.Saliences.ToArray(), b.Saliences.ToArray());
        }
    }

    [Fact]
    public void ParseScenario_ModelParametersAndIdealAdjustment_AreKeptInTheSideRecord()
    {
        var text = Dummy
            .Replace("<Dimensions>", """
                <ModelParameters>
                  <VictoryProbModel>Linear</VictoryProbModel><PCEModel>Conditional</PCEModel>
                  <StateTransitions>Deterministic</StateTransitions><VotingRule>Proportional</VotingRule>
                  <BigRAdjust>OneThird</BigRAdjust><BigRRange>Mid</BigRRange><ThirdPartyCommit>SemiCommit</ThirdPartyCommit>
                  <InterVecBrgn>S2P2</InterVecBrgn><BargnModel>PWCompInterp</BargnModel>
                </ModelParameters>
                <Dimensions>
                """, StringComparison.Ordinal)
            .Replace("</Actors>", """
                </Actors>
                <IdealAdjustment><iaPair><adjustingIdeal>SActor-01</adjustingIdeal><referencePos>SActor-02</referencePos><adjust>0.5</adjust></iaPair></IdealAdjustment>
                """, StringComparison.Ordinal);

        var scenario = KtabXmlReader.ParseScenario("s.xml", text);

        Assert.Equal(new KtabModelParameters("Linear", "Conditional", "Deterministic", "Proportional", "OneThird", "Mid", "SemiCommit", "S2P2", "PWCompInterp"), scenario.Parameters);
        Assert.Equal([new KtabIdealAdjustment("SActor-01", "SActor-02", 0.5)], scenario.IdealAdjustments.ToArray());
    }

    [Fact]
    public void Parse_WithoutDimensions_NamesThemFromTheCoordinateCount()
    {
        var start = Dummy.IndexOf("<Dimensions>", StringComparison.Ordinal);
        var end = Dummy.IndexOf("</Dimensions>", StringComparison.Ordinal) + "</Dimensions>".Length;

        var space = KtabXmlReader.Parse("s.xml", Dummy[..start] + Dummy[end..]);

        Assert.Equal(["dim_1", "dim_2", "dim_3"], space.Dimensions.ToArray());
    }

    [Theory]
    [InlineData("<dSal>48.47</dSal>", "<dSal>88.47</dSal>", "s.xml:51: Actors/Actor[3]/Salience: saliences of 'SActor-02' sum to 136.64 (at most 100)")]
    [InlineData("<capability>75.92</capability>", "<capability>1075.92</capability>", "s.xml:60: Actors/Actor[4]/capability: capability 1075.92 exceeds 1000")]
    [InlineData("<capability>75.92</capability>", "<capability>7e1</capability>", "s.xml:60: Actors/Actor[4]/capability: '7e1' is not a decimal number")]
    [InlineData("<dCoord>62.52</dCoord>", "<dCoord>162.52</dCoord>", "s.xml:62: Actors/Actor[4]/Position/dCoord[1]: position 162.52 is outside 0-100")]
    [InlineData("<dCoord>62.52</dCoord>", "", "s.xml:61: Actors/Actor[4]/Position: 2 coordinates, expected 3 (one per dimension)")]
    [InlineData("<name>SActor-03</name>", "<name>SActor-02</name>", "s.xml:58: Actors/Actor[4]/name: 'SActor-02' is already used on line 43")]
    [InlineData("<description>Random Spatial Actor</description>\n      <capability>75.92", "<capability>75.92", "s.xml:59: Actors/Actor[4]: expected <description>, found <capability>")]
    [InlineData("<dName>Pstn2</dName>", "<dName>Pstn1</dName>", "s.xml:8: Dimensions/dName[2]: dimension 'Pstn1' is named twice")]
    [InlineData("<prngSeed>", "<seed>", "s.xml:5: malformed XML: The 'seed' start tag on line 5 position 4 does not match the end tag of 'prngSeed'. Line 5, position 31")]
    [InlineData("<Actors>", "<Actors count=\"7\">", "s.xml:11: Actors: unexpected attribute 'count'")]
    [InlineData("</Actors>", "</Actors><Extra/>", "s.xml:117: Scenario: unexpected element <Extra>")]
    public void Parse_BadInput_ThrowsOneLineErrorNamingLineAndElement(string original, string replacement, string message)
    {
        var text = Dummy.Replace("\r\n", "\n", StringComparison.Ordinal);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, original);
        text = text[..at] + replacement + text[(at + original.Length)..];

        var ex = Assert.Throws<BargainingInputException>(() => KtabXmlReader.Parse("s.xml", text));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_ModelParameterOutsideItsEnumeration_IsRejected()
    {
        var text = Dummy.Replace("<Dimensions>", "<ModelParameters><VictoryProbModel>Cubic</VictoryProbModel></ModelParameters><Dimensions>", StringComparison.Ordinal);

        var ex = Assert.Throws<BargainingInputException>(() => KtabXmlReader.Parse("s.xml", text));

        Assert.Equal("s.xml:6: ModelParameters/VictoryProbModel: 'Cubic' is not one of Linear, Square, Quartic, Octic, Binary", ex.Message);
    }

    [Fact]
    public void Parse_Dtd_IsRefused()
    {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE Scenario [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Scenario><name>&x;</name></Scenario>";

        var ex = Assert.Throws<BargainingInputException>(() => KtabXmlReader.Parse("s.xml", text));

        Assert.StartsWith("s.xml:2: malformed XML: ", ex.Message);
    }

    [Fact]
    public void Parse_TwoActors_IsTooFew()
    {
        var text = Dummy;
        for (var i = 0; i < 5; i++)
        {
            var start = text.IndexOf("<Actor>", StringComparison.Ordinal);
            var end = text.IndexOf("</Actor>", StringComparison.Ordinal) + "</Actor>".Length;
            text = text[..start] + text[end..];
        }

        var ex = Assert.Throws<BargainingInputException>(() => KtabXmlReader.Parse("s.xml", text));

        Assert.Equal("s.xml:11: Actors: 2 actors (at least 3)", ex.Message);
    }
}
