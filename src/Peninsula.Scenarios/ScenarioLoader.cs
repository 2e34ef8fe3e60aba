using System.Security.Cryptography;
using System.Text;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Building;
using Peninsula.Scenarios.Schema;
using Peninsula.Scenarios.Semantics;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios;

/// <summary>
/// Loads a scenario file: reads it and the files it <c>extends:</c>, merges them, validates the result
/// against the shipped JSON Schema and the semantic rules, and compiles it to a <see cref="SimulationSpec"/>.
/// Every user mistake comes back as a <see cref="ScenarioError"/>, never as an exception.
/// </summary>
public sealed class ScenarioLoader
{
    private ScenarioLoader()
    {
    }

    /// <summary>The JSON Schema scenario files follow (the text of <c>schemas/scenario.schema.json</c>).</summary>
    public static string SchemaJson => SchemaValidator.Text;

    /// <summary>
    /// Loads the scenario at <paramref name="path"/> (bases named by <c>extends:</c> are relative to the extending file).
    /// Files it refers to must lie in its scenario folder: the nearest ancestor folder named <c>scenarios</c>, else the
    /// scenario file's own folder (see <see cref="Load(string, string?)"/>).
    /// </summary>
    public static LoadResult Load(string path) => Load(path, null);

    /// <summary>
    /// Loads the scenario at <paramref name="path"/>, which with every file it refers to (<c>extends:</c> bases, the
    /// agreement zone's <c>issue_space</c>) must lie inside <paramref name="scenarioRoot"/> once <c>..</c> and symbolic
    /// links are resolved; a reference outside is an error at its line, and the file is not read.
    /// </summary>
    /// <param name="path">The scenario file.</param>
    /// <param name="scenarioRoot">
    /// The scenario folder; null for the default: the nearest ancestor folder of <paramref name="path"/> named
    /// <c>scenarios</c>, else the folder of <paramref name="path"/> (which is then read even if it is a link pointing out).
    /// </param>
    public static LoadResult Load(string path, string? scenarioRoot)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorList();
        var files = SourceChain.Load(path, scenarioRoot, errors, out var complete, out var tree);
        var text = CanonicalText(files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var fileOrder = files.Select(f => f.Path).ToArray();

        if (!complete || files.Any(f => f.Root is null))
        {
            return new LoadResult(null, errors.Sorted(fileOrder), text, sha, new Dictionary<string, string>(), null, null);
        }

        var merged = Merger.Merge(files.Select(f => f.Root!).ToArray());
        ReferencedFiles.Check(merged, files[^1].Path, tree!, errors);
        SchemaValidator.Validate(merged, errors);
        SemanticValidator.Validate(merged, errors);
        var rationales = RationaleCollector.Collect(merged);
        var firstPolicy = merged.Map("policies")?.Entries is { Count: > 0 } declared ? declared[0].Key : null;
        var defaultPolicy = merged.Text("default_policy") ?? firstPolicy;
        var referencePolicy = merged.Text("reference_policy") ?? firstPolicy;

        SimulationSpec? spec = null;
        if (errors.Count == 0)
        {
            try
            {
                spec = SpecBuilder.Build(merged);
            }
            catch (SpecBuildException gap)
            {
                errors.Add(gap.Origin, gap.Path, gap.Message);
            }
        }
        return new LoadResult(spec, errors.Sorted(fileOrder), text, sha, rationales, defaultPolicy, referencePolicy);
    }

    /// <summary>Each file of the chain, root base first: <c>"# file: NAME\n"</c> + its text with <c>\r\n</c> → <c>\n</c>.</summary>
    private static string CanonicalText(IReadOnlyList<SourceFile> files)
    {
        var builder = new StringBuilder();
        foreach (var file in files)
        {
            if (file.Text is null) continue;
            builder.Append("# file: ").Append(Path.GetFileName(file.Path)).Append('\n');
            builder.Append(file.Text.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        return builder.ToString();
    }
}
