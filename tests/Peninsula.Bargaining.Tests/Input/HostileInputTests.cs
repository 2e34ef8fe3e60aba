using System.Text;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Tests.Support;
using Peninsula.Testing;

namespace Peninsula.Bargaining.Tests.Input;

/// <summary>
/// Inputs built to make the readers read other files or exhaust memory: XML external entities and DTDs, entity and
/// alias expansion, deep nesting, huge documents and devices that never end. Each is refused with one located line.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Marker = "SENTINEL-9e107d9d372bb682";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("peninsula-hostile-");

    private string Secret
    {
        get
        {
            var path = Path.Combine(_dir.FullName, "secret.txt");
            if (!File.Exists(path)) File.WriteAllText(path, Marker);
            return path;
        }
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static BargainingInputException Refused(string file, string text, Func<string, byte[], IssueSpace> parse)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var e = Assert.Throws<BargainingInputException>(() => parse(file, bytes));
        Assert.Null(ErrorLine.Problem(e.Message, InputFiles.Of(file, bytes)));
        Assert.DoesNotContain(Marker, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void Xml_ExternalEntity_IsRefusedWithoutReadingTheFile()
    {
        var e = Refused("x.xml", HostileText.ExternalEntityXml(Secret), KtabXmlReader.Parse);
        Assert.Equal(2, e.Line);
        Assert.Contains("DTD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_ExternalDtd_IsRefused()
    {
        var dtd = Path.Combine(_dir.FullName, "evil.dtd");
        File.WriteAllText(dtd, $"<!ENTITY leak \"{Marker}\">");
        Assert.Contains("DTD", Refused("x.xml", HostileText.ExternalDtdXml(dtd), KtabXmlReader.Parse).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_BillionLaughs_IsRefused() =>
        Assert.Contains("DTD", Refused("x.xml", HostileText.BillionLaughsXml(), KtabXmlReader.Parse).Message, StringComparison.Ordinal);

    [Fact]
    public void Xml_ExternalEntityInsideAValidScenario_IsRefused()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(ReferenceFiles.DummyXml));
        var root = text.IndexOf("<Scenario", StringComparison.Ordinal);
        var doctype = $"<!DOCTYPE Scenario [<!ENTITY xxe SYSTEM \"{new Uri(Secret).AbsoluteUri}\">]>\n";
        var evil = text[..root] + doctype + text[root..].Replace("<desc>", "<desc>&xxe;", StringComparison.Ordinal);
        Refused("dummyData_3Dim.xml", evil, KtabXmlReader.Parse);
    }

    [Theory]
    [InlineData("laughs")]
    [InlineData("merge")]
    public void Yaml_AliasExpansion_IsRefusedAtTheFirstAnchor(string kind)
    {
        var text = kind == "laughs" ? HostileText.BillionLaughsYaml() : HostileText.MergeKeyBombYaml();
        var e = Refused("s.yaml", text + Samples.Yaml, BargainingYamlReader.Parse);
        Assert.Equal(1, e.Line);
        Assert.Contains("anchors and aliases are not supported", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(1_000, false)]
    public void Yaml_DeepNesting_IsRefusedAtTheLimit(int depth, bool flow)
    {
        var text = flow ? HostileText.DeepFlowYaml(depth) : HostileText.DeepBlockYaml(depth);
        var e = Refused("s.yaml", text, BargainingYamlReader.Parse);
        Assert.Contains($"nesting deeper than {BargainingYamlReader.MaxDepth} levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_TooManyItems_AreRefusedBeforeTheTreeIsBuilt()
    {
        var e = Refused("s.yaml", HostileText.ManyItemsYaml(BargainingYamlReader.MaxNodes + 1) + Samples.Yaml, BargainingYamlReader.Parse);
        Assert.Contains($"more than {BargainingYamlReader.MaxNodes} values", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Yaml_AMillionItems_AreRefusedBeforeTheTreeIsBuilt()
    {
        var e = Refused("s.yaml", HostileText.ManyItemsYaml(1_000_000) + Samples.Yaml, BargainingYamlReader.Parse);
        Assert.Contains($"more than {BargainingYamlReader.MaxNodes} values", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xml")]
    [InlineData("yaml")]
    [InlineData("bdm")]
    public void InputOverTheLimit_IsRefusedUnparsed(string format)
    {
        var bytes = new byte[InputRules.MaxFileBytes + 1];
        bytes.AsSpan().Fill((byte)'a');
        Func<string, byte[], IssueSpace> parse = format switch
        {
            "csv" => KtabCsvReader.Parse,
            "xml" => KtabXmlReader.Parse,
            "yaml" => BargainingYamlReader.Parse,
            _ => BdmCsvReader.Parse,
        };
        var e = Assert.Throws<BargainingInputException>(() => parse("big." + format, bytes));
        Assert.Equal($"big.{format}:1: file is larger than 8 MiB", e.Message);
        var text = Assert.Throws<BargainingInputException>(() => KtabCsvReader.Parse("big.csv", new string('a', InputRules.MaxFileBytes + 1)));
        Assert.Equal("big.csv:1: file is larger than 8 MiB", text.Message);
    }

    [Fact]
    public void ReadFile_OfAFileOverTheLimit_StopsReading()
    {
        var path = Path.Combine(_dir.FullName, "big.csv");
        using (var f = File.Create(path)) f.SetLength(InputRules.MaxFileBytes + 1L);
        Assert.Equal("big.csv:1: file is larger than 8 MiB", Assert.Throws<BargainingInputException>(() => KtabCsvReader.ReadFile(path)).Message);
        if (File.Exists("/dev/zero"))
            Assert.Equal("zero:1: file is larger than 8 MiB", Assert.Throws<BargainingInputException>(() => BdmCsvReader.ReadFile("/dev/zero")).Message);
    }
}
