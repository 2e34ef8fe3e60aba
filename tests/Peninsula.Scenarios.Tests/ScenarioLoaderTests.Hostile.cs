using System.Text;
using Peninsula.Scenarios.Tests.Support;
using Peninsula.Testing;

namespace Peninsula.Scenarios.Tests;

/// <summary>
/// YAML built to exhaust the loader — alias expansion ("billion laughs", merge keys), floods of aliases, deep nesting,
/// huge documents, huge keys — is refused with bounded, one-line, located errors before it is expanded or held in
/// memory: aliases are never expanded (the reader works on parser events, where an alias is one event), files over
/// 1 MiB are not parsed, nesting stops at 64 levels and a file at 100,000 values, and at most 100 errors are reported.
/// </summary>
public sealed partial class ScenarioLoaderTests
{
    /// <summary>Loads <paramref name="text"/> as <c>hostile.yaml</c>; asserts every error keeps the one-line promise.</summary>
    private static LoadResult LoadHostile(string text)
    {
        using var temp = new TempScenario();
        var path = temp.Write("hostile.yaml", text);
        var result = ScenarioLoader.Load(path);
        Assert.Null(result.Spec);
        var files = InputFiles.Of("hostile.yaml", Encoding.UTF8.GetBytes(text));
        foreach (var error in result.Errors) Assert.Null(ErrorLine.Problem(error.ToString(), files));
        Assert.InRange(result.Errors.Count, 1, ErrorList.MaxReported);
        return result;
    }

    [Theory]
    [InlineData("laughs")]
    [InlineData("merge")]
    public void Load_AliasExpansion_IsRefusedWithoutExpanding(string kind)
    {
        var text = kind == "laughs" ? HostileText.BillionLaughsYaml() : HostileText.MergeKeyBombYaml();
        var result = LoadHostile(text);
        var aliases = result.Errors.Where(e => e.Message == "anchors and aliases are not supported").ToList();
        Assert.NotEmpty(aliases);
        Assert.Equal(1, aliases[0].Line);
        // Each alias stands for a null: nothing is expanded, so no error can repeat the aliased text.
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("lol", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_AFloodOfAliases_ReportsAHundredLinesAndACount()
    {
        // About 300,000 aliases in 1 MB: one error each would be 300,000 lines.
        var text = "a: &a 1\nb: [" + string.Join(",", Enumerable.Repeat("*a", 300_000)) + "]\n";
        var result = LoadHostile(text);
        Assert.Equal(ErrorList.MaxReported, result.Errors.Count);
        Assert.Matches(@"^\d+ more errors not shown \(fix these first\)$", result.Errors[^1].Message);
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(1_000, false)]
    public void Load_DeepNesting_IsRefusedAtTheDepthLimit(int depth, bool flow)
    {
        var result = LoadHostile(flow ? HostileText.DeepFlowYaml(depth) : HostileText.DeepBlockYaml(depth));
        var error = Assert.Single(result.Errors);
        Assert.Equal($"nesting deeper than {Yaml.YamlReader.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void Load_TooManyValues_IsRefusedBeforeTheTreeIsBuilt()
    {
        // 150,000 one-character items fit in 1 MiB but exceed 100,000 values.
        var text = "x: [" + string.Join(",", Enumerable.Repeat("1", 150_000)) + "]\n";
        var error = Assert.Single(LoadHostile(text).Errors);
        Assert.Equal($"more than {Yaml.YamlReader.MaxNodes} values in one file", error.Message);
    }

    [Theory]
    [InlineData(50 << 20)]
    [InlineData(0)]
    public void Load_HugeDocument_IsRefusedUnparsed(int bytes)
    {
        // 50 MB of text, or a million list items (4 MB): both over the 1 MiB limit.
        var text = bytes > 0 ? "description: \"" + new string('a', bytes) + "\"\n" : HostileText.ManyItemsYaml(1_000_000);
        var error = Assert.Single(LoadHostile(text).Errors);
        Assert.Equal("scenario file 'hostile.yaml' is larger than 1 MB", error.Message);
    }

    /// <summary>
    /// Regression (slow fuzz seed 0x30590002, case 233): <c>roles: [1e308]</c> made the JSON Schema library throw
    /// FormatException (uniqueItems hashes numbers as decimal); numbers beyond decimal's range are now refused at their line.
    /// </summary>
    [Theory]
    [InlineData("roles: [veto]", "roles: [1e308]", "CHN:", "actors.RUS.roles[0]", "1e308")]
    [InlineData("trade_share: 0.03", "trade_share: -1e29", null, "actors.RUS.trade_share", "-1e29")]
    [InlineData("months: 48", "months: 100000000000000000000000000000", null, "months", "100000000000000000000000000000")]
    public void Load_NumberBeyondDecimalRange_IsRefusedAtItsLine(string find, string replace, string? after, string path, string number)
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace(find, replace, after);
        var result = ScenarioLoader.Load(edit.Save());
        var error = Assert.Single(result.Errors);
        AssertError(error, Leaf, line, path, $"number {number} is out of range (magnitude below 1e28)");
    }

    [Fact]
    public void Load_HugeValueQuotedInAMessage_IsShortened()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("default_policy: principled-diplomacy", "default_policy: " + new string('p', 500_000));
        var error = Assert.Single(ScenarioLoader.Load(edit.Save()).Errors);
        Assert.Equal(line, error.Line);
        Assert.InRange(error.Message.Length, 1, ErrorList.MaxMessageLength + 1);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }
}
