using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Semantics;
using Peninsula.Scenarios.Yaml;
using static Peninsula.Scenarios.Building.Fields;

namespace Peninsula.Scenarios.Building;

/// <summary>
/// Compiles a merged, validated scenario into the engine's <see cref="SimulationSpec"/>. Only called
/// when the schema and semantic checks found nothing, so every read is expected to succeed.
/// </summary>
internal static partial class SpecBuilder
{
    public static SimulationSpec Build(YMap doc)
    {
        var start = MonthOf(doc, "start", "");
        var roles = BuildRoles(doc);
        var administrations = Map(doc, "administrations", "");
        var mediatorSchedule = roles.Mediator is { } mediator && administrations.Map(mediator) is not null
            ? BuildSchedule(administrations, mediator)
            : null;

        return new SimulationSpec(
            Name: Text(doc, "name", ""),
            Start: start,
            Months: Integer(doc, "months", ""),
            Roles: roles,
            Principal: BuildSchedule(administrations, roles.Principal),
            Mediator: mediatorSchedule,
            TransitionWindowMonths: Integer(doc, "transition_window_months", ""),
            UnTriggerLevel: Integer(doc, "un_trigger_level", ""),
            MoratoriumFromLevel: Integer(doc, "moratorium_from_level", ""),
            ExerciseCalendar: Calendar(doc.Map("exercises")?.Map("calendar")),
            Agreements: BuildAgreements(doc),
            Initial: BuildInitial(doc),
            Exogenous: BuildExogenous(doc),
            BaseAttention: BaseAttention(doc),
            ImplementationSteps: Integer(doc, "implementation_steps", ""),
            Parameters: BuildParameters(doc),
            Policies: BuildPolicies(doc, start, roles.Mediator),
            LevelLabels: [.. Texts(doc, "ladder_labels", "")],
            Zone: BuildZone(doc));
    }

    private static AgreementZoneSpec? BuildZone(YMap doc)
    {
        if (doc.Map("agreement_zone") is not { } zone) return null;
        const string path = "agreement_zone";
        var dims = zone.Map("dimensions");
        return new AgreementZoneSpec(
            Text(zone, "model", path), Text(zone, "issue_space", path), Text(zone, "challenger", path), Text(zone, "principal", path),
            dims?.Text("scope"), dims?.Text("relief"), dims?.Text("normalization"));
    }

    private static RoleAssignment BuildRoles(YMap doc)
    {
        var table = new RoleTable(Map(doc, "actors", ""));
        string Only(string role) => table.Single(role) ?? throw new SpecBuildException(doc.Origin, "actors", $"expected exactly one {role}");
        var vetoes = table.With("veto")
            .Select(e =>
            {
                var fields = (YMap)e.Value;
                var path = ScenarioPath.Key("actors", e.Key);
                return new VetoPlayer(e.Key, Number(fields, "relations_with_principal", path), Number(fields, "trade_share", path));
            })
            .ToImmutableArray();
        return new RoleAssignment(
            Challenger: Only("challenger"),
            Principal: Only("principal"),
            Mediator: table.With("mediator").Select(e => e.Key).FirstOrDefault(),
            Council: table.With("council").Select(e => e.Key).FirstOrDefault(),
            VetoPlayers: vetoes,
            Sanctioners: [.. table.With("sanctioner").Select(e => e.Key)]);
    }

    private static AdministrationSchedule BuildSchedule(YMap administrations, string actor)
    {
        var path = ScenarioPath.Key("administrations", actor);
        var schedule = Map(administrations, actor, "administrations");
        var terms = schedule.List("terms")?.Items.OfType<YMap>()
            .Select((term, i) =>
            {
                var termPath = ScenarioPath.Index(ScenarioPath.Key(path, "terms"), i);
                return new Term(
                    Leader: Text(term, "leader", termPath),
                    Start: MonthOf(term, "start", termPath),
                    End: OptionalMonthOf(term, "end", termPath),
                    ElectedOn: OptionalMonthOf(term, "elected", termPath),
                    Engagement: Engagement(term, "orientation", termPath),
                    Doctrine: Text(term, "doctrine", termPath, ""));
            })
            .ToImmutableArray() ?? [];
        if (schedule.Map("successor") is not { } successor)
        {
            return new AdministrationSchedule(actor, terms, null, []);
        }
        var successorPath = ScenarioPath.Key(path, "successor");
        var options = successor.List("options")?.Items.OfType<YMap>()
            .Select((option, i) =>
            {
                var optionPath = ScenarioPath.Index(ScenarioPath.Key(successorPath, "options"), i);
                return new SuccessorOption(Text(option, "label", optionPath), Number(option, "p", optionPath), Engagement(option, "orientation", optionPath));
            })
            .ToImmutableArray() ?? [];
        return new AdministrationSchedule(actor, terms, MonthOf(successor, "election", successorPath), options);
    }

    private static double Engagement(YMap map, string key, string path) =>
        Orientation.TryScore(Text(map, key, path), out var score)
            ? score
            : throw new SpecBuildException(map.Origin, ScenarioPath.Key(path, key), "unknown orientation");

    /// <summary>Twelve values, January … December, from a <c>{month-of-year: value}</c> mapping; unlisted months are 0.</summary>
    private static ImmutableArray<double> Calendar(YMap? calendar)
    {
        var values = new double[12];
        foreach (var entry in calendar?.Entries ?? [])
        {
            if (int.TryParse(entry.Key, out var month) && month is >= 1 and <= 12 && entry.Value is YScalar { IsNumber: true } v)
            {
                values[month - 1] = v.Number;
            }
        }
        return [.. values];
    }

    /// <summary>1 minus the competing priorities' sum, clamped to 0–1 (1 when none are listed).</summary>
    private static double BaseAttention(YMap doc)
    {
        var priorities = doc.Map("attention")?.Map("competing_priorities");
        var sum = priorities?.Entries.Sum(e => e.Value is YScalar { IsNumber: true } v ? v.Number : 0) ?? 0;
        return Math.Clamp(1 - sum, 0, 1);
    }
}
