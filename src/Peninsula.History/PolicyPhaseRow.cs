namespace Peninsula.History;

/// <summary>A finer phase of US policy (policy_phases.csv); phases are contiguous, start inclusive, end exclusive.</summary>
/// <param name="PhaseId">PP01…</param>
/// <param name="Country">USA.</param>
/// <param name="Leader">Leader in office.</param>
/// <param name="PhaseStart">First day of the phase.</param>
/// <param name="PhaseEnd">First day after the phase; null when it is after the load's <c>Until</c> (the phase was still running then).</param>
/// <param name="Label">Short description.</param>
/// <param name="Orientation">engagement, pressure or mixed.</param>
/// <param name="Notes">Null when blank.</param>
public sealed record PolicyPhaseRow(
    string PhaseId, string Country, string Leader, DateOnly PhaseStart, DateOnly? PhaseEnd, string Label,
    string Orientation, string? Notes);
