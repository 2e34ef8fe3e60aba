using System.Xml.Linq;

namespace Peninsula.Reporting.Tests;

public sealed class ReportHtmlTests
{
    private const string Svg = """
        <?xml version="1.0" encoding="utf-8" ?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1200" height="700">
        <clipPath id="cl_1"><rect x="0" y="0" width="10" height="10"/></clipPath>
        <g clip-path="url(#cl_1)"><text>a &amp; b</text></g>
        </svg>
        """;

    [Fact]
    public void InlineSvg_PrefixesIdsAddsViewBoxDropsDeclarationAndUnusedXlink()
    {
        var s = ReportHtml.InlineSvg(Svg, "c3", "Title <x>");
        Assert.DoesNotContain("<?xml", s, StringComparison.Ordinal);
        Assert.Contains("id=\"c3-1\"", s, StringComparison.Ordinal);
        Assert.Contains("url(#c3-1)", s, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 1200 700\"", s, StringComparison.Ordinal);
        Assert.DoesNotContain("xlink", s, StringComparison.Ordinal);
        var root = XElement.Parse(s);
        Assert.Equal("Title <x>", (string?)root.Attribute("aria-label"));
    }

    [Fact]
    public void RenumberIds_SameChartDifferentCounters_SameText()
    {
        var other = Svg.Replace("cl_1", "cl_2f", StringComparison.Ordinal);
        Assert.Equal(ReportHtml.RenumberIds(Svg, "clip"), ReportHtml.RenumberIds(other, "clip"));
        Assert.Contains("clip-path=\"url(#clip1)\"", ReportHtml.RenumberIds(other, "clip"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a & b <c> \"d\"", "a &amp; b &lt;c&gt; &quot;d&quot;")]
    [InlineData("≥5 · Δ", "≥5 · Δ")]
    public void E_EscapesMarkupKeepsUnicode(string text, string expected) => Assert.Equal(expected, ReportHtml.E(text));

    [Fact]
    public void Description_LastFileOfTheChain()
    {
        var text = "# file: base.yaml\nname: base\ndescription: Shared priors\n# file: t.yaml\nname: t\ndescription: \"The 2021 transition\"\n";
        Assert.Equal("The 2021 transition", ReportHtml.Description(text));
        Assert.Null(ReportHtml.Description("# file: t.yaml\nname: t\n"));
    }

    [Fact]
    public void Chain_SplitsCanonicalText()
    {
        var chain = StoredComparison.Chain("# file: base.yaml\na: 1\n# file: t.yaml\nextends: base.yaml\n");
        Assert.Equal(["base.yaml", "t.yaml"], chain.Select(c => c.Name));
        Assert.Equal("a: 1\n", chain[0].Text);
    }

    [Theory]
    [InlineData("1234abcd", true)]
    [InlineData("1234ABCD99", true)]
    [InlineData("1234abc", false)]
    [InlineData("1234abcz", false)]
    public void IsRunIdPrefix_EightToSixtyFourHexDigits(string text, bool ok) => Assert.Equal(ok, StoredComparison.IsRunIdPrefix(text));
}
