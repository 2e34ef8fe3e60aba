using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Peninsula.Bargaining.Input;

/// <summary>
/// Reads the <c>bargaining:</c> block of a Peninsula scenario file (other top-level keys are left to the scenario
/// loader):
/// <code>
/// bargaining:
///   name: talks-2019
///   description: optional text
///   dimensions: [denuclearization, sanctions_relief, normalization]
///   stakeholders:
///     USA-executive: {capability: 100, position: [80, 20, 30], salience: [50, 30, 10], rationale: "..."}
/// </code>
/// Positions and saliences are lists with one plain number (0–100) per dimension; an actor's saliences sum to at
/// most 100; <c>capability</c> is a plain number ≥ 0; <c>description</c> and <c>rationale</c> are optional text.
/// 3–250 stakeholders, 1–100 uniquely named dimensions, no unknown keys. Parsed with YamlDotNet's representation
/// model after a streaming pass that refuses anchors, aliases, tags, nesting deeper than 64 levels and more than
/// 200,000 nodes; errors
/// name the file, the line and the dotted path (e.g. <c>bargaining.stakeholders.China.salience[2]</c>).
/// </summary>
public static partial class BargainingYamlReader
{
    /// <summary>Deepest nesting of mappings and lists accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Most YAML nodes (keys included) in one file, checked before the representation model is built: a space of 250
    /// actors on 100 dimensions needs about 53,000.
    /// </summary>
    public const int MaxNodes = 200_000;

    private static readonly string[] BlockKeys = ["name", "description", "dimensions", "stakeholders"];
    private static readonly string[] StakeholderKeys = ["capability", "position", "salience", "description", "rationale"];

    /// <summary>Reads the issue space of the file at <paramref name="path"/>.</summary>
    public static IssueSpace ReadFile(string path) => ReadDocumentFile(path).Space;

    /// <summary>Reads the issue space and rationales of the file at <paramref name="path"/>.</summary>
    public static BargainingYamlDocument ReadDocumentFile(string path)
    {
        var (name, bytes) = InputText.ReadFile(path);
        return ParseDocument(name, bytes);
    }

    /// <summary>Parses the issue space from the UTF-8 bytes of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, byte[] bytes) => ParseDocument(fileName, bytes).Space;

    /// <summary>Parses the issue space from the text of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, string text) => ParseDocument(fileName, text).Space;

    /// <summary>Parses the issue space and rationales from the UTF-8 bytes of a file called <paramref name="fileName"/>.</summary>
    public static BargainingYamlDocument ParseDocument(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return ParseDocument(fileName, InputText.Decode(fileName, bytes));
    }

