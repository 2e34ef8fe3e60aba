using Peninsula.Core;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

internal sealed partial class SemanticValidator
{
    /// <summary>Agreements were signed by the start; their in-force flags agree with the initial state.</summary>
    private void CheckAgreements()
    {
        if (_doc.Map("agreements") is not { } agreements) return;
        var listed = _doc.Map("initial")?.List("agreements_in_force");
        var number = 0;
        foreach (var agreement in agreements.Entries)
        {
            var path = ScenarioPath.Key("agreements", agreement.Key);
            if (++number > Engine.Model.Decisions.MaxAgreements)
                Error(agreement.KeyOrigin, path, $"'{agreement.Key}' is agreement number {number} (at most {Engine.Model.Decisions.MaxAgreements})");
            if (agreement.Value is not YMap fields) continue;
            if (Date(fields, "signed", path) is { } signed && _start is { } start && signed.Month > start)
            {
                Error(At(fields, "signed"), ScenarioPath.Key(path, "signed"), $"signed {signed}, after the scenario start {start} (inconsistent dates)");
            }
            if (listed is not null && fields.Flag("in_force") == true && !listed.Texts().Any(t => t.Text == agreement.Key))
            {
                Error(At(fields, "in_force"), ScenarioPath.Key(path, "in_force"), $"in force, but initial.agreements_in_force does not list '{agreement.Key}'");
            }
        }
    }

    /// <summary>A channel's <c>via</c> names the mediator.</summary>
    private void CheckChannels()
    {
        if (_doc.Map("channels") is not { } channels) return;
        var mediator = _roles.With("mediator").Select(e => e.Key).FirstOrDefault();
        foreach (var channel in channels.Entries)
        {
            if ((channel.Value as YMap)?.Scalar("via") is not { Kind: ScalarKind.String } via) continue;
            var path = ScenarioPath.Key(ScenarioPath.Key("channels", channel.Key), "via");
            if (_roles.Actors is not null && !_roles.IsDeclared(via.Text))
                Error(via.Origin, path, $"'{via.Text}' is not a declared actor");
            else if (via.Text != mediator)
                Error(via.Origin, path, mediator is null ? $"'{via.Text}' is not the mediator (the scenario has none)" : $"'{via.Text}' is not the mediator ('{mediator}' is)");
        }
    }

    /// <summary>Packages use declared channels and agreements, and start their levers inside the horizon.</summary>
    private void CheckPolicies()
    {
        var policies = _doc.Map("policies");
        foreach (var key in new[] { "default_policy", "reference_policy" })
        {
            if (_doc.Scalar(key) is { Kind: ScalarKind.String } chosen && policies is not null && policies.Find(chosen.Text) is null)
            {
                var known = policies.Entries.Select(e => e.Key).ToArray();
                Error(chosen.Origin, key, $"'{chosen.Text}' is not a declared policy{Suggestions.Hint(chosen.Text, known)}");
            }
        }
        if (policies is null) return;
        foreach (var policy in policies.Entries)
        {
            if (policy.Value is not YMap fields) continue;
            var path = ScenarioPath.Key("policies", policy.Key);
            if (fields.Map("message") is { } message)
            {
                var messagePath = ScenarioPath.Key(path, "message");
                CheckDeclared(message.List("channels"), _doc.Map("channels"), ScenarioPath.Key(messagePath, "channels"), "channel");
                CheckLeverStart(message, messagePath, "the message");
            }
            if (fields.Map("aid") is { } aid) CheckLeverStart(aid, ScenarioPath.Key(path, "aid"), "aid");
            CheckDeclared(fields.List("honors"), _doc.Map("agreements"), ScenarioPath.Key(path, "honors"), "agreement");
        }
    }

    private void CheckLeverStart(YMap lever, string path, string what)
    {
        if (lever.Scalar("start") is not { Kind: ScalarKind.String } text || !DateText.HasDateForm(text.Text)) return;
        if (!Month.TryParse(text.Text, out var month) || _start is not { } start || End is not { } end) return;
        if (month < start)
            Error(text.Origin, ScenarioPath.Key(path, "start"), $"{what} starts {month}, before the scenario start {start} (inconsistent dates)");
        else if (month >= end)
            Error(text.Origin, ScenarioPath.Key(path, "start"), $"{what} starts {month}, after the scenario's last month {end.Plus(-1)} (inconsistent dates)");
    }

    /// <summary>Agreements said to be in force are declared and flagged in force.</summary>
    private void CheckInitial()
    {
        if (_doc.Map("initial")?.List("agreements_in_force") is not { } listed) return;
        var agreements = _doc.Map("agreements");
        CheckDeclared(listed, agreements, "initial.agreements_in_force", "agreement");
        foreach (var (text, node, index) in listed.Texts())
        {
            if ((agreements?.Find(text)?.Value as YMap)?.Flag("in_force") == false)
            {
                Error(node.Origin, ScenarioPath.Index("initial.agreements_in_force", index), $"'{text}' is listed as in force, but agreements.{text}.in_force is false");
            }
        }
    }
}
