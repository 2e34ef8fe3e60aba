namespace Peninsula.Core;

/// <summary>The fixed outcome ids a run reports (DESIGN section 4).</summary>
public static class Outcomes
{
    /// <summary>Windows (months) for first-occurrence outcomes.</summary>
    public static readonly IReadOnlyList<int> Windows = [6, 12, 24, 48];

    /// <summary>Index of each event tracked per run as "first month it happened".</summary>
    public enum Event
    {
        LevelGe3 = 0,
        LevelGe4 = 1,
        LevelGe5 = 2,
        Level6 = 3,
        Talks = 4,
        Summit = 5,
        Framework = 6,
        Collapse = 7,
        UnResolution = 8,
        Veto = 9,
    }

    /// <summary>Number of tracked events.</summary>
    public const int EventCount = 10;

    /// <summary>Output ids, indexed by <see cref="Event"/>.</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["level>=3", "level>=4", "level>=5", "level6", "talks", "summit", "framework", "collapse", "un_resolution", "veto"];

    /// <summary>Looks up an event by its output id.</summary>
    public static bool TryParse(string id, out Event ev)
    {
        for (var i = 0; i < Ids.Count; i++)
        {
            if (Ids[i] == id) { ev = (Event)i; return true; }
        }
        ev = default;
        return false;
    }
}
