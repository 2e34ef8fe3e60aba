using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// YAML read under the scenario loader's bounds, for code that reads scenario files with another YAML library (the
/// lever editor's representation model): the same size, encoding, depth, node-count and no-alias rules, so a file
/// that reaches such code cannot be deeper, larger or more aliased than one the loader accepts.
/// </summary>
public static class BoundedYaml
{
    /// <summary>
    /// The text of <paramref name="path"/> when it is at most <see cref="SourceChain.MaxBytes"/> of UTF-8 holding one
    /// YAML mapping that the loader's reader accepts without a problem (nesting at most <see cref="YamlReader.MaxDepth"/>,
    /// at most <see cref="YamlReader.MaxNodes"/> values, no anchors, aliases, tags or duplicate keys); otherwise null.
    /// </summary>
    public static string? ReadMapping(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorList();
        var text = SourceChain.ReadBounded(path, errors);
        if (text is null || errors.Count > 0) return null;
        return YamlReader.Read(path, text, errors) is not null && errors.Count == 0 ? text : null;
    }
}
