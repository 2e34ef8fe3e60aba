using System.Globalization;
using System.Text.Json.Nodes;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Schema;

/// <summary>One friendly schema error.</summary>
internal sealed record Problem(Origin Origin, string Path, string Message);

/// <summary>
/// Phrases JSON Schema failures for scenario authors: "unknown key 'x' (did you mean 'y'?)",
/// "'2021-13' is not a month", "expected a number, got 'abc'", "5 is out of range [0, 1]".
/// Falls back to the library's message for keywords it does not know.
/// </summary>
internal static class SchemaMessages
{
    public static IEnumerable<Problem> Describe(string keyword, string libraryMessage, IReadOnlyList<string> evaluationPath, SchemaSpot spot, Located at)
    {
        var schema = spot.Node as JsonObject;
        var definition = spot.LastRef is { } r ? r[(r.LastIndexOf('/') + 1)..] : null;

        if (evaluationPath.Count > 0 && evaluationPath[^1] == "additionalProperties" && spot.Node is JsonValue)
        {
            var allowed = (spot.Parent as JsonObject)?["properties"] is JsonObject props ? props.Select(p => p.Key).ToArray() : [];
            yield return new Problem(at.KeyOrigin, at.Path, $"unknown key '{at.Key}'{Suggestions.Hint(at.Key, allowed)}");
            yield break;
        }
        if (evaluationPath.Contains("propertyNames"))
        {
            yield return new Problem(at.KeyOrigin, at.Path, "key " + DescribeValue(keyword, schema, definition, at.Key, Quote(at.Key)));
            yield break;
        }

        switch (keyword)
        {
            case "required":
                var missing = schema?["required"] is JsonArray required
                    ? required.Select(n => n?.GetValue<string>()).OfType<string>().Where(k => (at.Node as YMap)?.Find(k) is null).ToArray()
                    : [];
                if (missing.Length == 0) yield return new Problem(at.ValueOrigin, at.Path, libraryMessage.ReplaceLineEndings(" "));
                foreach (var key in missing)
                {
                    yield return new Problem(at.ValueOrigin, at.Path, $"required key '{key}' is missing");
                }
                yield break;
            case "type":
                yield return new Problem(at.ValueOrigin, at.Path, DescribeType(schema, definition, at.Node));
                yield break;
            case "minItems" or "maxItems":
                var count = (at.Node as YList)?.Items.Count ?? 0;
                var min = Number(schema, "minItems");
                var max = Number(schema, "maxItems");
                var expected = min == max && min is not null ? $"exactly {min}" : keyword == "minItems" ? $"at least {min}" : $"at most {max}";
                yield return new Problem(at.ValueOrigin, at.Path, $"expected {expected} items, got {count}");
                yield break;
            case "minProperties":
                var least = Number(schema, "minProperties") ?? 1;
                yield return new Problem(at.ValueOrigin, at.Path, least == 1 ? "expected at least one entry" : $"expected at least {least} entries");
                yield break;
            case "uniqueItems":
                var duplicate = (at.Node as YList)?.Items.OfType<YScalar>().GroupBy(s => s.Text).FirstOrDefault(g => g.Count() > 1);
                yield return new Problem(duplicate?.Skip(1).First().Origin ?? at.ValueOrigin, at.Path,
                    duplicate is null ? "items must be unique" : $"'{duplicate.Key}' is listed more than once");
                yield break;
            case "pattern" or "enum" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "minLength":
                yield return new Problem(at.ValueOrigin, at.Path, DescribeValue(keyword, schema, definition, ScalarText(at.Node), Show(at.Node)));
                yield break;
            default:
                yield return new Problem(at.ValueOrigin, at.Path, libraryMessage.ReplaceLineEndings(" "));
                yield break;
        }
    }

    /// <summary>Messages about a value's content (also used for keys checked by <c>propertyNames</c>).</summary>
    private static string DescribeValue(string keyword, JsonObject? schema, string? definition, string text, string shown)
    {
        switch (keyword)
        {
            case "pattern":
                return definition switch
                {
                    "month" => $"{shown} is not a month",
                    "date" => $"{shown} is not a date (YYYY-MM or YYYY-MM-DD)",
                    "month_of_year" => $"{shown} is not a month of the year (1-12)",
                    "rationale" => "must not be empty",
                    "id" => $"{shown} is not a valid id (a letter or digit, then letters, digits, '-', '_' or '.')",
                    "parameter_name" => $"{shown} is not a valid parameter name",
                    _ => $"{shown} does not match {schema?["pattern"]}",
                };
            case "enum":
                var options = schema?["enum"] is JsonArray values ? string.Join(", ", values.Select(v => v?.ToString())) : "";
                return $"{shown} is not one of: {options}{Suggestions.Hint(text, schema?["enum"] is JsonArray a ? a.Select(v => v?.ToString() ?? "").ToArray() : [])}";
            case "minLength":
                return "must not be empty";
            default:
                return $"{shown} {RangeText(schema)}";
        }
    }

    private static string RangeText(JsonObject? schema)
    {
        var min = Number(schema, "minimum");
        var exclusiveMin = Number(schema, "exclusiveMinimum");
        var max = Number(schema, "maximum");
        var exclusiveMax = Number(schema, "exclusiveMaximum");
        var low = min ?? exclusiveMin;
        var high = max ?? exclusiveMax;
        if (low is not null && high is not null)
        {
            return $"is out of range {(min is null ? "(" : "[")}{Format(low.Value)}, {Format(high.Value)}{(max is null ? ")" : "]")}";
        }
        if (low is not null) return min is null ? $"must be greater than {Format(low.Value)}" : $"must be at least {Format(low.Value)}";
        if (high is not null) return max is null ? $"must be less than {Format(high.Value)}" : $"must be at most {Format(high.Value)}";
        return "is out of range";
    }

    private static string DescribeType(JsonObject? schema, string? definition, YNode node)
    {
        if (definition is "month" && node is YScalar) return $"{Show(node)} is not a month";
        if (definition is "date" && node is YScalar) return $"{Show(node)} is not a date (YYYY-MM or YYYY-MM-DD)";
        var types = schema?["type"] switch
        {
            JsonArray many => many.Select(t => t?.ToString() ?? "").ToArray(),
            JsonValue one => [one.ToString()],
            _ => [],
        };
        var wanted = types.Length == 0 ? "another type" : string.Join(" or ", types.Select(TypeName));
        return $"expected {wanted}, got {Show(node)}";
    }

    private static string TypeName(string jsonType) => jsonType switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "number" => "a number",
        "integer" => "a whole number",
        "string" => "text",
        "boolean" => "true or false",
        "null" => "nothing",
        _ => jsonType,
    };

    /// <summary>A value as an author would recognise it: <c>'abc'</c>, <c>5</c>, <c>a mapping</c>.</summary>
    private static string Show(YNode node) => node switch
    {
        YScalar { Kind: ScalarKind.String } s => Quote(s.Text),
        YScalar { Kind: ScalarKind.Null } => "nothing",
        YScalar s => s.Text,
        YMap => "a mapping",
        _ => "a list",
    };

    private static string ScalarText(YNode node) => node is YScalar s ? s.Text : "";

    private static string Quote(string text) => "'" + (text.Length > 60 ? text[..57] + "..." : text) + "'";

    private static double? Number(JsonObject? schema, string keyword) =>
        schema?[keyword] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
