using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Schema;

/// <summary>What a JSON Pointer into the instance points at in the YAML tree.</summary>
/// <param name="Node">The value.</param>
/// <param name="Path">Dotted path of the value.</param>
/// <param name="Entry">The mapping entry holding the value, when its parent is a mapping.</param>
/// <param name="Key">The last pointer segment (a key or an index).</param>
internal sealed record Located(YNode Node, string Path, YEntry? Entry, string Key)
{
    /// <summary>Where to report a problem with the value itself: its key's line for mappings and lists.</summary>
    public Origin ValueOrigin => Node is YScalar || Entry is null ? Node.Origin : Entry.KeyOrigin;

    /// <summary>Where to report a problem with the key: the key's line.</summary>
    public Origin KeyOrigin => Entry?.KeyOrigin ?? Node.Origin;
}

/// <summary>Resolves JSON Pointer segments against the YAML tree.</summary>
internal static class InstanceLocator
{
    public static Located Find(YMap root, IReadOnlyList<string> segments)
    {
        YNode node = root;
        var path = "";
        YEntry? entry = null;
        var key = "";
        foreach (var segment in segments)
        {
            if (node is YMap map && map.Find(segment) is { } found)
            {
                entry = found;
                node = found.Value;
                path = ScenarioPath.Key(path, segment);
            }
            else if (node is YList list && int.TryParse(segment, out var index) && index >= 0 && index < list.Items.Count)
            {
                entry = null;
                node = list.Items[index];
                path = ScenarioPath.Index(path, index);
            }
            else
            {
                break;
            }
            key = segment;
        }
        return new Located(node, path, entry, key);
    }
}
