namespace Peninsula.Bargaining.Input;

/// <summary>
/// The limits every reader applies, so that any <see cref="IssueSpace"/> they return is valid for every model:
/// 3–250 actors with unique names, 1–100 dimensions, positions and saliences on 0–100, an actor's saliences
/// summing to at most 100, capabilities finite and non-negative.
/// </summary>
public static class InputRules
{
    /// <summary>Fewest actors accepted (KTAB's lower bound).</summary>
    public const int MinActors = 3;

    /// <summary>Most actors accepted (KTAB's upper bound).</summary>
    public const int MaxActors = 250;

    /// <summary>Most dimensions accepted.</summary>
    public const int MaxDimensions = 100;

    /// <summary>Largest capability accepted (a sanity bound; capabilities are on any non-negative scale).</summary>
    public const double MaxCapability = 1e9;

    /// <summary>Slack allowed on the salience sum for rounding in the input (e.g. 33.33 + 33.33 + 33.34).</summary>
    public const double SalienceSumTolerance = 1e-6;

    /// <summary>
    /// Largest input accepted, in bytes (or characters for text): 8 MiB, four times the largest valid KTAB XML
    /// (250 actors × 100 dimensions). Larger files are refused unread.
    /// </summary>
    public const int MaxFileBytes = 8 << 20;

    /// <summary>Longest actor, dimension or scenario name accepted, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The problem with a name, or null when it is acceptable (non-empty, no control characters, not too long).</summary>
    internal static string? NameProblem(string name)
    {
        if (name.Length == 0)
            return "is empty";
        if (InputText.HasControl(name))
            return $"{InputText.Show(name)} contains a control character";
        if (name.Length > MaxNameLength)
            return $"is longer than {MaxNameLength} characters";
        return null;
    }

    /// <summary>The problem with free text (a description), or null.</summary>
    internal static string? TextProblem(string text) =>
        InputText.HasControl(text) ? $"{InputText.Show(text)} contains a control character" : null;

    /// <summary>The problem with a position or salience on 0–100, or null.</summary>
    internal static string? PercentProblem(double value, string what) =>
        value is >= 0 and <= 100 ? null : $"{what} {InputText.Show(value)} is outside 0-100";

    /// <summary>The problem with a capability, or null.</summary>
    internal static string? CapabilityProblem(double value, double max = MaxCapability)
    {
        if (value < 0)
            return $"capability {InputText.Show(value)} is negative";
        if (value > max)
            return $"capability {InputText.Show(value)} exceeds {InputText.Show(max)}";
        return null;
    }

    /// <summary>The problem with an actor's salience total, or null.</summary>
    internal static string? SalienceSumProblem(string actor, IReadOnlyList<double> saliences)
    {
        var sum = 0.0;
        foreach (var s in saliences)
            sum += s;
        return sum > 100 + SalienceSumTolerance
            ? $"saliences of {InputText.Show(actor)} sum to {InputText.Show(sum)} (at most 100)"
            : null;
    }

    /// <summary>The problem with an actor count, or null.</summary>
    internal static string? ActorCountProblem(long count)
    {
        if (count < MinActors)
            return $"{count} actors (at least {MinActors})";
        if (count > MaxActors)
            return $"{count} actors (at most {MaxActors})";
        return null;
    }

    /// <summary>The problem with a dimension count, or null.</summary>
    internal static string? DimensionCountProblem(long count)
    {
        if (count < 1)
            return $"{count} dimensions (at least 1)";
        if (count > MaxDimensions)
            return $"{count} dimensions (at most {MaxDimensions})";
        return null;
    }
}
