using System.Text.Json.Nodes;

namespace Peninsula.Scenarios.Schema;

/// <summary>The schema node an evaluation path leads to, and the last <c>$ref</c> followed on the way.</summary>
internal sealed record SchemaSpot(JsonNode? Node, string? LastRef, JsonNode? Parent);

/// <summary>
/// Follows an evaluation path (keywords and <c>$ref</c>s from the schema root) through the schema
/// document, so messages can quote bounds, enums and allowed keys, and name the definition used
/// (<c>#/$defs/month</c>) to phrase the message.
/// </summary>
internal static class SchemaWalker
{
    public static SchemaSpot Walk(JsonNode root, IReadOnlyList<string> evaluationPath)
    {
        JsonNode? node = root;
        JsonNode? parent = null;
        string? lastRef = null;
        string? previous = null;
        foreach (var segment in evaluationPath)
        {
            if (node is null) break;
            if (segment == "$ref" && node is JsonObject withRef && withRef["$ref"] is JsonValue refValue && refValue.TryGetValue<string>(out var target))
            {
                lastRef = target;
                parent = node;
                node = Resolve(root, target);
            }
            else if (node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child))
            {
                parent = node;
                node = child;
            }
            else if (node is JsonArray array && int.TryParse(segment, out var index) && index >= 0 && index < array.Count)
            {
                parent = node;
                node = array[index];
            }
            else if (segment != previous)
            {
                // Some keywords repeat their own name in the path (e.g. items/items): skip the repeat only.
                return new SchemaSpot(null, lastRef, parent);
            }
            previous = segment;
        }
        return new SchemaSpot(node, lastRef, parent);
    }

    private static JsonNode? Resolve(JsonNode root, string reference)
    {
        if (!reference.StartsWith('#')) return null;
        JsonNode? node = root;
        foreach (var segment in JsonPointerText.Segments(reference))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            if (node is null) return null;
        }
        return node;
    }
}
