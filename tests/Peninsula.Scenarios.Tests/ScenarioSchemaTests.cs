using System.Text.Json.Nodes;
using Peninsula.Core;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>The shipped JSON Schema is the embedded one and agrees with the engine's vocabularies.</summary>
public sealed class ScenarioSchemaTests
{
    private static readonly JsonObject Schema = (JsonObject)JsonNode.Parse(ScenarioLoader.SchemaJson)!;

    private static JsonObject Def(string name) => (JsonObject)Schema["$defs"]![name]!;

    private static string[] Enum(JsonNode? node) => [.. ((JsonArray)node!["enum"]!).Select(v => v!.GetValue<string>())];

    [Fact]
    public void SchemaJson_IsTheFileInTheRepository()
    {
        var shipped = File.ReadAllText(Path.Combine(Repo.Root, "schemas", "scenario.schema.json"));
        Assert.Equal(shipped.ReplaceLineEndings("\n"), ScenarioLoader.SchemaJson.ReplaceLineEndings("\n"));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Enums_MatchTheEngine()
    {
        Assert.Equal(Orientation.Names, Enum(Def("orientation")));
        Assert.Equal(Phases.Ids, Enum(Def("initial")["properties"]!["phase"]));
        Assert.Equal(["principal", "challenger", "mediator", "veto", "sanctioner", "council"], Enum(Def("role")));
        Assert.Equal(["none", "bottom-up", "top-down"], Enum(Def("policy")["properties"]!["talks"]));
        Assert.Equal(["fixed", "lognormal", "uniform"], Enum(Def("distribution")["properties"]!["dist"]));
    }

    [Fact]
    public void EveryObjectWithProperties_RejectsUnknownKeys()
    {
        var open = new List<string>();
        Visit(Schema, "#", open);
        Assert.Empty(open);

        static void Visit(JsonNode? node, string at, List<string> open)
        {
            if (node is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++) Visit(array[i], $"{at}/{i}", open);
                return;
            }
            if (node is not JsonObject obj) return;
            if (obj["properties"] is JsonObject && !IsFalse(obj["additionalProperties"]) && !ClosedByBranches(obj)) open.Add(at);
            foreach (var (key, child) in obj)
            {
                if (key is not "if") Visit(child, $"{at}/{key}", open);
            }
        }

        // A discriminated object (distribution) closes each branch instead of its own properties.
        static bool ClosedByBranches(JsonObject obj) =>
            obj["allOf"] is JsonArray branches && branches.All(b => IsFalse(b?["then"]?["additionalProperties"]));

        static bool IsFalse(JsonNode? node) => node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.False;
    }

    [Theory]
    [InlineData("month", "2021-01", true)]
    [InlineData("month", "2021-12", true)]
    [InlineData("month", "2021-13", false)]
    [InlineData("month", "2021-1", false)]
    [InlineData("month", "2021-01-20", false)]
    [InlineData("date", "2021-01", true)]
    [InlineData("date", "2021-01-20", true)]
    [InlineData("date", "2021-01-32", false)]
    [InlineData("date", "21-01-20", false)]
    [InlineData("month_of_year", "12", true)]
    [InlineData("month_of_year", "0", false)]
    [InlineData("month_of_year", "03", false)]
    public void DatePatterns_AcceptOnlyTheirForms(string def, string text, bool valid)
    {
        var pattern = Def(def)["pattern"]!.GetValue<string>();
        Assert.Equal(valid, System.Text.RegularExpressions.Regex.IsMatch(text, pattern));
    }
}
