using Peninsula.Core;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

/// <summary>
/// Checks what a JSON Schema cannot: roles, cross-references (actors, channels, agreements, policies,
/// parameters against the engine's catalog) and the consistency of dates. Runs on the merged document
/// even when the schema found errors, skipping values of the wrong type (the schema reported those).
/// </summary>
internal sealed partial class SemanticValidator
{
    private readonly YMap _doc;
    private readonly ErrorList _errors;
    private readonly RoleTable _roles;
    private readonly Month? _start;
    private readonly int? _months;

    private SemanticValidator(YMap doc, ErrorList errors)
    {
        _doc = doc;
        _errors = errors;
        _roles = new RoleTable(doc.Map("actors"));
        _start = doc.Text("start") is { } s && Month.TryParse(s, out var m) && DateText.HasDateForm(s) ? m : null;
        _months = doc.Scalar("months") is { IsNumber: true, Number: >= 1 and <= 600 } n && n.Number == Math.Floor(n.Number) ? (int)n.Number : null;
    }

    public static void Validate(YMap doc, ErrorList errors)
    {
        var validator = new SemanticValidator(doc, errors);
        validator.CheckRoles();
        validator.CheckAdministrations();
        validator.CheckAgreements();
        validator.CheckChannels();
        validator.CheckPolicies();
        validator.CheckInitial();
        validator.CheckExogenous();
        validator.CheckParameters();
    }

    /// <summary>The first month after the horizon (exclusive end), when start and months are valid.</summary>
    private Month? End => _start is { } start && _months is { } months ? start.Plus(months) : null;

    private void Error(Origin origin, string path, string message) => _errors.Add(origin, path, message);

    /// <summary>Line of a mapping entry: the key's line for nested mappings and lists, the value's for scalars.</summary>
    private static Origin At(YEntry entry) => entry.Value is YScalar ? entry.Value.Origin : entry.KeyOrigin;

    /// <summary>The origin of the <c>key</c> entry in <paramref name="map"/>, or the map's own.</summary>
    private static Origin At(YMap map, string key) => map.Find(key) is { } e ? At(e) : map.Origin;

    /// <summary>
    /// Reads a date-valued key. Values the schema rejects (wrong type or form) are skipped silently;
    /// values of the right form that name no real day (2021-02-30) are reported here.
    /// </summary>
    private DateText? Date(YMap map, string key, string path)
    {
        if (map.Scalar(key) is not { Kind: ScalarKind.String } scalar || !DateText.HasDateForm(scalar.Text)) return null;
        if (DateText.TryParse(scalar.Text, out var date)) return date;
        Error(scalar.Origin, ScenarioPath.Key(path, key), $"'{scalar.Text}' is not a date");
        return null;
    }

    /// <summary>Reports list items of <paramref name="list"/> that are not keys of <paramref name="declared"/>.</summary>
    private void CheckDeclared(YList? list, YMap? declared, string path, string what)
    {
        if (list is null) return;
        var known = declared?.Entries.Select(e => e.Key).ToArray() ?? [];
        foreach (var (text, node, index) in list.Texts())
        {
            if (declared?.Find(text) is null)
            {
                Error(node.Origin, ScenarioPath.Index(path, index), $"'{text}' is not a declared {what}{Suggestions.Hint(text, known)}");
            }
        }
    }
}
