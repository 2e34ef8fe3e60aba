using System.Buffers;
using System.Text.Json;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Schema;

/// <summary>Converts a parsed YAML tree to the JSON instance the schema is evaluated on.</summary>
internal static class JsonInstance
{
    public static JsonElement From(YNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false, MaxDepth = 4 * YamlReader.MaxDepth }))
        {
            Write(writer, node);
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = 4 * YamlReader.MaxDepth });
        return document.RootElement.Clone();
    }

    /// <summary>Replaces lone surrogates (YAML escapes can make them) so the JSON writer accepts the text.</summary>
    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i])) return string.Create(text.Length, text, Repair);
        }
        return text;
    }

    private static void Repair(Span<char> target, string source)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                target[i] = c;
                target[i + 1] = source[i + 1];
                i++;
            }
            else
            {
                target[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, YNode node)
    {
        switch (node)
        {
            case YMap map:
                writer.WriteStartObject();
                foreach (var entry in map.Entries)
                {
                    writer.WritePropertyName(WellFormed(entry.Key));
                    Write(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case YList list:
                writer.WriteStartArray();
                foreach (var item in list.Items) Write(writer, item);
                writer.WriteEndArray();
                break;
            case YScalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case YScalar { Kind: ScalarKind.Boolean } flag:
                writer.WriteBooleanValue(flag.Flag);
                break;
            case YScalar { IsNumber: true } number:
                writer.WriteNumberValue(number.Number);
                break;
            case YScalar text:
                writer.WriteStringValue(WellFormed(text.Text));
                break;
        }
    }
}
