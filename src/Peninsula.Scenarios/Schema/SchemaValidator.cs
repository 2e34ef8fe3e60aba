using System.Reflection;
using System.Text.Json.Nodes;
using Json.Schema;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Schema;

/// <summary>
/// Validates a merged scenario against <c>schemas/scenario.schema.json</c> (embedded in this assembly)
/// and turns each failure into an error located in the file and line the value came from.
/// </summary>
internal static class SchemaValidator
{
    private const string ResourceName = "Peninsula.Scenarios.scenario.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonNode Document)> Loaded = new(LoadSchema);

    /// <summary>The schema's JSON text, as shipped in <c>schemas/scenario.schema.json</c>.</summary>
    public static string Text { get; } = ReadResource();

    /// <summary>The schema document (read-only use).</summary>
    public static JsonNode Document => Loaded.Value.Document;

    public static void Validate(YMap merged, ErrorList errors)
    {
        var (schema, document) = Loaded.Value;
        var instance = JsonInstance.From(merged);
        // The flag format stops at the first failure and is ~50x faster; the detailed list is only
        // needed to report failures. Annotations are not needed (no unevaluated* keywords).
        if (schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid) return;
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        options.IgnoreAllAnnotations();
        var results = schema.Evaluate(instance, options);

        foreach (var detail in (IEnumerable<EvaluationResults>?)results.Details ?? [])
        {
            Report(detail, merged, document, errors);
        }
        Report(results, merged, document, errors);
    }

    private static void Report(EvaluationResults detail, YMap merged, JsonNode document, ErrorList errors)
    {
        if (detail.Errors is not { Count: > 0 }) return;
        var evaluationPath = JsonPointerText.Segments(detail.EvaluationPath.ToString());
        // Failures inside "if" only choose the branch; they are not errors.
        if (evaluationPath.Contains("if")) return;
        var located = InstanceLocator.Find(merged, JsonPointerText.Segments(detail.InstanceLocation.ToString()));
        if (located.Node is YScalar { IsPlaceholder: true }) return;
        var spot = SchemaWalker.Walk(document, evaluationPath);
        foreach (var (keyword, message) in detail.Errors)
        {
            foreach (var problem in SchemaMessages.Describe(keyword, message, evaluationPath, spot, located))
            {
                errors.Add(problem.Origin, problem.Path, problem.Message);
            }
        }
    }

    private static (JsonSchema, JsonNode) LoadSchema()
    {
        var document = JsonNode.Parse(Text) ?? throw new InvalidOperationException("the embedded scenario schema is empty");
        return (JsonSchema.FromText(Text), document);
    }

    private static string ReadResource()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
