using System.Collections.Immutable;

namespace Peninsula.Engine.Spec;

/// <summary>
/// Exogenous drivers. After the start they are drawn from stated distributions, never fixed to what
/// happened (DESIGN section 6).
/// </summary>
/// <param name="BorderClosedAtStart">Whether the challenger's border is closed (e.g. a pandemic) at the start.</param>
/// <param name="BorderClosureRemaining">Months the closure lasts after the start, when closed.</param>
/// <param name="AidBlockedWhenClosed">Share of aid that cannot be delivered while the border is closed, 0–1.</param>
/// <param name="DisasterProbabilityByMonth">Monthly probability of a natural disaster, indexed January … December.</param>
public sealed record ExogenousSpec(
    bool BorderClosedAtStart,
    Distribution? BorderClosureRemaining,
    double AidBlockedWhenClosed,
    ImmutableArray<double> DisasterProbabilityByMonth);
