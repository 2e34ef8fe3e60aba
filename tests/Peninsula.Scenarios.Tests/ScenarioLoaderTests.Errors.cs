using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>Each user mistake gives one error at the exact file, line and path.</summary>
public sealed partial class ScenarioLoaderTests
{
    private const string Leaf = "transition-2021.yaml";

    /// <summary>Loads <paramref name="path"/> and returns its only error (the spec must be null).</summary>
    private static ScenarioError OnlyError(string path)
    {
        var result = ScenarioLoader.Load(path);
        Assert.Null(result.Spec);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    private static void AssertError(ScenarioError error, string fileName, int line, string path, string message)
    {
        Assert.Equal(fileName, Path.GetFileName(error.File));
        Assert.Equal(line, error.Line);
        Assert.Equal(path, error.Path);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Load_BadMonth_ReportsItWhereWritten()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("aid: {start: 2021-02", "aid: {start: 2021-13");
        var error = OnlyError(edit.Save());
        Assert.Equal($"transition-2021.yaml:{line}: policies.principled-diplomacy.aid.start: '2021-13' is not a month", error.ToString());
    }

    [Fact]
    public void Load_BadIndentation_ReportsMalformedYamlAtTheLine()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("months: 48", "  months: 48");
        var error = OnlyError(edit.Save());
        Assert.Equal(line, error.Line);
        Assert.Equal("", error.Path);
        Assert.StartsWith("malformed YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnclosedBracket_ReportsMalformedYamlAtTheLine()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("months: 48", "months: [48");
        var error = OnlyError(edit.Save());
        Assert.Equal(Leaf, Path.GetFileName(error.File));
        Assert.Equal(line, error.Line);
        Assert.StartsWith("malformed YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongType_SaysWhatWasExpected()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("engagement: 0.5", "engagement: abc");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.engagement", "expected a number, got 'abc'");
    }

    [Fact]
    public void Load_QuotedNumber_IsText()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("months: 48", "months: \"48\"");
        AssertError(OnlyError(edit.Save()), Leaf, line, "months", "expected a whole number, got '48'");
    }

    [Fact]
    public void Load_UnknownKey_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.InsertAfter("engagement: 0.5", "    colour: red");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.colour", "unknown key 'colour'");
    }

