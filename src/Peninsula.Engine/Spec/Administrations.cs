using System.Collections.Immutable;
using Peninsula.Core;

namespace Peninsula.Engine.Spec;

/// <summary>How far a government leans toward engaging the challenger: 0 (pressure) … 1 (engagement).</summary>
public static class Orientation
{
    /// <summary>Maps a named orientation to its engagement score.</summary>
    public static bool TryScore(string name, out double score)
    {
        score = name switch
        {
            "engagement" => 1.0,
            "pressure->engagement" => 0.75,
            "mixed" => 0.5,
            "conservative" => 0.25,
            "pressure" => 0.0,
            _ => double.NaN,
        };
        return !double.IsNaN(score);
    }

    /// <summary>Named orientations accepted in scenarios.</summary>
    public static readonly ImmutableArray<string> Names = ["engagement", "pressure->engagement", "mixed", "conservative", "pressure"];
}

/// <summary>One government's term.</summary>
/// <param name="Leader">Leader's name (label only).</param>
/// <param name="Start">First month in office (the inauguration month).</param>
/// <param name="End">Month the term ends (exclusive), if scheduled.</param>
/// <param name="ElectedOn">Month of the election that chose it, if any.</param>
/// <param name="Engagement">Engagement score 0–1 (see <see cref="Orientation"/>).</param>
/// <param name="Doctrine">Declared doctrine, label only.</param>
public sealed record Term(string Leader, Month Start, Month? End, Month? ElectedOn, double Engagement, string Doctrine);

/// <summary>One possible successor government and its probability.</summary>
public sealed record SuccessorOption(string Label, double Probability, double Engagement);

/// <summary>
/// A dated schedule of governments for one actor, plus, after the last known term, a successor
/// drawn per run from a stated distribution (the forecast does not know who wins an election).
/// </summary>
/// <param name="Actor">Actor id.</param>
/// <param name="Terms">Known terms, in order.</param>
/// <param name="SuccessorElection">Month of the election that picks the successor (when there is one).</param>
/// <param name="Successors">Distribution over the successor's orientation; empty when none is needed.</param>
public sealed record AdministrationSchedule(string Actor, ImmutableArray<Term> Terms, Month? SuccessorElection, ImmutableArray<SuccessorOption> Successors)
{
    /// <summary>The month the successor takes office: the end of the last known term.</summary>
    public Month? SuccessorStart => Terms.IsEmpty ? null : Terms[^1].End;

    /// <summary>Index of the known term in office at <paramref name="month"/>, or −1 (before, or successor).</summary>
    public int TermAt(Month month)
    {
        for (var i = Terms.Length - 1; i >= 0; i--)
        {
            var t = Terms[i];
            if (month >= t.Start && (t.End is null || month < t.End.Value)) return i;
        }
        return -1;
    }
}
