using Peninsula.Core;

namespace Peninsula.History;

/// <summary>A DPRK weapons-development signal (weapons_pipeline.csv); launches are not repeated here.</summary>
/// <param name="PipelineId">WP001…</param>
/// <param name="Date">Korea-local date of the act.</param>
/// <param name="DatePrecision">day or month.</param>
/// <param name="Kind">parade_display_new_system, declared_goal, declared_completion, moratorium_declared, moratorium_renounced, party_meeting_announced, engine_test or other.</param>
/// <param name="System">System or programme (<c>none</c> when not applicable).</param>
/// <param name="Description">Own wording.</param>
/// <param name="EventId">Related events.csv row; null when blank.</param>
/// <param name="Source">Source.</param>
/// <param name="Certainty">high or medium.</param>
/// <param name="Notes">Null when blank.</param>
public sealed record WeaponsPipelineRow(
    string PipelineId, DateOnly Date, string DatePrecision, string Kind, string System, string Description,
    string? EventId, string Source, string Certainty, string? Notes)
{
    /// <summary>The month of <see cref="Date"/>.</summary>
    public Month Month => Month.Of(Date.Year, Date.Month);
}
