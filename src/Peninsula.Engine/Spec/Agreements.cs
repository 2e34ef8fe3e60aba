namespace Peninsula.Engine.Spec;

/// <summary>A named agreement between the principal and the challenger.</summary>
/// <param name="Id">Identifier used by policy packages.</param>
/// <param name="Name">Display name.</param>
/// <param name="Signed">Month signed.</param>
/// <param name="InForce">Whether it is in force at the scenario start.</param>
/// <param name="Strength">How binding it is, 0 (a vague statement) … 1 (a detailed verified deal).</param>
/// <param name="RestrainsFromLevel">Ladder level from which an act violates it (and ends it).</param>
public sealed record AgreementSpec(string Id, string Name, Core.Month Signed, bool InForce, double Strength, int RestrainsFromLevel);