    /// <summary>Parses the issue space and rationales from the text of a file called <paramref name="fileName"/>.</summary>
    public static BargainingYamlDocument ParseDocument(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var file = fileName;
        text = InputText.Prepare(file, text);
        PreScan(file, text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new BargainingInputException(file, LineOf(ex.Start), null, "malformed YAML: " + OneLine(ex.Message));
        }
#pragma warning disable CA1031 // YamlDotNet signals a few malformed inputs with other exception types; all become one-line input errors
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new BargainingInputException(file, 1, null, "malformed YAML: " + OneLine(ex.Message));
        }
        if (stream.Documents.Count == 0)
            throw new BargainingInputException(file, 1, null, "file is empty (expected a mapping with a 'bargaining' key)");
        if (stream.Documents.Count > 1)
            throw new BargainingInputException(file, LineOf(stream.Documents[1].RootNode.Start), null, "only one YAML document per file is allowed");
        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new BargainingInputException(file, LineOf(stream.Documents[0].RootNode.Start), null, "the top level must be a mapping of keys to values");
        var ctx = new Context(file);
        var block = ctx.Entries(root, "").FirstOrDefault(e => e.Key == "bargaining");
        if (block.Value is null)
            throw new BargainingInputException(file, LineOf(root.Start), "bargaining", "missing (the bargaining block)");
        return ReadBlock(ctx, block.Value, "bargaining");
    }

    private static BargainingYamlDocument ReadBlock(Context ctx, YamlNode node, string path)
    {
        var map = ctx.Mapping(node, path);
        var entries = ctx.Entries(map, path);
        ctx.CheckKeys(entries, path, BlockKeys);
        var name = ctx.String(ctx.Required(entries, map, path, "name"), path + ".name");
        ctx.Check(Context.Find(entries, "name")!, path + ".name", InputRules.NameProblem(name));
        var description = "";
        if (Context.Find(entries, "description") is { } d)
        {
            description = ctx.String(d, path + ".description", allowEmpty: true);
            ctx.Check(d, path + ".description", InputRules.TextProblem(description));
        }

        var dimsPath = path + ".dimensions";
        var dimsNode = ctx.Required(entries, map, path, "dimensions");
        var dimsList = ctx.Sequence(dimsNode, dimsPath);
        ctx.Check(dimsNode, dimsPath, InputRules.DimensionCountProblem(dimsList.Children.Count));
        var dimensions = ImmutableArray.CreateBuilder<string>(dimsList.Children.Count);
        var seenDims = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dimsList.Children.Count; i++)
        {
            var itemPath = $"{dimsPath}[{i + 1}]";
            var dim = ctx.String(dimsList.Children[i], itemPath);
            ctx.Check(dimsList.Children[i], itemPath, InputRules.NameProblem(dim));
            if (!seenDims.Add(dim))
                throw ctx.Error(dimsList.Children[i], itemPath, $"dimension {InputText.Show(dim)} is named twice");
            dimensions.Add(dim);
        }
        var dimensionCount = dimensions.Count;

        var holdersPath = path + ".stakeholders";
        var holdersNode = ctx.Required(entries, map, path, "stakeholders");
        var holders = ctx.Entries(ctx.Mapping(holdersNode, holdersPath), holdersPath);
        ctx.Check(holdersNode, holdersPath, InputRules.ActorCountProblem(holders.Count));
        var stakeholders = ImmutableArray.CreateBuilder<Stakeholder>(holders.Count);
        var rationales = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (actor, keyNode, value) in holders)
        {
            var actorPath = holdersPath + "." + actor;
            ctx.Check(keyNode, actorPath, InputRules.NameProblem(actor));
            var fieldsMap = ctx.Mapping(value, actorPath);
            var fields = ctx.Entries(fieldsMap, actorPath);
            ctx.CheckKeys(fields, actorPath, StakeholderKeys);
            var capabilityNode = ctx.Required(fields, fieldsMap, actorPath, "capability");
            var capability = ctx.Number(capabilityNode, actorPath + ".capability");
            ctx.Check(capabilityNode, actorPath + ".capability", InputRules.CapabilityProblem(capability));
            var positions = ReadVector(ctx, ctx.Required(fields, fieldsMap, actorPath, "position"), actorPath + ".position", dimensionCount, "position");
            var salienceNode = ctx.Required(fields, fieldsMap, actorPath, "salience");
            var saliences = ReadVector(ctx, salienceNode, actorPath + ".salience", dimensionCount, "salience");
            ctx.Check(salienceNode, actorPath + ".salience", InputRules.SalienceSumProblem(actor, saliences));
            var actorDescription = "";
            if (Context.Find(fields, "description") is { } ad)
            {
                actorDescription = ctx.String(ad, actorPath + ".description", allowEmpty: true);
                ctx.Check(ad, actorPath + ".description", InputRules.TextProblem(actorDescription));
            }
            if (Context.Find(fields, "rationale") is { } r)
            {
                var rationale = ctx.String(r, actorPath + ".rationale", allowEmpty: true);
                // A rationale may span lines (block scalars) and hold tabs; other control characters are refused.
                ctx.Check(r, actorPath + ".rationale", InputRules.TextProblem(rationale.Replace('\n', ' ').Replace('\t', ' ')));
                rationales[actor] = rationale;
            }
            stakeholders.Add(new Stakeholder(actor, actorDescription, capability, positions, saliences));
        }
        var space = new IssueSpace(name, description, dimensions.MoveToImmutable(), stakeholders.MoveToImmutable());
        return new BargainingYamlDocument(space, rationales.ToImmutable());
    }

    private static ImmutableArray<double> ReadVector(Context ctx, YamlNode node, string path, int count, string what)
    {
        var list = ctx.Sequence(node, path);
        if (list.Children.Count != count)
            throw ctx.Error(node, path, $"{list.Children.Count} values, expected {count} (one per dimension)");
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var itemPath = $"{path}[{i + 1}]";
            values[i] = ctx.Number(list.Children[i], itemPath);
            ctx.Check(list.Children[i], itemPath, InputRules.PercentProblem(values[i], what));
        }
        return [.. values];
    }

    /// <summary>
    /// A streaming pass over the parser's events (no recursion) that bounds nesting and refuses anchors, aliases,
    /// tags, non-text keys and duplicate keys (with their path) before the representation model (which recurses and
    /// resolves aliases) sees the text.
    /// </summary>
    private static void PreScan(string file, string text)
    {
        var line = 1;
        try
        {
            var parser = new Parser(new StringReader(text));
            var frames = new Stack<Frame>();
            var nodes = 0;
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                line = LineOf(ev.Start);
                if (ev is NodeEvent && ++nodes > MaxNodes)
                    throw new BargainingInputException(file, line, null, $"more than {MaxNodes} values in one file");
                if (ev is AnchorAlias)
                    throw new BargainingInputException(file, line, null, "anchors and aliases are not supported");
                if (ev is SequenceEnd or MappingEnd)
                {
                    frames.Pop();
                    continue;
                }
                if (ev is not NodeEvent node)
                    continue;
                if (!node.Anchor.IsEmpty)
                    throw new BargainingInputException(file, line, null, "anchors and aliases are not supported");
                if (!node.Tag.IsEmpty)
                    throw new BargainingInputException(file, line, null, $"tags are not supported ({InputText.Show(node.Tag.Value)})");

                var path = "";
                if (frames.TryPeek(out var top))
                {
                    if (top.IsMapping && top.ExpectKey)
                    {
                        if (node is not Scalar key)
                            throw new BargainingInputException(file, line, top.Path.Length == 0 ? null : top.Path, "keys must be plain text");
                        if (!top.Keys!.Add(key.Value))
                            throw new BargainingInputException(file, line, Join(top.Path, key.Value), $"duplicate key {InputText.Show(key.Value)}");
                        top.Key = key.Value;
                        top.ExpectKey = false;
                        continue;
                    }
                    if (top.IsMapping)
                    {
                        path = Join(top.Path, top.Key);
                        top.ExpectKey = true;
                    }
                    else
                    {
                        path = $"{top.Path}[{++top.Index}]";
                    }
                }
                if (node is MappingStart or SequenceStart)
                {
                    if (frames.Count >= MaxDepth)
                        throw new BargainingInputException(file, line, null, $"nesting deeper than {MaxDepth} levels");
                    frames.Push(new Frame(node is MappingStart, path));
                }
            }
        }
        catch (YamlException ex)
        {
            throw new BargainingInputException(file, LineOf(ex.Start), null, "malformed YAML: " + OneLine(ex.Message));
        }
