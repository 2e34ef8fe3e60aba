using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Peninsula.Scenarios.Yaml;

/// <summary>
/// Reads one YAML file into a <see cref="YMap"/> whose every value remembers its line. Works on the
/// parser's event stream (not the representation model) so that nesting depth is bounded before any
/// recursion, and anchors, aliases, tags and duplicate keys are reported instead of silently honoured.
/// </summary>
internal sealed class YamlReader
{
    /// <summary>Deepest nesting of mappings and lists accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>Numbers must be smaller than this in magnitude (decimal's range, which JSON Schema evaluation needs).</summary>
    public const double MaxMagnitude = 1e28;

    /// <summary>Most values (scalars, lists, mappings; keys not counted) in one file; a shipped file has under 800 nodes, keys included.</summary>
    public const int MaxNodes = 100_000;

    private readonly string _file;
    private readonly ErrorList _errors;
    private readonly Parser _parser;
    private int _lastLine = 1;
    private int _nodes;

    private YamlReader(string file, string text, ErrorList errors)
    {
        _file = file;
        _errors = errors;
        _parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
    }

    /// <summary>
    /// Parses <paramref name="text"/>. Returns the top-level mapping, or null when the file cannot be read
    /// as one (the reason is added to <paramref name="errors"/>). Non-fatal problems (aliases, tags,
    /// duplicate keys) are reported and the rest of the file is still returned.
    /// </summary>
    public static YMap? Read(string file, string text, ErrorList errors) => new YamlReader(file, text, errors).ReadDocument();

    private YMap? ReadDocument()
    {
        try
        {
            Next();
            Expect<StreamStart>();
            if (Current is StreamEnd)
            {
                _errors.Add(_file, 1, "", "the file is empty (expected a mapping of keys to values)");
                return null;
            }
            Expect<DocumentStart>();
            var root = ReadNode("", 1);
            Expect<DocumentEnd>();
            if (Current is DocumentStart extra)
            {
                _errors.Add(_file, LineOf(extra.Start), "", "only one YAML document per file is allowed");
            }
            if (root is YMap map) return map;
            _errors.Add(root.Origin, "", "the top level must be a mapping of keys to values");
            return null;
        }
        catch (TooDeepException deep)
        {
            _errors.Add(_file, deep.Line, deep.Path, $"nesting deeper than {MaxDepth} levels");
            return null;
        }
        catch (TooLargeException large)
        {
            _errors.Add(_file, large.Line, "", $"more than {MaxNodes} values in one file");
            return null;
        }
        catch (YamlException ex)
        {
            _errors.Add(_file, LineOf(ex.Start), "", "malformed YAML: " + OneLine(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The scanner signals some malformed inputs (e.g. an unclosed flow collection) with these
            // instead of a YamlException; the last event read is the best position it leaves.
            _errors.Add(_file, _lastLine, "", "malformed YAML: unexpected content after this line (an unclosed '[', '{' or quote?)");
            return null;
        }
    }

    private ParsingEvent Current => _parser.Current ?? throw new YamlException("unexpected end of the file");

    private void Next()
    {
        if (!_parser.MoveNext()) throw new YamlException("unexpected end of the file");
        _lastLine = LineOf(Current.Start);
    }

    private void Expect<T>() where T : ParsingEvent
    {
        if (Current is not T) throw new YamlException(Current.Start, Current.End, $"unexpected {Current.GetType().Name}");
        if (Current is not StreamEnd) _parser.MoveNext();
    }

    private YNode ReadNode(string path, int depth)
    {
        var ev = Current;
        var origin = new Origin(_file, LineOf(ev.Start));
        if (++_nodes > MaxNodes) throw new TooLargeException(origin.Line);
        switch (ev)
        {
            case AnchorAlias:
                _errors.Add(origin, path, "anchors and aliases are not supported");
                Next();
                return YScalar.Placeholder(origin);
            case Scalar scalar:
                CheckProperties(scalar, origin, path);
                Next();
                var value = ScalarResolver.Resolve(origin, scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any);
                if (value.IsNumber && Math.Abs(value.Number) >= MaxMagnitude)
                {
                    // No field takes such a number, and the schema library cannot compare it (it uses decimal).
                    _errors.Add(origin, path, $"number {value.Text} is out of range (magnitude below 1e28)");
                    return YScalar.Placeholder(origin);
                }
                return value;
            case SequenceStart start:
                if (depth > MaxDepth) throw new TooDeepException(origin.Line, path);
                CheckProperties(start, origin, path);
                Next();
                return ReadList(origin, path, depth);
            case MappingStart start:
                if (depth > MaxDepth) throw new TooDeepException(origin.Line, path);
                CheckProperties(start, origin, path);
                Next();
                return ReadMap(origin, path, depth);
            default:
                throw new YamlException(ev.Start, ev.End, $"unexpected {ev.GetType().Name}");
        }
    }

    private YList ReadList(Origin origin, string path, int depth)
    {
        var items = new List<YNode>();
        while (Current is not SequenceEnd)
        {
            items.Add(ReadNode(ScenarioPath.Index(path, items.Count), depth + 1));
        }
        Next();
        return new YList(origin, items);
    }

    private YMap ReadMap(Origin origin, string path, int depth)
    {
        var entries = new List<YEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Current is not MappingEnd)
        {
            var keyEvent = Current;
            var keyOrigin = new Origin(_file, LineOf(keyEvent.Start));
            string? key = null;
            if (keyEvent is Scalar keyScalar)
            {
                CheckProperties(keyScalar, keyOrigin, path);
                key = keyScalar.Value;
                Next();
            }
            else
            {
                _errors.Add(keyOrigin, path, "keys must be plain text");
                ReadNode(path, depth + 1);
            }
            var value = ReadNode(key is null ? path : ScenarioPath.Key(path, key), depth + 1);
            if (key is null) continue;
            if (!seen.Add(key))
            {
                _errors.Add(keyOrigin, ScenarioPath.Key(path, key), $"duplicate key '{key}'");
                continue;
            }
            entries.Add(new YEntry(key, keyOrigin, value));
        }
        Next();
        return new YMap(origin, entries);
    }

    private void CheckProperties(NodeEvent node, Origin origin, string path)
    {
        if (!node.Anchor.IsEmpty) _errors.Add(origin, path, "anchors and aliases are not supported");
        if (!node.Tag.IsEmpty) _errors.Add(origin, path, $"tags are not supported ('{node.Tag}')");
    }

    private static int LineOf(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static string OneLine(string message)
    {
        var text = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return text.Length == 0 ? "syntax error" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Aborts reading when a file holds more than <see cref="MaxNodes"/> values (before they fill memory).</summary>
    private sealed class TooLargeException(int line) : Exception
    {
        public int Line { get; } = line;
    }

    /// <summary>Aborts reading when nesting exceeds <see cref="MaxDepth"/> (before recursion can grow).</summary>
    private sealed class TooDeepException(int line, string path) : Exception
    {
        public int Line { get; } = line;

        public string Path { get; } = path;
    }
}
