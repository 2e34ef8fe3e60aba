using System.Collections.Immutable;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Peninsula.App;

/// <summary>
/// A shipped scenario file as a YAML tree (YamlDotNet's representation model) together with the files it needs
/// (its <c>extends:</c> bases and its agreement zone's issue space). Reads the levers of a package as written and
/// writes the scenario with one more package — edited node by node, never by pasting text.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly YamlMappingNode _root;
    private readonly ImmutableArray<YamlMappingNode> _chain;

    private ScenarioDocument(string folder, string relativePath, YamlMappingNode root, ImmutableArray<YamlMappingNode> chain, ImmutableArray<string> supportFiles)
    {
        Folder = folder;
        RelativePath = relativePath;
        _root = root;
        _chain = chain;
        SupportFiles = supportFiles;
    }

    /// <summary>The folder every file of the scenario lies in (the scenarios folder it was loaded from), as a full path.</summary>
    public string Folder { get; }

    /// <summary>The scenario's path relative to the scenarios folder, with '/' separators (e.g. <c>transition-2021.yaml</c>).</summary>
    public string RelativePath { get; }

    /// <summary>Files the scenario reads besides itself, relative to the scenarios folder: its bases and issue spaces.</summary>
    public ImmutableArray<string> SupportFiles { get; }

    /// <summary>The scenario's description as written (its own or a base's), or empty.</summary>
    public string Description => _chain.Select(m => Scalar(m, "description")).FirstOrDefault(d => d is not null) ?? "";

    /// <summary>Channel ids the scenario declares (its own and its bases').</summary>
    public ImmutableArray<string> Channels =>
        [.. _chain.SelectMany(m => Map(m, "channels")?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Reads <paramref name="path"/> (inside <paramref name="scenariosRoot"/>) and its bases. Returns null when the
    /// file is not a plain YAML mapping or refers to a file outside the scenarios folder.
    /// </summary>
    public static ScenarioDocument? Load(string scenariosRoot, string path)
    {
        var root = Path.GetFullPath(scenariosRoot);
        var full = Path.GetFullPath(path);
        if (!IsInside(root, full) || Chain(full) is not var (chain, files)) return null;
        if (files.Any(f => !IsInside(root, f))) return null;
        return new ScenarioDocument(root, Relative(root, full), chain[0], [.. chain], [.. files.Select(f => Relative(root, f)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Reads <paramref name="path"/> and its bases wherever they are: the document's folder is the deepest folder
    /// holding the scenario, its bases and its issue space. Returns null when a file is missing or not a plain YAML mapping.
    /// </summary>
    public static ScenarioDocument? Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (Chain(full) is not var (chain, files)) return null;
        var root = Path.GetDirectoryName(full)!;
        while (files.Any(f => !IsInside(root, f)) && Path.GetDirectoryName(root) is { } parent) root = parent;
        return new ScenarioDocument(root, Relative(root, full), chain[0], [.. chain], [.. files.Select(f => Relative(root, f)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The parsed files from <paramref name="full"/> down its <c>extends:</c> chain, and the other files it reads (bases, issue space).</summary>
    private static (List<YamlMappingNode> Chain, List<string> Files)? Chain(string full)
    {
        var chain = new List<YamlMappingNode>();
        var files = new List<string>();
        var current = full;
        while (true)
        {
            var map = Parse(current);
            if (map is null || chain.Count > 8) return null;
            chain.Add(map);
            if (Scalar(map, "extends") is not { } extends) break;
            var next = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(current)!, extends));
            if (!File.Exists(next)) return null;
            files.Add(next);
            current = next;
        }
        // The zone's issue space is read relative to the scenario file itself (ZoneFactory.IssueSpacePath).
        foreach (var map in chain)
        {
            if (Map(map, "agreement_zone") is { } zone && Scalar(zone, "issue_space") is { } space)
            {
                var file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, space));
                if (!File.Exists(file)) return null;
                files.Add(file);
                break;
            }
        }
        return (chain, files);
    }

    /// <summary>The levers of package <paramref name="policyId"/> as written (defaults for an absent message or aid start a month after <paramref name="start"/>).</summary>
    /// <exception cref="KeyNotFoundException">No such package.</exception>
    public PolicyLevers LeversOf(string policyId, Core.Month start)
    {
        var p = Policy(policyId) ?? throw new KeyNotFoundException($"no policy '{policyId}'");
        var next = start.Plus(1).ToString();
        var message = Map(p, "message");
        var aid = Map(p, "aid");
        var exercises = Map(p, "exercises");
        return new PolicyLevers(
            MessageOn: message is not null,
            MessageStart: message is null ? next : Scalar(message, "start") ?? next,
            Channels: message is null ? [] : [.. (Child(message, "channels") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "") ?? []],
            Conditional: message is null || Scalar(message, "conditional") == "true",
            AidOn: aid is not null,
            AidStart: aid is null ? next : Scalar(aid, "start") ?? next,
            AidLevel: aid is null ? "0.5" : Scalar(aid, "level") ?? "0.5",
            Talks: Scalar(p, "talks") ?? "none",
            Demand: Scalar(p, "demand") ?? "",
            ReliefOffer: Scalar(p, "relief_offer") ?? "",
            NormalizationOffer: Scalar(p, "normalization_offer") ?? "",
            MediatorCoordination: Scalar(p, "mediator_coordination") ?? "",
            Engagement: Scalar(p, "engagement") ?? "",
            Pressure: Scalar(p, "pressure") ?? "",
            ExerciseScale: exercises is null ? "1" : Scalar(exercises, "scale") ?? "1");
    }

    /// <summary>
    /// The scenario file's text with one more package <paramref name="id"/>: a copy of <paramref name="basePolicy"/>
    /// with <paramref name="levers"/> set. Values are written as YAML scalars exactly as typed, so the loader
    /// judges them. Nothing else in the file changes except formatting (comments are not kept).
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such base package.</exception>
    public string WithPolicy(string id, string label, string description, string basePolicy, PolicyLevers levers)
    {
        ArgumentNullException.ThrowIfNull(levers);
        var source = Policy(basePolicy) ?? throw new KeyNotFoundException($"no policy '{basePolicy}'");
        var policy = (YamlMappingNode)Copy(source);
        Set(policy, "label", Text(label));
        Set(policy, "description", Text(description));
        Set(policy, "message", levers.MessageOn
            ? new YamlMappingNode(
                new YamlScalarNode("start"), Text(levers.MessageStart),
                new YamlScalarNode("channels"), new YamlSequenceNode(levers.Channels.Select(c => (YamlNode)Text(c))) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow },
                new YamlScalarNode("conditional"), Plain(levers.Conditional ? "true" : "false")) { Style = YamlDotNet.Core.Events.MappingStyle.Flow }
            : Plain("null"));
        Set(policy, "aid", levers.AidOn
            ? new YamlMappingNode(new YamlScalarNode("start"), Text(levers.AidStart), new YamlScalarNode("level"), Text(levers.AidLevel)) { Style = YamlDotNet.Core.Events.MappingStyle.Flow }
            : Plain("null"));
        Set(policy, "talks", Text(levers.Talks));
        Set(policy, "demand", Text(levers.Demand));
        Set(policy, "relief_offer", Text(levers.ReliefOffer));
        Set(policy, "normalization_offer", Text(levers.NormalizationOffer));
        Set(policy, "mediator_coordination", Text(levers.MediatorCoordination));
        Set(policy, "engagement", Text(levers.Engagement));
        Set(policy, "pressure", Text(levers.Pressure));
        var exercises = Map(policy, "exercises") ?? new YamlMappingNode(new YamlScalarNode("suspend_during_talks"), Plain("false")) { Style = YamlDotNet.Core.Events.MappingStyle.Flow };
        Set(exercises, "scale", Text(levers.ExerciseScale));
        Set(policy, "exercises", exercises);

        var root = (YamlMappingNode)Copy(_root);
        var policies = Map(root, "policies");
        if (policies is null)
        {
            policies = new YamlMappingNode();
            Set(root, "policies", policies);
        }
        Set(policies, id, policy);
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet closes the document with "..."; the file reads the same without it.
        if (text.EndsWith("...\n", StringComparison.Ordinal)) text = text[..^4];
        return text;
    }

    /// <summary>The package ids declared in the file and its bases.</summary>
    public ImmutableArray<string> PolicyIds =>
        [.. _chain.SelectMany(m => Map(m, "policies")?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "") ?? []).Distinct(StringComparer.Ordinal)];

    private YamlMappingNode? Policy(string id) => _chain.Select(m => Map(m, "policies") is { } ps ? Map(ps, id) : null).FirstOrDefault(p => p is not null);

    private static YamlMappingNode? Parse(string file)
    {
        // Only what the scenario loader's own reader accepts (size, depth, node count, no aliases) reaches the
        // representation model, which recurses and would share aliased nodes between packages.
        if (Scenarios.BoundedYaml.ReadMapping(file) is not { } text) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception e) when (e is YamlException or IOException)
        {
            return null;
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static YamlMappingNode? Map(YamlMappingNode map, string key) => Child(map, key) as YamlMappingNode;

    private static string? Scalar(YamlMappingNode map, string key) =>
        Child(map, key) is YamlScalarNode { Value: { } v } s && !(s.Style == ScalarStyle.Plain && v is "null" or "~" or "") ? v : null;

    private static void Set(YamlMappingNode map, string key, YamlNode value) => map.Children[new YamlScalarNode(key)] = value;

    /// <summary>A value as typed: plain when YAML allows it (so "40" is a number and "abc" text), quoted otherwise.</summary>
    private static YamlScalarNode Text(string value) => new(value);

    private static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    private static YamlNode Copy(YamlNode node) => node switch
    {
        YamlScalarNode s => new YamlScalarNode(s.Value) { Style = s.Style, Tag = s.Tag },
        YamlSequenceNode q => new YamlSequenceNode(q.Children.Select(Copy)) { Style = q.Style },
        YamlMappingNode m => CopyMap(m),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static YamlMappingNode CopyMap(YamlMappingNode m)
    {
        var copy = new YamlMappingNode { Style = m.Style };
        foreach (var (k, v) in m.Children) copy.Children.Add(Copy(k), Copy(v));
        return copy;
    }

    private static bool IsInside(string root, string full) =>
        full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string root, string full) => Path.GetRelativePath(root, full).Replace('\\', '/');
}
