using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Peninsula.Bargaining.Input;

/// <summary>
/// Reads KTAB's XML scenario (the form of <c>smpSchema.xsd</c>) with System.Xml: <c>name</c>, <c>desc</c>,
/// <c>prngSeed</c>, optional <c>ModelParameters</c>, optional <c>Dimensions</c>, <c>Actors</c> (each with
/// <c>name</c>, <c>description</c>, <c>capability</c> 0–1000, <c>Position/dCoord</c> and <c>Salience/dSal</c> on
/// 0–100) and optional <c>IdealAdjustment</c>, in the schema's order. DTDs and external entities are refused.
/// Beyond the schema: 3–250 actors with unique names, the same number of coordinates and saliences for every
/// actor (equal to the number of dimensions when named), saliences summing to at most 100, unique dimension names.
/// Errors name the file, the line and the element path (e.g. <c>Actors/Actor[3]/Salience</c>).
/// </summary>
public static partial class KtabXmlReader
{
    /// <summary>Largest capability the schema allows.</summary>
    public const double MaxCapability = 1000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = InputRules.MaxFileBytes,
        MaxCharactersFromEntities = 1_000,
    };

    private static readonly (string Element, string[] Values)[] ParameterEnums =
    [
        ("VictoryProbModel", ["Linear", "Square", "Quartic", "Octic", "Binary"]),
        ("PCEModel", ["Conditional", "MarkovIncentive", "MarkovUniform"]),
        ("StateTransitions", ["Deterministic", "Stochastic"]),
        ("VotingRule", ["Binary", "PropBin", "Proportional", "PropCbc", "Cubic", "ASymProsp"]),
        ("BigRAdjust", ["Full", "TwoThirds", "Half", "OneThird", "No"]),
        ("BigRRange", ["Min", "Mid", "Max"]),
        ("ThirdPartyCommit", ["NoCommit", "SemiCommit", "FullCommit"]),
        ("InterVecBrgn", ["S1P1", "S2P2", "S2PMax"]),
        ("BargnModel", ["InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"]),
    ];

    /// <summary>Reads the issue space of the file at <paramref name="path"/>.</summary>
    public static IssueSpace ReadFile(string path) => ReadScenarioFile(path).Space;

    /// <summary>Reads the whole scenario (issue space, seed, parameters) of the file at <paramref name="path"/>.</summary>
    public static KtabXmlScenario ReadScenarioFile(string path)
    {
        var (name, bytes) = InputText.ReadFile(path);
        return ParseScenario(name, bytes);
    }

    /// <summary>Parses the issue space from the UTF-8 bytes of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, byte[] bytes) => ParseScenario(fileName, bytes).Space;

    /// <summary>Parses the issue space from the text of a file called <paramref name="fileName"/>.</summary>
    public static IssueSpace Parse(string fileName, string text) => ParseScenario(fileName, text).Space;

    /// <summary>Parses the whole scenario from the UTF-8 bytes of a file called <paramref name="fileName"/>.</summary>
    public static KtabXmlScenario ParseScenario(string fileName, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return ParseScenario(fileName, InputText.Decode(fileName, bytes));
    }

    /// <summary>Parses the whole scenario from the text of a file called <paramref name="fileName"/>.</summary>
    public static KtabXmlScenario ParseScenario(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var file = fileName;
        text = InputText.Prepare(file, text);
        if (text.Trim().Length == 0)
            throw new BargainingInputException(file, 1, null, "file is empty (expected a <Scenario> document)");
        XDocument doc;
        using (var reader = XmlReader.Create(new StringReader(text), Settings))
        {
            try
            {
                doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex)
            {
                // Some refusals (e.g. a DTD) carry no position; the reader's own position is the best there is.
                var line = ex.LineNumber > 0 ? ex.LineNumber : reader is IXmlLineInfo { LineNumber: > 0 } info ? info.LineNumber : LineOfDoctype(text);
                throw new BargainingInputException(file, line, null, "malformed XML: " + OneLine(ex.Message));
            }
        }

        var root = doc.Root ?? throw new BargainingInputException(file, 1, null, "no root element");
        if (root.Name != "Scenario")
            throw new BargainingInputException(file, LineOf(root), null, $"root element must be <Scenario>, found <{Show(root.Name)}>");
        var ctx = new Context(file);
        var top = ctx.Children(root, "Scenario");
        var name = ctx.Text(top.Required("name"), "name").Trim();
        ctx.Check(top.Last!, "name", InputRules.NameProblem(name));
        var desc = ctx.Text(top.Required("desc"), "desc");
        ctx.Check(top.Last!, "desc", InputRules.TextProblem(desc));
        var seed = ctx.Text(top.Required("prngSeed"), "prngSeed").Trim();
        ctx.Check(top.Last!, "prngSeed", InputRules.TextProblem(seed));
        var parameters = top.Optional("ModelParameters") is { } mp ? ReadParameters(ctx, mp) : null;
        var dimensions = top.Optional("Dimensions") is { } dims ? ReadDimensions(ctx, dims) : (ImmutableArray<string>?)null;
        var actorsElement = top.Required("Actors");
        var (space, names) = ReadActors(ctx, actorsElement, name, desc.Trim(), dimensions);
        var adjustments = top.Optional("IdealAdjustment") is { } ia ? ReadAdjustments(ctx, ia, names) : [];
        top.End();
        return new KtabXmlScenario(space, seed, parameters, adjustments);
    }

    private static KtabModelParameters ReadParameters(Context ctx, XElement element)
    {
        var children = ctx.Children(element, "ModelParameters");
        var values = new string[ParameterEnums.Length];
        for (var i = 0; i < ParameterEnums.Length; i++)
        {
            var (tag, allowed) = ParameterEnums[i];
            var path = "ModelParameters/" + tag;
            var e = children.Required(tag);
            var value = ctx.Text(e, path).Trim();
            if (Array.IndexOf(allowed, value) < 0)
                throw ctx.Error(e, path, $"{InputText.Show(value)} is not one of {string.Join(", ", allowed)}");
            values[i] = value;
        }
        children.End();
        return new KtabModelParameters(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);
    }

    private static ImmutableArray<string> ReadDimensions(Context ctx, XElement element)
    {
        var children = ctx.Children(element, "Dimensions");
        var names = children.Many("dName", 1);
        children.End();
        ctx.Check(element, "Dimensions", InputRules.DimensionCountProblem(names.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<string>(names.Count);
        for (var i = 0; i < names.Count; i++)
        {
            var path = $"Dimensions/dName[{i + 1}]";
            var dim = ctx.Text(names[i], path).Trim();
            ctx.Check(names[i], path, InputRules.NameProblem(dim));
            if (!seen.Add(dim))
                throw ctx.Error(names[i], path, $"dimension {InputText.Show(dim)} is named twice");
            result.Add(dim);
        }
        return result.MoveToImmutable();
    }

    private static (IssueSpace Space, HashSet<string> Names) ReadActors(
        Context ctx, XElement element, string name, string description, ImmutableArray<string>? dimensions)
    {
        var children = ctx.Children(element, "Actors");
        var actors = children.Many("Actor", 1);
        children.End();
        ctx.Check(element, "Actors", InputRules.ActorCountProblem(actors.Count));
        var dimensionCount = dimensions?.Length;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<Stakeholder>(actors.Count);
        for (var a = 0; a < actors.Count; a++)
        {
            var path = $"Actors/Actor[{a + 1}]";
            var fields = ctx.Children(actors[a], path);
            var nameElement = fields.Required("name");
            var actor = ctx.Text(nameElement, path + "/name").Trim();
            ctx.Check(nameElement, path + "/name", InputRules.NameProblem(actor));
            if (!seen.TryAdd(actor, LineOf(nameElement)))
                throw ctx.Error(nameElement, path + "/name", $"{InputText.Show(actor)} is already used on line {seen[actor]}");
            var actorDescription = ctx.Text(fields.Required("description"), path + "/description").Trim();
            ctx.Check(fields.Last!, path + "/description", InputRules.TextProblem(actorDescription));
            var capabilityElement = fields.Required("capability");
            var capability = ctx.Decimal(capabilityElement, path + "/capability");
            ctx.Check(capabilityElement, path + "/capability", InputRules.CapabilityProblem(capability, MaxCapability));
            var positionElement = fields.Required("Position");
            var positions = ReadVector(ctx, positionElement, path + "/Position", "dCoord", "position");
            var salienceElement = fields.Required("Salience");
            var saliences = ReadVector(ctx, salienceElement, path + "/Salience", "dSal", "salience");
            fields.End();
            dimensionCount ??= positions.Length;
            if (positions.Length != dimensionCount)
                throw ctx.Error(positionElement, path + "/Position",
                    $"{positions.Length} coordinates, expected {dimensionCount} (one per dimension{(dimensions is null ? ", as for the first actor" : "")})");
            if (saliences.Length != dimensionCount)
                throw ctx.Error(salienceElement, path + "/Salience", $"{saliences.Length} saliences, expected {dimensionCount} (one per dimension)");
            ctx.Check(salienceElement, path + "/Salience", InputRules.SalienceSumProblem(actor, saliences));
            result.Add(new Stakeholder(actor, actorDescription, capability, positions, saliences));
        }
        ctx.Check(element, "Actors", InputRules.DimensionCountProblem(dimensionCount ?? 0));
        var dims = dimensions ?? [.. Enumerable.Range(1, dimensionCount ?? 0).Select(d => "dim_" + d.ToString(CultureInfo.InvariantCulture))];
        return (new IssueSpace(name, description, dims, result.MoveToImmutable()), new HashSet<string>(seen.Keys, StringComparer.Ordinal));
    }

    private static ImmutableArray<double> ReadVector(Context ctx, XElement element, string path, string item, string what)
    {
        var children = ctx.Children(element, path);
        var items = children.Many(item, 1);
        children.End();
        ctx.Check(element, path, items.Count > InputRules.MaxDimensions ? $"{items.Count} values (at most {InputRules.MaxDimensions})" : null);
        var values = new double[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}/{item}[{i + 1}]";
            values[i] = ctx.Decimal(items[i], itemPath);
            ctx.Check(items[i], itemPath, InputRules.PercentProblem(values[i], what));
        }
        return [.. values];
    }

    private static ImmutableArray<KtabIdealAdjustment> ReadAdjustments(Context ctx, XElement element, HashSet<string> actors)
    {
        var children = ctx.Children(element, "IdealAdjustment");
        var pairs = children.Many("iaPair", 1);
        children.End();
        var result = ImmutableArray.CreateBuilder<KtabIdealAdjustment>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var path = $"IdealAdjustment/iaPair[{i + 1}]";
            var fields = ctx.Children(pairs[i], path);
            var adjusting = ctx.Text(fields.Required("adjustingIdeal"), path + "/adjustingIdeal").Trim();
            if (!actors.Contains(adjusting))
                throw ctx.Error(fields.Last!, path + "/adjustingIdeal", $"{InputText.Show(adjusting)} is not an actor");
            var reference = ctx.Text(fields.Required("referencePos"), path + "/referencePos").Trim();
            if (!actors.Contains(reference))
                throw ctx.Error(fields.Last!, path + "/referencePos", $"{InputText.Show(reference)} is not an actor");
            var adjust = ctx.Decimal(fields.Required("adjust"), path + "/adjust");
            fields.End();
            result.Add(new KtabIdealAdjustment(adjusting, reference, adjust));
        }
        return result.MoveToImmutable();
    }

    private static int LineOfDoctype(string text)
    {
        var at = text.IndexOf("<!DOCTYPE", StringComparison.Ordinal);
        return at < 0 ? 1 : 1 + text.AsSpan(0, at).Count('\n');
    }

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string Show(XName name) => InputText.Printable(name.NamespaceName.Length == 0 ? name.LocalName : name.ToString(), 60);

    private static string OneLine(string message)
    {
        var text = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.');
        return text.Length == 0 ? "syntax error" : text;
    }

    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    /// <summary>Error construction and the simple-content checks, for one file.</summary>
    private sealed class Context(string file)
    {
        public BargainingInputException Error(XObject at, string path, string problem) => new(file, LineOf(at), path, problem);

        public void Check(XObject at, string path, string? problem)
        {
            if (problem is not null)
                throw Error(at, path, problem);
        }

        public ChildCursor Children(XElement parent, string path)
        {
            CheckAttributes(parent, path);
            foreach (var node in parent.Nodes())
            {
                if (node is XText text && !string.IsNullOrWhiteSpace(text.Value))
                    throw Error(parent, path, $"unexpected text {InputText.Show(text.Value.Trim())} (expected elements only)");
            }
            return new ChildCursor(this, parent, path);
        }

        /// <summary>The text of an element that must hold text only (no child elements).</summary>
        public string Text(XElement element, string path)
        {
            CheckAttributes(element, path);
            if (element.HasElements)
                throw Error(element, path, $"must hold text, found element <{Show(element.Elements().First().Name)}>");
            return element.Value;
        }

        /// <summary>An <c>xs:decimal</c>: optional sign, digits with an optional point; surrounding whitespace allowed.</summary>
        public double Decimal(XElement element, string path)
        {
            var text = Text(element, path).Trim(' ', '\t', '\r', '\n');
            if (text.Length == 0)
                throw Error(element, path, "is empty (expected a number)");
            if (text.Length > 64 || !DecimalPattern().IsMatch(text) || !InputText.TryNumber(text, out var value))
                throw Error(element, path, $"{InputText.Show(text)} is not a decimal number");
            return value;
        }

        private void CheckAttributes(XElement element, string path)
        {
            foreach (var attribute in element.Attributes())
            {
                if (attribute.IsNamespaceDeclaration || attribute.Name.NamespaceName == "http://www.w3.org/2001/XMLSchema-instance")
                    continue;
                throw Error(element, path, $"unexpected attribute '{Show(attribute.Name)}'");
            }
        }
    }

    /// <summary>Walks the child elements of one element in the order the schema prescribes.</summary>
    private sealed class ChildCursor(Context ctx, XElement parent, string path)
    {
        private readonly List<XElement> _items = [.. parent.Elements()];
        private int _next;

        /// <summary>The element returned last.</summary>
        public XElement? Last { get; private set; }

        public XElement Required(string name) =>
            Optional(name) ?? throw (_next < _items.Count
                ? ctx.Error(_items[_next], path, $"expected <{name}>, found <{Show(_items[_next].Name)}>")
                : ctx.Error(parent, path, $"missing <{name}>"));

        public XElement? Optional(string name)
        {
            if (_next < _items.Count && _items[_next].Name == name)
            {
                Last = _items[_next++];
                return Last;
            }
            return null;
        }

        public List<XElement> Many(string name, int min)
        {
            var result = new List<XElement>();
            while (Optional(name) is { } e)
                result.Add(e);
            if (result.Count < min)
                Required(name);
            return result;
        }

        public void End()
        {
            if (_next < _items.Count)
                throw ctx.Error(_items[_next], path, $"unexpected element <{Show(_items[_next].Name)}>");
        }
    }
}
