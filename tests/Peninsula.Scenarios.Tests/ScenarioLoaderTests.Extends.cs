using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary><c>extends:</c> chains: merging, origins, cycles and missing bases.</summary>
public sealed partial class ScenarioLoaderTests
{
    [Fact]
    public void Load_ExtendsCycle_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit("base.yaml");
        var line = edit.InsertAt(1, "extends: transition-2021.yaml");
        edit.Save();
        AssertError(OnlyError(temp.PathOf(Leaf)), "base.yaml", line, "extends", "extends cycle: transition-2021.yaml -> base.yaml -> transition-2021.yaml");
    }

    [Fact]
    public void Load_SelfExtension_IsACycle()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("extends: base.yaml", "extends: transition-2021.yaml");
        AssertError(OnlyError(edit.Save()), Leaf, line, "extends", "extends cycle: transition-2021.yaml -> transition-2021.yaml");
    }

    [Fact]
    public void Load_MissingExtendsTarget_IsReportedAtTheExtendsLine()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("extends: base.yaml", "extends: bass.yaml");
        var result = ScenarioLoader.Load(edit.Save());
        AssertError(Assert.Single(result.Errors), Leaf, line, "extends", "base file 'bass.yaml' not found");
        Assert.StartsWith("# file: transition-2021.yaml\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ExtendsPath_IsRelativeToTheExtendingFile()
    {
        using var temp = new TempScenario();
        Directory.CreateDirectory(temp.PathOf("variants"));
        var path = temp.Write(Path.Combine("variants", "short.yaml"), "extends: ../transition-2021.yaml\nname: short\nmonths: 12\n");
        var result = ScenarioLoader.Load(path);
        Assert.Empty(result.Errors);
        Assert.Equal("short", result.Spec!.Name);
        Assert.Equal(12, result.Spec.Months);
        Assert.StartsWith("# file: base.yaml\n", result.Text, StringComparison.Ordinal);
        Assert.Contains("# file: transition-2021.yaml\n", result.Text, StringComparison.Ordinal);
        Assert.EndsWith("# file: short.yaml\nextends: ../transition-2021.yaml\nname: short\nmonths: 12\n", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Variant_MergesMappingsDeeplyAndReplacesLists()
    {
        using var temp = new TempScenario();
        var path = temp.Write("variant.yaml", """
            extends: transition-2021.yaml
            name: aid-first
            default_policy: aid-first
            initial:
              agreements_in_force: []
            agreements:
              singapore: {in_force: false}
            policies:
              strategic-patience:
                pressure: 0.6
                honors: [singapore]
              aid-first:
                label: Aid first
                engagement: 0.2
                pressure: 0.2
                review_months: 1
                aid: {start: 2021-03, level: 1.0}
                talks: bottom-up
                demand: 30
                relief_offer: 40
                normalization_offer: 30
                exercises: {scale: 0.5, suspend_during_talks: true}
                mediator_coordination: 0.8
                hold_threshold: 5
                hold_months: 6
                honors: []
                attention_boost: 0.0
            """);
        var result = ScenarioLoader.Load(path);
        Assert.Empty(result.Errors.Select(e => e.ToString()));
        var spec = result.Spec!;
        Assert.Equal("aid-first", result.DefaultPolicy);
        Assert.Equal("strategic-patience", result.ReferencePolicy);
        Assert.Equal(["principled-diplomacy", "denuclearization-first", "strategic-patience", "maximum-pressure", "top-down-summitry", "aid-first"], spec.Policies.Select(p => p.Id));

        var patience = spec.Policy("strategic-patience")!;
        Assert.Equal(0.6, patience.Pressure);
        Assert.Equal(-1.0, patience.Engagement);
        Assert.Equal(["singapore"], patience.Honors.ToArray());
        Assert.Equal(new AidLever(2, 1.0), spec.Policy("aid-first")!.Aid);
        Assert.Null(spec.Policy("aid-first")!.Message);

        var singapore = Assert.Single(spec.Agreements);
        Assert.False(singapore.InForce);
        Assert.Equal("Singapore joint statement", singapore.Name);
        Assert.Empty(spec.Initial.AgreementsInForce);
    }

    [Fact]
    public void Load_Variant_ErrorsPointIntoTheFileEachValueCameFrom()
    {
        using var temp = new TempScenario();
        var baseEdit = temp.Edit("base.yaml");
        var baseLine = baseEdit.ReplacePattern(@"ladder\.persist: \{value: [-0-9.]+", "ladder.persist: {value: 99");
        baseEdit.Save();
        var path = temp.Write("variant.yaml", "extends: transition-2021.yaml\nname: variant\npolicies:\n  strategic-patience:\n    pressure: 2\n");
        var errors = ScenarioLoader.Load(path).Errors;
        Assert.Equal(2, errors.Count);
        AssertError(errors[0], "base.yaml", baseLine, "parameters.ladder.persist.value", "99 is out of range [-30, 30]");
        AssertError(errors[1], "variant.yaml", 5, "policies.strategic-patience.pressure", "2 is out of range [0, 1]");
    }

    [Fact]
    public void Load_Variant_NullRemovesAnInheritedLever()
    {
        using var temp = new TempScenario();
        var path = temp.Write("variant.yaml", "extends: transition-2021.yaml\nname: no-aid\npolicies:\n  principled-diplomacy:\n    aid: null\n");
        var result = ScenarioLoader.Load(path);
        Assert.Empty(result.Errors);
        Assert.Null(result.Spec!.Policy("principled-diplomacy")!.Aid);
        Assert.NotNull(result.Spec.Policy("principled-diplomacy")!.Message);
    }

    [Fact]
    public void Load_BaseThatFailsToParse_StopsBeforeValidation()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit("base.yaml");
        var line = edit.Replace("transition_window_months: ", "transition_window_months: [");
        edit.Save();
        var error = OnlyError(temp.PathOf(Leaf));
        Assert.Equal("base.yaml", Path.GetFileName(error.File));
        Assert.Equal(line, error.Line);
    }
}
