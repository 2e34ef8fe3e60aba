using System.Runtime.InteropServices;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>
/// Path confinement: <c>extends:</c> and <c>agreement_zone.issue_space</c> may name files only inside the scenario
/// tree (the nearest ancestor folder named <c>scenarios</c>, else the scenario's own folder, or the folder the caller
/// gives), after <c>..</c> and symbolic links are resolved; nothing outside is ever read.
/// </summary>
public sealed partial class ScenarioLoaderTests
{
    /// <summary>The transition-2021 leaf in the sandbox with its <c>extends:</c> replaced; returns its path and the line.</summary>
    private static (string Path, int Line) LeafExtending(ScenarioSandbox sandbox, string target)
    {
        var edit = new ScenarioEdit(sandbox.PathOf(Leaf));
        var line = edit.Replace("extends: base.yaml", "extends: " + target);
        return (edit.Save(), line);
    }

    private static void AssertRefused(LoadResult result, string file, int line, string path, string messageStart)
    {
        Assert.Null(ScenarioSandbox.Leak(result));
        Assert.Null(result.Spec);
        var error = Assert.Single(result.Errors);
        Assert.Equal(file, System.IO.Path.GetFileName(error.File));
        Assert.Equal(line, error.Line);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../../../../../etc/passwd")]
    [InlineData("../secret.yaml")]
    [InlineData("./../scenarios/../secret.yaml")]
    [InlineData("SECRET")]
    public void Load_ExtendsOutsideTheTree_IsRefusedAtTheExtendsLine(string target)
    {
        using var sandbox = new ScenarioSandbox();
        var written = target == "SECRET" ? sandbox.Secret : target;
        var (path, line) = LeafExtending(sandbox, written);
        AssertRefused(ScenarioLoader.Load(path), Leaf, line, "extends", $"base file '{written}' is outside the scenario folder '");
    }

    [Theory]
    [InlineData("link.yaml")]
    [InlineData("up/secret.yaml")]
    [InlineData("up/scenarios/link.yaml")]
    public void Load_ExtendsThroughALinkPointingOut_IsRefused(string target)
    {
        using var sandbox = new ScenarioSandbox();
        if (!sandbox.HasLinks) return;
        var (path, line) = LeafExtending(sandbox, target);
        AssertRefused(ScenarioLoader.Load(path), Leaf, line, "extends", $"base file '{target}' is outside the scenario folder '");
    }

    [Fact]
    public void Load_ExtendsThroughALinkInsideTheTree_IsAccepted()
    {
        using var sandbox = new ScenarioSandbox();
        if (!sandbox.HasLinks) return;
        File.CreateSymbolicLink(sandbox.PathOf("alias.yaml"), "base.yaml");
        var (path, _) = LeafExtending(sandbox, "alias.yaml");
        var result = ScenarioLoader.Load(path);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Contains("# file: alias.yaml\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LinkLoop_IsRefused()
    {
        using var sandbox = new ScenarioSandbox();
        if (!sandbox.HasLinks) return;
        File.CreateSymbolicLink(sandbox.PathOf("loop-a.yaml"), "loop-b.yaml");
        File.CreateSymbolicLink(sandbox.PathOf("loop-b.yaml"), "loop-a.yaml");
        var (path, line) = LeafExtending(sandbox, "loop-a.yaml");
        AssertRefused(ScenarioLoader.Load(path), Leaf, line, "extends", "base file 'loop-a.yaml' cannot be resolved (more than 40 symbolic links)");
    }

    [Fact]
    public void Load_BaseExtendingOutside_IsRefusedInTheBase()
    {
        using var sandbox = new ScenarioSandbox();
        var edit = new ScenarioEdit(sandbox.PathOf("base.yaml"));
        var line = edit.InsertAt(1, "extends: ../secret.yaml");
        edit.Save();
        AssertRefused(ScenarioLoader.Load(sandbox.PathOf(Leaf)), "base.yaml", line, "extends", "base file '../secret.yaml' is outside the scenario folder '");
    }

    [Fact]
    public void Load_ExtendsWithANulCharacter_IsAnInvalidPath()
    {
        using var sandbox = new ScenarioSandbox();
        var (path, line) = LeafExtending(sandbox, "\"base\\0.yaml\"");
        var result = ScenarioLoader.Load(path);
        Assert.Null(ScenarioSandbox.Leak(result));
        var error = Assert.Single(result.Errors);
        Assert.Equal(line, error.Line);
        Assert.Equal("extends", error.Path);
        Assert.DoesNotContain('\0', error.ToString());
    }

    [Theory]
    [InlineData("../secret.yaml")]
    [InlineData("/etc/passwd")]
    [InlineData("SECRET")]
    [InlineData("link.yaml")]
    [InlineData("up/secret.yaml")]
    public void Load_IssueSpaceOutsideTheTree_IsRefusedAtItsLine(string target)
    {
        using var sandbox = new ScenarioSandbox();
        if (target.StartsWith("link", StringComparison.Ordinal) || target.StartsWith("up", StringComparison.Ordinal))
        {
            if (!sandbox.HasLinks) return;
        }
        var written = target == "SECRET" ? sandbox.Secret : target;
        var edit = new ScenarioEdit(sandbox.PathOf(Leaf));
        var line = edit.Replace("issue_space: bargaining/transition-2021.yaml", "issue_space: " + written);
        AssertRefused(ScenarioLoader.Load(edit.Save()), Leaf, line, "agreement_zone.issue_space", $"'{written}' is outside the scenario folder '");
    }

    [Fact]
    public void Load_IssueSpaceInsideTheTree_NeedNotExistYet()
    {
        using var sandbox = new ScenarioSandbox();
        var result = ScenarioLoader.Load(sandbox.PathOf(Leaf));
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal("bargaining/transition-2021.yaml", result.Spec!.Zone!.IssueSpace);
    }

    [Fact]
    public void Load_VariantInASubfolderOfScenarios_MayExtendAFileAbove()
    {
        using var sandbox = new ScenarioSandbox();
        var path = sandbox.Write(Path.Combine("variants", "deeper", "short.yaml"), "extends: ../../transition-2021.yaml\nname: short\nmonths: 12\n");
        var result = ScenarioLoader.Load(path);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        Assert.Equal("short", result.Spec!.Name);
    }

    [Fact]
    public void Load_WithoutAScenariosFolder_TheTreeIsTheFilesOwnFolder()
    {
        // The web app's edits/<hash>/ copies: the edited scenario beside its bases, under no folder named scenarios.
        using var sandbox = new ScenarioSandbox();
        var edit = Path.Combine(sandbox.Outer, "edits", "0123abcd");
        Directory.CreateDirectory(Path.Combine(edit, "sub"));
        foreach (var name in new[] { "base.yaml", Leaf }) File.Copy(sandbox.PathOf(name), Path.Combine(edit, name));
        Assert.Empty(ScenarioLoader.Load(Path.Combine(edit, Leaf)).Errors.Select(e => e.ToString()));

        var variant = Path.Combine(edit, "sub", "v.yaml");
        File.WriteAllText(variant, "extends: ../transition-2021.yaml\nname: v\n");
        AssertRefused(ScenarioLoader.Load(variant), "v.yaml", 1, "extends", "base file '../transition-2021.yaml' is outside the scenario folder '");

        // The caller can name the tree.
        Assert.Empty(ScenarioLoader.Load(variant, edit).Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_WithAnExplicitTree_RefusesAScenarioOutsideIt()
    {
        using var sandbox = new ScenarioSandbox();
        var elsewhere = Path.Combine(sandbox.Outer, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var result = ScenarioLoader.Load(sandbox.PathOf(Leaf), elsewhere);
        Assert.Null(ScenarioSandbox.Leak(result));
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("scenario file 'transition-2021.yaml' is outside the scenario folder '", error.Message, StringComparison.Ordinal);
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void Load_TheTreeItselfReachedThroughALink_Works()
    {
        using var sandbox = new ScenarioSandbox();
        if (!sandbox.HasLinks) return;
        var alias = Path.Combine(sandbox.Outer, "alias-of-scenarios");
        Directory.CreateSymbolicLink(alias, sandbox.Tree);
        var result = ScenarioLoader.Load(Path.Combine(alias, Leaf), alias);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        File.Delete(alias);
    }

    [Fact]
    public void Load_ShippedScenarios_StayInsideTheirTree()
    {
        foreach (var path in Directory.GetFiles(Repo.Scenarios, "*.yaml"))
        {
            var result = ScenarioLoader.Load(path);
            Assert.DoesNotContain(result.Errors, e => e.Message.Contains("outside the scenario folder", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Load_ADeviceThatNeverEnds_StopsAtTheSizeLimit()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || !File.Exists("/dev/zero")) return;
        var error = Assert.Single(ScenarioLoader.Load("/dev/zero").Errors);
        Assert.Equal("scenario file 'zero' is larger than 1 MB", error.Message);
    }
}
