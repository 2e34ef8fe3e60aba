using Peninsula.Core;

namespace Peninsula.History;

/// <summary>A dated diplomatic, military or economic event (events.csv). Missile launches are not repeated here; nuclear tests are.</summary>
/// <param name="EventId">EV0001…</param>
/// <param name="Date">Korea-local date; day 01 when <paramref name="DatePrecision"/> is <c>month</c>.</param>
/// <param name="DatePrecision">day or month.</param>
/// <param name="EndDate">Last day of a multi-day event; null for single-day events and when the end is after the load's <c>Until</c>.</param>
/// <param name="Actor">Actor codes, <c>;</c>-separated (USA, DPRK, ROK, …).</param>
/// <param name="Target">Target codes, <c>;</c>-separated.</param>
/// <param name="Category">One of the fixed categories (nuclear_test, sanctions_un, talks, …).</param>
/// <param name="Valence">coop, conflict or neutral, from the DPRK-relations point of view.</param>
/// <param name="Description">Short own wording.</param>
/// <param name="Source">Source name.</param>
/// <param name="Ref">Document symbol or URL; null when blank.</param>
/// <param name="Certainty">high or medium.</param>
/// <param name="Origin">curated (public record), CSIS Beyond Parallel or CSIS Korea Chair.</param>
public sealed record EventRow(
    string EventId, DateOnly Date, string DatePrecision, DateOnly? EndDate, string Actor, string Target,
    string Category, string Valence, string Description, string Source, string? Ref, string Certainty, string Origin)
{
    /// <summary>The month of <see cref="Date"/>.</summary>
    public Month Month => Month.Of(Date.Year, Date.Month);

    /// <summary>The actor codes.</summary>
    public IReadOnlyList<string> Actors => Actor.Split(';');

    /// <summary>The target codes.</summary>
    public IReadOnlyList<string> Targets => Target.Split(';');
}
