namespace Peninsula.Core;

/// <summary>
/// The ordered escalation ladder of the challenger: one level per month, the highest act that month.
/// Level meanings are labels supplied by scenarios; the engine only relies on the order.
/// </summary>
public static class Ladder
{
    /// <summary>Number of levels (0 … 6).</summary>
    public const int Levels = 7;

    /// <summary>Highest level.</summary>
    public const int Top = Levels - 1;

    /// <summary>Default labels, used where a scenario gives none.</summary>
    public static readonly IReadOnlyList<string> DefaultLabels =
    [
        "none", "hostile rhetoric", "inter-Korean provocation", "short-range missile",
        "medium/intermediate-range or SLBM", "ICBM or satellite launch", "nuclear test",
    ];
}

/// <summary>Phases of the negotiation machine (DESIGN section 4), in order of progress.</summary>
public enum Phase : byte
{
    None = 0,
    Contact = 1,
    Talks = 2,
    Summit = 3,
    Framework = 4,
    Implementation = 5,
    Collapsed = 6,
}

/// <summary>Helpers for <see cref="Phase"/>.</summary>
public static class Phases
{
    /// <summary>Number of phases.</summary>
    public const int Count = 7;

    /// <summary>Fixed output ids, in enum order.</summary>
    public static readonly IReadOnlyList<string> Ids =
        ["none", "contact", "talks", "summit", "framework", "implementation", "collapsed"];
}
