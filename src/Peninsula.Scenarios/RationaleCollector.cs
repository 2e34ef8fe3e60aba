using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// Gathers every <c>rationale</c> of the merged scenario, keyed by the dotted path of what it justifies:
/// a string rationale belongs to its enclosing mapping (<c>channels.new-york</c>), a mapping of
/// rationales to the named fields (<c>initial.pipeline</c>).
/// </summary>
internal static class RationaleCollector
{
    public static IReadOnlyDictionary<string, string> Collect(YMap root)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Visit(root, "", found);
        return found;
    }

    private static void Visit(YNode node, string path, SortedDictionary<string, string> found)
    {
        switch (node)
        {
            case YMap map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Key == "rationale")
                    {
                        if (entry.Value is YScalar { Kind: ScalarKind.String } text)
                        {
                            found[path] = text.Text;
                        }
                        else if (entry.Value is YMap fields)
                        {
                            foreach (var field in fields.Entries)
                            {
                                if (field.Value is YScalar { Kind: ScalarKind.String } t) found[ScenarioPath.Key(path, field.Key)] = t.Text;
                            }
                        }
                        continue;
                    }
                    Visit(entry.Value, ScenarioPath.Key(path, entry.Key), found);
                }
                break;
            case YList list:
                for (var i = 0; i < list.Items.Count; i++) Visit(list.Items[i], ScenarioPath.Index(path, i), found);
                break;
        }
    }
}
