namespace Peninsula.History;

/// <summary>One leader's term (administrations.csv).</summary>
/// <param name="AdminId">AD01…</param>
/// <param name="Country">USA, ROK or DPRK.</param>
/// <param name="Leader">Leader's name.</param>
/// <param name="Party">Party or parties.</param>
/// <param name="TermStart">First day in office (for a leader elected by <c>Until</c> but not yet inaugurated, the scheduled day).</param>
/// <param name="TermEnd">
/// Last day (actual, or the scheduled end where it falls after 2020); null for DPRK leaders, and null when the
/// date is after the load's <c>Until</c> (the term was still running then).
/// </param>
/// <param name="ElectedOn">Election day; null for DPRK leaders.</param>
/// <param name="DeclaredDprkPolicy">Declared policy toward the DPRK (own wording; a summary of the whole term).</param>
/// <param name="Orientation">engagement, conservative, pressure, mixed, pressure-&gt;engagement or n/a.</param>
/// <param name="Notes">Impeachments, acting presidents; null when blank.</param>
/// <param name="Certainty">high or medium.</param>
public sealed record AdministrationRow(
    string AdminId, string Country, string Leader, string Party, DateOnly TermStart, DateOnly? TermEnd,
    DateOnly? ElectedOn, string DeclaredDprkPolicy, string Orientation, string? Notes, string Certainty);
