using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// Checks the paths a merged scenario names for other programs to read (today the agreement zone's
/// <c>issue_space</c>, which the application resolves against the loaded scenario file's folder): each must lie in
/// the <see cref="ScenarioTree"/>. The file itself is not read here, nor required to exist.
/// </summary>
internal static class ReferencedFiles
{
    /// <summary>Reports each referenced path outside <paramref name="tree"/>, at its own line.</summary>
    /// <param name="merged">The merged document.</param>
    /// <param name="scenarioFile">The loaded (last) file of the chain, absolute.</param>
    /// <param name="tree">The scenario tree.</param>
    /// <param name="errors">Receives the problems.</param>
    public static void Check(YMap merged, string scenarioFile, ScenarioTree tree, ErrorList errors)
    {
        if (merged.Map("agreement_zone")?.Scalar("issue_space") is not { Kind: ScalarKind.String } space || space.Text.Length == 0) return;
        const string path = "agreement_zone.issue_space";
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(scenarioFile) ?? "", space.Text));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add(space.Origin, path, $"'{space.Text}' is not a valid file path");
            return;
        }
        if (tree.Resolve(full, out var problem) is null) errors.Add(space.Origin, path, $"'{space.Text}' {problem}");
    }
}
