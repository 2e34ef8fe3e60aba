using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Peninsula.Web.Bargaining;

/// <summary>Sets stakeholders' positions in an issue-space file through YamlDotNet's representation model.</summary>
public static class PositionEditor
{
    /// <summary>
    /// The file's text with each stakeholder's <c>position</c> list replaced by <paramref name="positions"/> (in
    /// stakeholder order; values as typed, so the reader judges them). Comments are not kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text has no <c>bargaining.stakeholders</c> mapping.</exception>
    public static string WithPositions(string text, IReadOnlyList<IReadOnlyList<string>> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        if (root.Children[new YamlScalarNode("bargaining")] is not YamlMappingNode block
            || !block.Children.TryGetValue(new YamlScalarNode("stakeholders"), out var s) || s is not YamlMappingNode stakeholders)
            throw new InvalidOperationException("no bargaining.stakeholders mapping");
        var i = 0;
        foreach (var (_, value) in stakeholders.Children)
        {
            if (i >= positions.Count) break;
            if (value is YamlMappingNode actor)
                actor.Children[new YamlScalarNode("position")] = new YamlSequenceNode(positions[i].Select(p => (YamlNode)new YamlScalarNode(p))) { Style = SequenceStyle.Flow };
            i++;
        }
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        var result = writer.ToString();
        return result.EndsWith("...\n", StringComparison.Ordinal) ? result[..^4] : result;
    }
}