    [Fact]
    public void Load_MisspeltKey_SuggestsTheRightOne()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("    pressure: 0.3", "    presure: 0.3");
        var result = ScenarioLoader.Load(edit.Save());
        Assert.Contains(result.Errors, e => e.Line == line && e.Path == "policies.principled-diplomacy.presure"
            && e.Message == "unknown key 'presure' (did you mean 'pressure'?)");
        Assert.Contains(result.Errors, e => e.Path == "policies.principled-diplomacy" && e.Message == "required key 'pressure' is missing");
    }

    [Fact]
    public void Load_OutOfRange_QuotesTheRange()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("pressure: 0.3", "pressure: 1.5");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.pressure", "1.5 is out of range [0, 1]");
    }

    [Fact]
    public void Load_BadEnum_ListsTheChoices()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("talks: bottom-up", "talks: bottomup");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.talks",
            "'bottomup' is not one of: none, bottom-up, top-down (did you mean 'bottom-up'?)");
    }

    [Fact]
    public void Load_CalendarMonth13_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("calendar: {3: 0.5", "calendar: {13: 0.5");
        AssertError(OnlyError(edit.Save()), Leaf, line, "exercises.calendar.13", "key '13' is not a month of the year (1-12)");
    }

    [Fact]
    public void Load_UnknownActorInAdministrations_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("  ROK:", "  ROKK:", after: "administrations:");
        AssertError(OnlyError(edit.Save()), Leaf, line, "administrations.ROKK", "'ROKK' is not a declared actor (did you mean 'ROK'?)");
    }

    [Fact]
    public void Load_UndeclaredChannel_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("channels: [new-york, via-seoul", "channels: [new-yrok, via-seoul");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.message.channels[0]",
            "'new-yrok' is not a declared channel (did you mean 'new-york'?)");
    }

    [Fact]
    public void Load_UndeclaredDefaultPolicy_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("default_policy: principled-diplomacy", "default_policy: grand-bargain");
        AssertError(OnlyError(edit.Save()), Leaf, line, "default_policy", "'grand-bargain' is not a declared policy");
    }

    [Fact]
    public void Load_AidAfterHorizon_IsInconsistent()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("aid: {start: 2021-02", "aid: {start: 2025-01");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.aid.start",
            "aid starts 2025-01, after the scenario's last month 2024-12 (inconsistent dates)");
    }

    [Fact]
    public void Load_MessageBeforeStart_IsInconsistent()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("message: {start: 2021-02", "message: {start: 2020-12");
        AssertError(OnlyError(edit.Save()), Leaf, line, "policies.principled-diplomacy.message.start",
            "the message starts 2020-12, before the scenario start 2021-01 (inconsistent dates)");
    }

    [Fact]
    public void Load_OverlappingTerms_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("leader: Joe Biden, start: 2021-01-20", "leader: Joe Biden, start: 2020-12-01");
        AssertError(OnlyError(edit.Save()), Leaf, line, "administrations.USA.terms[1].start",
            "this term starts (2020-12-01) before the previous one ends (2021-01-20): terms overlap");
    }

    [Fact]
    public void Load_TermEndingBeforeItStarts_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("end: 2022-05-10", "end: 2017-05-01");
        var result = ScenarioLoader.Load(edit.Save());
        Assert.Contains(result.Errors, e => e.Line == line && e.Path == "administrations.ROK.terms[0].end" && e.Message == "the term ends (2017-05-01) before it starts (2017-05-10)");
    }

    [Fact]
    public void Load_ImpossibleDay_IsNotADate()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("elected: 2020-11-03", "elected: 2020-02-30");
        AssertError(OnlyError(edit.Save()), Leaf, line, "administrations.USA.terms[1].elected", "'2020-02-30' is not a date");
    }

    [Fact]
    public void Load_SuccessorProbabilitiesNotSummingToOne_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        edit.Replace("{label: progressive successor, p: 0.5", "{label: progressive successor, p: 0.4");
        var optionsLine = edit.LineOf("      options:");
        AssertError(OnlyError(edit.Save()), Leaf, optionsLine, "administrations.ROK.successor.options", "successor probabilities sum to 0.9, not 1");
    }

    [Fact]
    public void Load_HorizonPastLastTermWithoutSuccessor_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        edit.Replace("months: 48", "months: 60");
        var usaLine = edit.LineOf("  USA:", after: "administrations:");
        AssertError(OnlyError(edit.Save()), Leaf, usaLine, "administrations.USA",
            "the scenario runs to 2025-12 but the last known term of 'USA' ends 2025-01-20 and no successor is given");
    }

    [Fact]
    public void Load_MissingParameter_NamesIt()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        edit.Delete("  ladder.alpha.3:");
        var parametersLine = edit.LineOf("parameters:");
        AssertError(OnlyError(edit.Save()), Leaf, parametersLine, "parameters", "missing parameter 'ladder.alpha.3' (intercept, logit P(level>=3 | level>=2))");
    }

    [Fact]
    public void Load_UnknownParameter_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.InsertAfter("  ladder.alpha.6:", "  ladder.alpha.7: {value: 0, sd: 1, rationale: \"assumption: none\"}");
        AssertError(OnlyError(edit.Save()), Leaf, line, "parameters.ladder.alpha.7", "unknown parameter 'ladder.alpha.7' (did you mean 'ladder.alpha.1'?)");
    }

    [Fact]
    public void Load_ParameterOutsideCatalogRange_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("ladder.alpha.1: {value: -0.66", "ladder.alpha.1: {value: -13");
        AssertError(OnlyError(edit.Save()), Leaf, line, "parameters.ladder.alpha.1.value", "-13 is out of range [-12, 12]");
    }

    [Fact]
    public void Load_NegativeSdOrEmptyRationale_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var sdLine = edit.Replace("value: -0.66, sd: 0.3", "value: -0.66, sd: -0.3");
        var rationaleLine = edit.Replace("rationale: \"data: data/monthly_series.csv 1990-01..2020-12, 111 of 127 months >= 1 reach >= 2\"", "rationale: \"  \"");
        var errors = ScenarioLoader.Load(edit.Save()).Errors;
        Assert.Contains(errors, e => e.Line == sdLine && e.Path == "parameters.ladder.alpha.1.sd" && e.Message == "-0.3 must be at least 0");
        Assert.Contains(errors, e => e.Line == rationaleLine && e.Path == "parameters.ladder.alpha.2.rationale" && e.Message == "must not be empty");
    }

    [Fact]
    public void Load_UndeclaredAgreementInForce_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("agreements_in_force: [singapore]", "agreements_in_force: [singapore, hanoi]");
        AssertError(OnlyError(edit.Save()), Leaf, line, "initial.agreements_in_force[1]", "'hanoi' is not a declared agreement");
    }

    [Fact]
    public void Load_VetoPlayerWithoutTradeShare_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("relations_with_principal: -0.6, trade_share: 0.03}", "relations_with_principal: -0.6}");
        AssertError(OnlyError(edit.Save()), Leaf, line, "actors.RUS", "veto player 'RUS' needs trade_share (0 to 1)");
    }

    [Fact]
    public void Load_TwoChallengers_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("JPN: {name: Japan, roles: [sanctioner]}", "JPN: {name: Japan, roles: [challenger]}");
        AssertError(OnlyError(edit.Save()), Leaf, line, "actors.JPN.roles", "'JPN' is a second challenger ('DPRK' is one already; exactly one allowed)");
    }

    [Fact]
    public void Load_ChannelViaANonMediator_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("via: ROK", "via: JPN");
        AssertError(OnlyError(edit.Save()), Leaf, line, "channels.via-seoul.via", "'JPN' is not the mediator ('ROK' is)");
    }

    [Fact]
    public void Load_MissingStartAfterMerge_IsRequired()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        edit.Delete("start: 2021-01");
        var error = OnlyError(edit.Save());
        Assert.Equal(Leaf, Path.GetFileName(error.File));
        Assert.Equal("", error.Path);
        Assert.Equal("required key 'start' is missing", error.Message);
    }

    [Fact]
    public void Load_ClosedBorderWithoutRemainingMonths_IsRequired()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        edit.Delete("remaining_months: {dist: lognormal");
        var line = edit.LineOf("  border_closure:");
        AssertError(OnlyError(edit.Save()), Leaf, line, "exogenous.border_closure", "required key 'remaining_months' is missing");
    }

    [Fact]
    public void Load_AliasOrAnchor_IsRejected()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var anchorLine = edit.Replace("new-york: {effectiveness: 0.3,", "new-york: &ny {effectiveness: 0.3,");
        var aliasLine = edit.InsertAfter("new-york: &ny", "  copy: *ny");
        var errors = ScenarioLoader.Load(edit.Save()).Errors;
        Assert.Equal(2, errors.Count);
        AssertError(errors[0], Leaf, anchorLine, "channels.new-york", "anchors and aliases are not supported");
        AssertError(errors[1], Leaf, aliasLine, "channels.copy", "anchors and aliases are not supported");
    }

    [Fact]
    public void Load_KeyWithANewline_IsReportedOnOneLine()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.InsertAfter("months: 48", "\"odd\\nkey\": 1");
        AssertError(OnlyError(edit.Save()), Leaf, line, "odd\\nkey", "unknown key 'odd\\nkey'");
    }

    [Fact]
    public void Load_DuplicateKey_IsAnError()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.InsertAfter("months: 48", "months: 24");
        AssertError(OnlyError(edit.Save()), Leaf, line, "months", "duplicate key 'months'");
    }

    [Fact]
    public void Load_Tag_IsRejected()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var line = edit.Replace("months: 48", "months: !!int 48");
        AssertError(OnlyError(edit.Save()), Leaf, line, "months", "tags are not supported ('tag:yaml.org,2002:int')");
    }

    [Fact]
    public void Load_MissingFile_IsAnErrorNotAnException()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "missing.yaml");
        var result = ScenarioLoader.Load(path);
        AssertError(Assert.Single(result.Errors), "missing.yaml", 1, "", "scenario file 'missing.yaml' not found");
        Assert.Equal("missing.yaml:1: scenario file 'missing.yaml' not found", result.Errors[0].ToString());
        Assert.Equal("", result.Text);
    }

    [Fact]
    public void Load_Directory_IsAnError()
    {
        using var temp = new TempScenario();
        Assert.Contains("is a directory", OnlyError(temp.Folder).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, "the file is empty (expected a mapping of keys to values)")]
    [InlineData("# nothing but a comment\n", 1, "the file is empty (expected a mapping of keys to values)")]
    [InlineData("- a\n- b\n", 1, "the top level must be a mapping of keys to values")]
    [InlineData("extends: base.yaml\n---\nname: x\n", 2, "only one YAML document per file is allowed")]
    public void Load_NotOneMapping_IsAnError(string text, int line, string message)
    {
        using var temp = new TempScenario();
        var errors = ScenarioLoader.Load(temp.Write("odd.yaml", text)).Errors;
        Assert.Contains(errors, e => Path.GetFileName(e.File) == "odd.yaml" && e.Line == line && e.Message == message);
    }

    [Fact]
    public void Load_NestingDeeperThan64_IsAnError()
    {
        using var temp = new TempScenario();
        var path = temp.Write("deep.yaml", "name: x\nx: " + new string('[', 100) + new string(']', 100) + "\n");
        var error = OnlyError(path);
        Assert.Equal(2, error.Line);
        Assert.Equal("nesting deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Load_FileOverOneMegabyte_IsAnError()
    {
        using var temp = new TempScenario();
        var path = temp.Write("huge.yaml", "description: \"" + new string('a', 1_100_000) + "\"\n");
        AssertError(OnlyError(path), "huge.yaml", 1, "", "scenario file 'huge.yaml' is larger than 1 MB");
    }

    [Fact]
    public void Load_InvalidUtf8_IsAnError()
    {
        using var temp = new TempScenario();
        var path = temp.PathOf("latin1.yaml");
        File.WriteAllBytes(path, [(byte)'a', (byte)':', (byte)' ', 0xE9, 0xFF, (byte)'\n']);
        AssertError(OnlyError(path), "latin1.yaml", 1, "", "scenario file 'latin1.yaml' is not valid UTF-8 text");
    }

    [Fact]
    public void Load_SeveralIndependentMistakes_ReportsAllSortedByLine()
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        var months = edit.Replace("months: 48", "months: 0");
        var unknownActor = edit.Replace("  ROK:", "  ROKK:", after: "administrations:");
        var pressure = edit.Replace("pressure: 0.3", "pressure: 1.5");
        var month = edit.Replace("aid: {start: 2021-02", "aid: {start: 2021-13");
        var channel = edit.Replace("channels: [leader-letters", "channels: [leader-letter");
        var result = ScenarioLoader.Load(edit.Save());

        Assert.Null(result.Spec);
        Assert.Equal(
            [
                $"transition-2021.yaml:{months}: months: 0 is out of range [1, 600]",
                $"transition-2021.yaml:{unknownActor}: administrations.ROKK: 'ROKK' is not a declared actor (did you mean 'ROK'?)",
                $"transition-2021.yaml:{pressure}: policies.principled-diplomacy.pressure: 1.5 is out of range [0, 1]",
                $"transition-2021.yaml:{month}: policies.principled-diplomacy.aid.start: '2021-13' is not a month",
                $"transition-2021.yaml:{channel}: policies.top-down-summitry.message.channels[0]: 'leader-letter' is not a declared channel (did you mean 'leader-letters'?)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    /// <summary>
    /// Each veto player and agreement has its own random stream (decision ids with room for 20 and 30): the scenario
    /// may have that many and no more; the first one past the limit is named at its line.
    /// </summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(0, 1)]
    public void Load_MoreVetoPlayersOrAgreementsThanTheEngineKeys_IsAnError_AtTheLimitLoads(int extraVeto, int extraAgreements)
    {
        using var temp = new TempScenario();
        var edit = temp.Edit(Leaf);
        // CHN and RUS are veto players already; singapore is the one agreement.
        for (var v = 3; v <= Engine.Model.Decisions.MaxVetoPlayers + extraVeto; v++)
            edit.InsertAfter("  RUS: {name: Russia", $"  V{v:00}: {{name: Veto {v}, roles: [veto], relations_with_principal: 0.1, trade_share: 0.01}}");
        for (var a = 2; a <= Engine.Model.Decisions.MaxAgreements + extraAgreements; a++)
            edit.InsertAfter("  singapore: {name: Singapore", $"  deal{a:00}: {{name: Deal {a}, signed: 2019-01-01, in_force: false, strength: 0.1, restrains_from_level: 6}}");
        var path = edit.Save();
        if (extraVeto == 0 && extraAgreements == 0)
        {
            var result = ScenarioLoader.Load(path);
            Assert.True(result.IsValid, string.Join("\n", result.Errors));
            Assert.Equal(Engine.Model.Decisions.MaxVetoPlayers, result.Spec!.Roles.VetoPlayers.Length);
            Assert.Equal(Engine.Model.Decisions.MaxAgreements, result.Spec.Agreements.Length);
            return;
        }
        // Each line is inserted right after the original, so the file lists them backwards (CHN, RUS, V21 … V03;
        // singapore, deal31 … deal02): the one past the limit is the first inserted, lowest in the file.
        var error = OnlyError(path);
        if (extraVeto > 0)
            AssertError(error, Leaf, edit.LineOf("  V03:"), "actors.V03.roles", "'V03' is veto player number 21 (at most 20)");
        else
            AssertError(error, Leaf, edit.LineOf("  deal02:"), "agreements.deal02", "'deal02' is agreement number 31 (at most 30)");
    }
}
