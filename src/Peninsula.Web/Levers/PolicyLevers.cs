using System.Collections.Immutable;

namespace Peninsula.Web.Levers;

/// <summary>
/// The policy levers the scenario page offers, as text exactly as typed (or as written in the scenario), so the
/// scenario loader judges them and reports problems in the CLI's own words.
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

    /// <summary>Form field names and the scenario path of the lever each sets (relative to the policy).</summary>
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
}
