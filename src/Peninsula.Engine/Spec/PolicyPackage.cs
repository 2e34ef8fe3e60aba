using System.Collections.Immutable;

namespace Peninsula.Engine.Spec;

/// <summary>How talks are organised.</summary>
public enum TalksFormat
{
    /// <summary>
    /// The principal seeks no talks and no summits; working-level talks still start if both sides happen
    /// to be willing (rare under a low engagement lever).
    /// </summary>
    None,
    /// <summary>Working-level talks first; a summit only after groundwork.</summary>
    BottomUp,
    /// <summary>Leaders meet first; working level fills in afterwards.</summary>
    TopDown,
}

/// <summary>A communication channel the principal uses for its opening message.</summary>
/// <param name="Id">Channel id (declared in the scenario).</param>
/// <param name="Effectiveness">Monthly probability, 0–1, that the message gets through and opens contact when both sides are willing.</param>
/// <param name="ViaMediator">True when the channel runs through the mediator (its effect scales with the mediator's engagement and coordination).</param>
public sealed record Channel(string Id, double Effectiveness, bool ViaMediator);

/// <summary>The principal's opening message.</summary>
/// <param name="StartOffset">Months after the scenario start when it is first sent.</param>
/// <param name="Channels">Channels used.</param>
/// <param name="Conditional">Whether it says a provocation will put diplomacy on hold.</param>
public sealed record MessageLever(int StartOffset, ImmutableArray<Channel> Channels, bool Conditional);

/// <summary>Humanitarian aid.</summary>
/// <param name="StartOffset">Months after the start when it is offered.</param>
/// <param name="Level">Size, 0 (none) … 1 (large).</param>
public sealed record AidLever(int StartOffset, double Level);

/// <summary>Joint-exercise posture.</summary>
/// <param name="Scale">Multiplier on the calendar's intensity: 0 suspend, 0.5 reduce, 1 as planned, &gt;1 scale up.</param>
/// <param name="SuspendDuringTalks">Suspend entirely while talks or later phases are under way.</param>
public sealed record ExerciseLever(double Scale, bool SuspendDuringTalks);

/// <summary>
/// A policy package of the principal (DESIGN section 1 "US doctrines"): every lever the scenario
/// varies. All ranges are validated by the scenario loader.
/// </summary>
/// <param name="Id">Package id.</param>
/// <param name="Label">Display label.</param>
/// <param name="Description">One line.</param>
/// <param name="Engagement">Willingness to engage, on the logit scale added to the principal's utility (typ. −3 … 3).</param>
/// <param name="Pressure">Appetite for unilateral sanctions, 0–1.</param>
/// <param name="ReviewMonths">Months of policy review after the start before talks are sought.</param>
/// <param name="Message">Opening message, if any.</param>
/// <param name="Aid">Humanitarian aid, if any.</param>
/// <param name="Format">Talks format.</param>
/// <param name="Demand">Minimum denuclearization scope accepted in a framework, 0–100.</param>
/// <param name="ReliefOffer">Sanctions relief on offer for full scope, 0–100.</param>
/// <param name="NormalizationOffer">Normalization on offer for full scope, 0–100.</param>
/// <param name="Exercises">Exercise posture.</param>
/// <param name="MediatorCoordination">Coordination with the mediator, 0–1.</param>
/// <param name="HoldThreshold">Ladder level at which a conditional message puts diplomacy on hold.</param>
/// <param name="HoldMonths">How long diplomacy stays on hold after such a provocation.</param>
/// <param name="Honors">Agreements the principal keeps implementing.</param>
/// <param name="AttentionBoost">Added to the principal's attention target, −1 … 1 (summitry raises leaders' attention).</param>
public sealed record PolicyPackage(
    string Id,
    string Label,
    string Description,
    double Engagement,
    double Pressure,
    int ReviewMonths,
    MessageLever? Message,
    AidLever? Aid,
    TalksFormat Format,
    double Demand,
    double ReliefOffer,
    double NormalizationOffer,
    ExerciseLever Exercises,
    double MediatorCoordination,
    int HoldThreshold,
    int HoldMonths,
    ImmutableArray<string> Honors,
    double AttentionBoost);
