namespace Peninsula.History;

/// <summary>One row of agreements.csv (a Peninsula addition to the record): an agreement carrying commitments of the challenger.</summary>
/// <param name="AgreementId">Stable id.</param>
/// <param name="Name">Name.</param>
/// <param name="Parties">Parties, ';'-separated codes.</param>
/// <param name="Signed">Signing date.</param>
/// <param name="Ended">Date it ended, if it did by the end of the record.</param>
/// <param name="EndReason">violated, renounced, lapsed or superseded; empty while in force.</param>
/// <param name="Strength">Restraint strength 0–1 (the scenarios' agreement scale).</param>
/// <param name="RestrainsFromLevel">Lowest ladder level an act at which violates it.</param>
/// <param name="EventId">events.csv id, if any.</param>
/// <param name="Source">Source.</param>
/// <param name="Notes">Notes.</param>
public sealed record AgreementRow(
    string AgreementId, string Name, string Parties, DateOnly Signed, DateOnly? Ended, string EndReason,
    double Strength, int RestrainsFromLevel, string? EventId, string Source, string? Notes);

/// <summary>One row of exogenous.csv (a Peninsula addition): an exogenous condition with its dates.</summary>
/// <param name="Kind">border_closure or disaster.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Last day, empty while it lasted to the end of the record.</param>
/// <param name="Description">What happened.</param>
/// <param name="EventId">events.csv id, if any.</param>
/// <param name="Source">Source.</param>
public sealed record ExogenousRow(string Kind, DateOnly Start, DateOnly? End, string Description, string? EventId, string Source);
