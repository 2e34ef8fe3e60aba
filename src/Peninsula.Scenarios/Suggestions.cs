namespace Peninsula.Scenarios;

/// <summary>"Did you mean …?" hints for misspelt keys and names.</summary>
internal static class Suggestions
{
    /// <summary>
    /// <c>" (did you mean 'x'?)"</c> for the closest candidate within a small edit distance, else empty.
    /// </summary>
    public static string Hint(string given, IReadOnlyCollection<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(given, candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        var limit = Math.Max(1, Math.Min(3, given.Length / 3));
        return best is not null && bestDistance > 0 && bestDistance <= limit ? $" (did you mean '{best}'?)" : "";
    }

    /// <summary>Levenshtein distance (both strings are short keys).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64) return int.MaxValue;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
