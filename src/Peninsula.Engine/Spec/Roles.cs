using System.Collections.Immutable;

namespace Peninsula.Engine.Spec;

/// <summary>A veto player on the council: votes on resolutions and enforces sanctions.</summary>
/// <param name="Actor">Actor id.</param>
/// <param name="RelationsWithPrincipal">Relations with the principal, −1 (hostile) … 1 (close).</param>
/// <param name="TradeShare">Share of the challenger's trade this actor carries, 0–1 (weights enforcement).</param>
public sealed record VetoPlayer(string Actor, double RelationsWithPrincipal, double TradeShare);

/// <summary>
/// Which actor plays which role. The engine knows roles, not countries: the challenger chooses a
/// ladder level and a stance, the principal sets the policy package, the mediator relays messages,
/// veto players can block council resolutions, sanctioners add unilateral measures.
/// </summary>
public sealed record RoleAssignment(
    string Challenger,
    string Principal,
    string? Mediator,
    string? Council,
    ImmutableArray<VetoPlayer> VetoPlayers,
    ImmutableArray<string> Sanctioners);
