using System.Collections.Immutable;

namespace Peninsula.App;

/// <summary>
/// The policy levers a front end lets a user change (the web app's scenario form, <c>peninsula sweep --grid</c>), as
/// text exactly as typed (or as written in the scenario), so the scenario loader judges the values and reports
/// problems in the CLI's own words.
/// </summary>
/// <param name="MessageOn">Whether an opening message is sent.</param>
/// <param name="MessageStart">Month the message is first sent (YYYY-MM).</param>
/// <param name="Channels">Channel ids the message goes through.</param>
/// <param name="Conditional">Whether the message says a provocation puts diplomacy on hold (conditional commitment).</param>
/// <param name="AidOn">Whether humanitarian aid is offered.</param>
/// <param name="AidStart">Month aid is offered (YYYY-MM).</param>
/// <param name="AidLevel">Aid amount, 0–1.</param>
/// <param name="Talks">Talks approach: none, bottom-up or top-down.</param>
/// <param name="Demand">Minimum denuclearization scope accepted, 0–100.</param>
/// <param name="ReliefOffer">Sanctions relief on offer, 0–100.</param>
/// <param name="NormalizationOffer">Normalization on offer, 0–100.</param>
/// <param name="MediatorCoordination">Coordination with the Republic of Korea (the mediator), 0–1.</param>
/// <param name="Engagement">Willingness to engage (logit scale, −5…5).</param>
/// <param name="Pressure">Appetite for unilateral sanctions, 0–1.</param>
/// <param name="ExerciseScale">Joint exercises: 0 suspend, 1 as planned, up to 3.</param>
public sealed record PolicyLevers(
    bool MessageOn, string MessageStart, ImmutableArray<string> Channels, bool Conditional,
    bool AidOn, string AidStart, string AidLevel,
    string Talks, string Demand, string ReliefOffer, string NormalizationOffer, string MediatorCoordination,
    string Engagement, string Pressure, string ExerciseScale)
{
    /// <summary>Talks approaches the schema allows.</summary>
    public static ImmutableArray<string> TalksFormats { get; } = ["none", "bottom-up", "top-down"];

    /// <summary>Form field names (also the sweep's grid keys) and the scenario path of the lever each sets (relative to the policy).</summary>
    public static ImmutableArray<(string Field, string Path, string Label)> Fields { get; } =
    [
        ("message", "message", "Opening message"),
        ("message_start", "message.start", "Message timing"),
        ("channels", "message.channels", "Channels"),
        ("conditional", "message.conditional", "Conditional commitment"),
        ("aid", "aid", "Humanitarian aid"),
        ("aid_start", "aid.start", "Aid timing"),
        ("aid_level", "aid.level", "Aid amount"),
        ("talks", "talks", "Talks approach"),
        ("demand", "demand", "Demand level"),
        ("relief_offer", "relief_offer", "Relief offered"),
        ("normalization_offer", "normalization_offer", "Normalization offered"),
        ("mediator_coordination", "mediator_coordination", "ROK coordination"),
        ("engagement", "engagement", "Engagement"),
        ("pressure", "pressure", "Sanctions pressure"),
        ("exercise_scale", "exercises.scale", "Joint exercises"),
    ];

    /// <summary>The field names, in form order.</summary>
    public static ImmutableArray<string> FieldNames { get; } = [.. Fields.Select(f => f.Field)];

    /// <summary>Levers that are on/off switches; their text values are <c>on</c> or <c>off</c>.</summary>
    public static ImmutableArray<string> Switches { get; } = ["message", "conditional", "aid"];

    /// <summary>Levers that only matter while the message is sent.</summary>
    public static ImmutableArray<string> MessageDetails { get; } = ["message_start", "channels", "conditional"];

    /// <summary>Levers that only matter while aid is offered.</summary>
    public static ImmutableArray<string> AidDetails { get; } = ["aid_start", "aid_level"];

    /// <summary>Separator of channel ids inside one text value of <c>channels</c> (e.g. <c>new-york+via-seoul</c>).</summary>
    public const char ChannelSeparator = '+';

    /// <summary>The levers as (field, display value) pairs, in form order, for showing what changed.</summary>
    public IReadOnlyList<(string Field, string Value)> Values() =>
    [
        ("message", MessageOn ? "yes" : "no"),
        ("message_start", MessageOn ? MessageStart : "—"),
        ("channels", MessageOn ? string.Join(", ", Channels) : "—"),
        ("conditional", MessageOn ? (Conditional ? "on" : "off") : "—"),
        ("aid", AidOn ? "yes" : "no"),
        ("aid_start", AidOn ? AidStart : "—"),
        ("aid_level", AidOn ? AidLevel : "—"),
        ("talks", Talks),
        ("demand", Demand),
        ("relief_offer", ReliefOffer),
        ("normalization_offer", NormalizationOffer),
        ("mediator_coordination", MediatorCoordination),
        ("engagement", Engagement),
        ("pressure", Pressure),
        ("exercise_scale", ExerciseScale),
    ];

    /// <summary>The levers that differ from <paramref name="other"/>: (label, this value, other value).</summary>
    public IReadOnlyList<(string Label, string Value, string Other)> ChangesFrom(PolicyLevers other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = Values();
        var theirs = other.Values();
        var changes = new List<(string, string, string)>();
        for (var i = 0; i < mine.Count; i++)
        {
            if (!string.Equals(mine[i].Value, theirs[i].Value, StringComparison.Ordinal))
                changes.Add((Fields[i].Label, mine[i].Value, theirs[i].Value));
        }
        return changes;
    }

    /// <summary>
    /// The canonical text of a lever value typed for <paramref name="field"/>, or null with <paramref name="problem"/>
    /// set when it cannot be one: switches take on/off (also yes/no, true/false), channels are ids joined by
    /// <see cref="ChannelSeparator"/>, everything else is kept as typed for the scenario loader to judge.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a lever.</exception>
    public static string? Canonical(string field, string value, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(value);
        RequireField(field);
        problem = null;
        var text = value.Trim();
        if (text.Length == 0)
        {
            problem = "a value may not be empty";
            return null;
        }
        if (Switches.Contains(field))
        {
            switch (text.ToLowerInvariant())
            {
                case "on" or "yes" or "true": return "on";
                case "off" or "no" or "false": return "off";
                default:
                    problem = $"'{text}' is not on or off";
                    return null;
            }
        }
        if (field == "channels")
        {
            var ids = text.Split(ChannelSeparator, StringSplitOptions.TrimEntries);
            if (ids.Any(id => id.Length == 0))
            {
                problem = $"'{text}' is not a list of channel ids joined by '{ChannelSeparator}'";
                return null;
            }
            return string.Join(ChannelSeparator, ids);
        }
        return text;
    }

    /// <summary>These levers with <paramref name="field"/> set from its canonical text (see <see cref="Canonical"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a lever, or the value is not valid for it.</exception>
    public PolicyLevers With(string field, string value)
    {
        var text = Canonical(field, value, out var problem) ?? throw new ArgumentException($"{field}: {problem}", nameof(value));
        return field switch
        {
            "message" => this with { MessageOn = text == "on" },
            "message_start" => this with { MessageStart = text },
            "channels" => this with { Channels = [.. text.Split(ChannelSeparator)] },
            "conditional" => this with { Conditional = text == "on" },
            "aid" => this with { AidOn = text == "on" },
            "aid_start" => this with { AidStart = text },
            "aid_level" => this with { AidLevel = text },
            "talks" => this with { Talks = text },
            "demand" => this with { Demand = text },
            "relief_offer" => this with { ReliefOffer = text },
            "normalization_offer" => this with { NormalizationOffer = text },
            "mediator_coordination" => this with { MediatorCoordination = text },
            "engagement" => this with { Engagement = text },
            "pressure" => this with { Pressure = text },
            "exercise_scale" => this with { ExerciseScale = text },
            _ => throw new ArgumentException($"unknown lever '{field}'", nameof(field)),
        };
    }

    /// <summary>The canonical text of lever <paramref name="field"/> (switches on/off, channels joined by <see cref="ChannelSeparator"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="field"/> is not a lever.</exception>
    public string ValueOf(string field) => field switch
    {
        "message" => MessageOn ? "on" : "off",
        "message_start" => MessageStart,
        "channels" => string.Join(ChannelSeparator, Channels),
        "conditional" => Conditional ? "on" : "off",
        "aid" => AidOn ? "on" : "off",
        "aid_start" => AidStart,
        "aid_level" => AidLevel,
        "talks" => Talks,
        "demand" => Demand,
        "relief_offer" => ReliefOffer,
        "normalization_offer" => NormalizationOffer,
        "mediator_coordination" => MediatorCoordination,
        "engagement" => Engagement,
        "pressure" => Pressure,
        "exercise_scale" => ExerciseScale,
        _ => throw new ArgumentException($"unknown lever '{field}'", nameof(field)),
    };

    /// <summary>
    /// The lever a scenario loader line ("file:line: policies.ID.path: message") is about, when it concerns package
    /// <paramref name="policyId"/> at a lever's path; otherwise null.
    /// </summary>
    public static string? FieldOf(string line, string policyId)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(policyId);
        var marker = ": policies." + policyId + ".";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var rest = line[(at + marker.Length)..];
        var end = rest.IndexOf(": ", StringComparison.Ordinal);
        var path = end >= 0 ? rest[..end] : rest;
        foreach (var (field, leverPath, _) in Fields.OrderByDescending(f => f.Path.Length))
        {
            if (path == leverPath || path.StartsWith(leverPath + ".", StringComparison.Ordinal) || path.StartsWith(leverPath + "[", StringComparison.Ordinal))
                return field;
        }
        return null;
    }

    private static void RequireField(string field)
    {
        if (!FieldNames.Contains(field)) throw new ArgumentException($"unknown lever '{field}'", nameof(field));
    }
}
