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

    /// <summary>Loads the scenario at <paramref name="path"/> (bases named by <c>extends:</c> are relative to the extending file).</summary>
    public static LoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new ErrorList();
        var files = SourceChain.Load(path, errors, out var complete);
        var text = CanonicalText(files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        var fileOrder = files.Select(f => f.Path).ToArray();

        if (!complete || files.Any(f => f.Root is null))
        {
            return new LoadResult(null, errors.Sorted(fileOrder), text, sha, new Dictionary<string, string>(), null, null);
        }

        var merged = Merger.Merge(files.Select(f => f.Root!).ToArray());
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
