using Peninsula.Core;

namespace Peninsula.Engine.Model;

/// <summary>
/// Observed actions for one month of history. Where a field is set, the step uses it instead of drawing
/// (forced actions, DESIGN section 2): replaying the record this way reconstructs the latent states.
/// </summary>
public readonly record struct ObservedMonth
{
    /// <summary>The month's highest ladder level.</summary>
    public int? Level { get; init; }
    /// <summary>Whether the challenger engaged.</summary>
    public bool? Engage { get; init; }
    /// <summary>Whether the principal was willing to engage.</summary>
    public bool? PrincipalWilling { get; init; }
    /// <summary>Whether the council passed a resolution.</summary>
    public bool? UnResolution { get; init; }
    /// <summary>Whether a veto player blocked one.</summary>
    public bool? Veto { get; init; }
    /// <summary>Whether unilateral sanctions were added.</summary>
    public bool? UnilateralSanctions { get; init; }
    /// <summary>The negotiation phase at the month's end.</summary>
    public Phase? Phase { get; init; }
    /// <summary>Whether a moratorium was in force at the month's end.</summary>
    public bool? Moratorium { get; init; }
    /// <summary>New systems displayed or goals declared.</summary>
    public int? PipelineDisplays { get; init; }
    /// <summary>Exercise intensity that month.</summary>
    public double? ExerciseIntensity { get; init; }
    /// <summary>Whether a disaster struck.</summary>
    public bool? Disaster { get; init; }
    /// <summary>Whether the border was closed.</summary>
    public bool? BorderClosed { get; init; }
    /// <summary>Aid delivered, 0–1.</summary>
    public double? AidDelivered { get; init; }
    /// <summary>
    /// Agreements in force at the month's end, bit a for the scenario's agreement a (at most 64). Replaces the
    /// agreement module's violation and lapse rules, and lets agreements signed during a replay come into force.
    /// </summary>
    public ulong? AgreementMask { get; init; }
    /// <summary>Whether an act at level ≥ 4 flight-tested a displayed system (replaces the consumption draw).</summary>
    public bool? PipelineTested { get; init; }
}