#pragma warning disable CA1031 // as in ParseDocument: the scanner signals some malformed inputs with other exception types
        catch (Exception ex) when (ex is not (OutOfMemoryException or BargainingInputException))
#pragma warning restore CA1031
        {
            throw new BargainingInputException(file, line, null, "malformed YAML: unexpected content after this line (an unclosed '[', '{' or quote?)");
        }
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>An open mapping or list during the streaming pass.</summary>
    private sealed class Frame(bool isMapping, string path)
    {
        public bool IsMapping { get; } = isMapping;

        public string Path { get; } = path;

        public HashSet<string>? Keys { get; } = isMapping ? new HashSet<string>(StringComparer.Ordinal) : null;

        public bool ExpectKey { get; set; } = true;

        public string Key { get; set; } = "";

        public int Index { get; set; }
    }

    private static int LineOf(Mark mark) => (int)Math.Clamp(mark.Line, 0, int.MaxValue);

    private static string OneLine(string message)
    {
        var text = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        text = PositionPrefix().Replace(text, "").TrimEnd('.');
        return text.Length == 0 ? "syntax error" : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex PositionPrefix();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    /// <summary>Node access with one-line errors, for one file.</summary>
    private sealed class Context(string file)
    {
        public BargainingInputException Error(YamlNode at, string path, string problem) => new(file, LineOf(at.Start), path, problem);

        public void Check(YamlNode at, string path, string? problem)
        {
            if (problem is not null)
                throw Error(at, path, problem);
        }

        public YamlMappingNode Mapping(YamlNode node, string path) =>
            node as YamlMappingNode ?? throw Error(node, path, $"must be a mapping of keys to values, found {Kind(node)}");

        public YamlSequenceNode Sequence(YamlNode node, string path) =>
            node as YamlSequenceNode ?? throw Error(node, path, $"must be a list, found {Kind(node)}");

        /// <summary>The entries of a mapping, in order, with text keys; duplicate keys are errors.</summary>
        public List<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlMappingNode map, string path)
        {
            var result = new List<(string, YamlNode, YamlNode)>(map.Children.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key })
                    throw Error(keyNode, path, "keys must be plain text");
                var keyPath = path.Length == 0 ? key : path + "." + key;
                if (!seen.Add(key))
                    throw Error(keyNode, keyPath, $"duplicate key {InputText.Show(key)}");
                result.Add((key, keyNode, value));
            }
            return result;
        }

        public void CheckKeys(List<(string Key, YamlNode KeyNode, YamlNode Value)> entries, string path, string[] allowed)
        {
            foreach (var (key, keyNode, _) in entries)
            {
                if (Array.IndexOf(allowed, key) < 0)
                    throw Error(keyNode, path + "." + key, $"unknown key (expected one of {string.Join(", ", allowed)})");
            }
        }

        public static YamlNode? Find(List<(string Key, YamlNode KeyNode, YamlNode Value)> entries, string key)
        {
            foreach (var entry in entries)
            {
                if (entry.Key == key)
                    return entry.Value;
            }
            return null;
        }

        public YamlNode Required(List<(string Key, YamlNode KeyNode, YamlNode Value)> entries, YamlMappingNode map, string path, string key) =>
            Find(entries, key) ?? throw Error(map, path + "." + key, "missing");

        public string String(YamlNode node, string path, bool allowEmpty = false)
        {
            if (node is not YamlScalarNode scalar)
                throw Error(node, path, $"must be text, found {Kind(node)}");
            var value = scalar.Value ?? "";
            if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && value is "~" or "null" or "Null" or "NULL")
                value = "";
            if (!allowEmpty && value.Length == 0)
                throw Error(node, path, "is empty");
            return value;
        }

        public double Number(YamlNode node, string path)
        {
            if (node is not YamlScalarNode scalar)
                throw Error(node, path, $"must be a number, found {Kind(node)}");
            var text = scalar.Value ?? "";
            if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
                throw Error(node, path, $"must be a plain number, found the quoted text {InputText.Show(text)}");
            if (text.Length == 0)
                throw Error(node, path, "is empty (expected a number)");
            if (!NumberPattern().IsMatch(text) || !InputText.TryNumber(text, out var value))
                throw Error(node, path, $"{InputText.Show(text)} is not a number");
            return value;
        }

        private static string Kind(YamlNode node) => node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Value: { } v } => "the value " + InputText.Show(v),
            _ => "nothing",
        };
    }
}
