using System.Collections.Immutable;

namespace Peninsula.Engine.Spec;

/// <summary>The state at the scenario start (or reconstructed from history).</summary>
/// <param name="UnSanctions">Council sanctions layers in force (≥0; one layer ≈ one major resolution).</param>
/// <param name="UnilateralSanctions">Unilateral sanctions layers (≥0).</param>
/// <param name="Enforcement">Enforcement of council sanctions, 0–1.</param>
/// <param name="Relief">Share of sanctions suspended under an agreement, 0–1.</param>
/// <param name="EconomicStress">Challenger's economic stress, 0–1.</param>
/// <param name="TrustChallenger">Challenger's trust in the principal, −1 … 1.</param>
/// <param name="TrustPrincipal">Principal's trust in the challenger, −1 … 1.</param>
/// <param name="Attention">Principal's attention to the challenger, 0–1.</param>
/// <param name="Capability">Challenger's demonstrated capability, 0–1.</param>
/// <param name="Pipeline">Displayed but untested systems (count ≥0).</param>
/// <param name="Moratorium">Whether a testing moratorium is in force.</param>
/// <param name="Phase">Negotiation phase.</param>
/// <param name="LastLevel">Ladder level of the month before the start.</param>
/// <param name="RecentActivity">EWMA of months at level ≥3 before the start, 0–1.</param>
/// <param name="AgreementsInForce">Ids of agreements in force (must be declared).</param>
public sealed record InitialState(
    double UnSanctions,
    double UnilateralSanctions,
    double Enforcement,
    double Relief,
    double EconomicStress,
    double TrustChallenger,
    double TrustPrincipal,
    double Attention,
    double Capability,
    int Pipeline,
    bool Moratorium,
    Core.Phase Phase,
    int LastLevel,
    double RecentActivity,
    ImmutableArray<string> AgreementsInForce);
