using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// Merges an <c>extends:</c> chain: mappings merge deeply (the extending file wins, keys keep the
/// base's order and new keys follow), anything else (scalars, lists) is replaced whole. Every merged
/// value keeps the origin of the file that supplied it. The <c>extends</c> keys are consumed here.
/// </summary>
internal static class Merger
{
    /// <summary>Merges <paramref name="rootsBaseFirst"/> (root base first, the loaded file last).</summary>
    public static YMap Merge(IReadOnlyList<YMap> rootsBaseFirst)
    {
        var merged = WithoutExtends(rootsBaseFirst[0]);
        for (var i = 1; i < rootsBaseFirst.Count; i++)
        {
            merged = MergeMaps(merged, WithoutExtends(rootsBaseFirst[i]));
        }
        return merged;
    }

    private static YMap WithoutExtends(YMap root) =>
        new(root.Origin, root.Entries.Where(e => e.Key != "extends").ToArray());

    private static YNode MergeNodes(YNode baseNode, YNode derived) =>
        baseNode is YMap b && derived is YMap d ? MergeMaps(b, d) : derived;

    private static YMap MergeMaps(YMap baseMap, YMap derived)
    {
        var entries = new List<YEntry>(baseMap.Entries.Count + derived.Entries.Count);
        foreach (var entry in baseMap.Entries)
        {
            var over = derived.Find(entry.Key);
            entries.Add(over is null ? entry : over with { Value = MergeNodes(entry.Value, over.Value) });
        }
        foreach (var entry in derived.Entries)
        {
            if (baseMap.Find(entry.Key) is null) entries.Add(entry);
        }
        return new YMap(derived.Origin, entries);
    }
}
