using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Yaml;
using static Peninsula.Scenarios.Building.Fields;

namespace Peninsula.Scenarios.Building;

internal static partial class SpecBuilder
{
    private static ImmutableArray<PolicyPackage> BuildPolicies(YMap doc, Month start, string? mediator)
    {
        var channels = doc.Map("channels");
        return Map(doc, "policies", "").Entries
            .Select(e => BuildPolicy(e.Key, (YMap)e.Value, start, channels, mediator))
            .ToImmutableArray();
    }

    private static PolicyPackage BuildPolicy(string id, YMap policy, Month start, YMap? channels, string? mediator)
    {
        var path = ScenarioPath.Key("policies", id);
        var exercises = Map(policy, "exercises", path);
        var exercisesPath = ScenarioPath.Key(path, "exercises");
        return new PolicyPackage(
            Id: id,
            Label: Text(policy, "label", path),
            Description: Text(policy, "description", path, ""),
            Engagement: Number(policy, "engagement", path),
            Pressure: Number(policy, "pressure", path),
            ReviewMonths: Integer(policy, "review_months", path),
            Message: policy.Map("message") is { } message ? BuildMessage(message, ScenarioPath.Key(path, "message"), start, channels, mediator) : null,
            Aid: policy.Map("aid") is { } aid ? BuildAid(aid, ScenarioPath.Key(path, "aid"), start) : null,
            Format: TalksFormatOf(policy, path),
            Demand: Number(policy, "demand", path),
            ReliefOffer: Number(policy, "relief_offer", path),
            NormalizationOffer: Number(policy, "normalization_offer", path),
            Exercises: new ExerciseLever(Number(exercises, "scale", exercisesPath), Flag(exercises, "suspend_during_talks", exercisesPath)),
            MediatorCoordination: Number(policy, "mediator_coordination", path),
            HoldThreshold: Integer(policy, "hold_threshold", path),
            HoldMonths: Integer(policy, "hold_months", path),
            Honors: [.. Texts(policy, "honors", path)],
            AttentionBoost: Number(policy, "attention_boost", path));
    }

    private static MessageLever BuildMessage(YMap message, string path, Month start, YMap? channels, string? mediator)
    {
        var used = Texts(message, "channels", path).Select(channelId =>
        {
            var channel = channels?.Map(channelId)
                ?? throw new SpecBuildException(message.Origin, ScenarioPath.Key(path, "channels"), $"'{channelId}' is not a declared channel");
            var channelPath = ScenarioPath.Key("channels", channelId);
            var via = channel.Text("via");
            return new Channel(channelId, Number(channel, "effectiveness", channelPath), via is not null && via == mediator);
        });
        return new MessageLever(MonthOf(message, "start", path).MonthsSince(start), [.. used], Flag(message, "conditional", path));
    }

    private static AidLever BuildAid(YMap aid, string path, Month start) =>
        new(MonthOf(aid, "start", path).MonthsSince(start), Number(aid, "level", path));

    private static TalksFormat TalksFormatOf(YMap policy, string path) => Text(policy, "talks", path) switch
    {
        "none" => TalksFormat.None,
        "bottom-up" => TalksFormat.BottomUp,
        "top-down" => TalksFormat.TopDown,
        var other => throw new SpecBuildException(policy.Origin, ScenarioPath.Key(path, "talks"), $"unknown talks format '{other}'"),
    };
}
