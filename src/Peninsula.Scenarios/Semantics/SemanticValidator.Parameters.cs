using System.Globalization;
using Peninsula.Engine.Model;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

internal sealed partial class SemanticValidator
{
    /// <summary>Every catalog parameter is present, nothing else is, and each value lies in the catalog's range.</summary>
    private void CheckParameters()
    {
        if (_doc.Find("parameters") is not { Value: YMap parameters } section) return;
        var names = ParameterCatalog.All.Select(p => p.Name).ToArray();
        foreach (var parameter in parameters.Entries)
        {
            var path = ScenarioPath.Key("parameters", parameter.Key);
            var index = ParameterCatalog.IndexOf(parameter.Key);
            if (index < 0)
            {
                Error(parameter.KeyOrigin, path, $"unknown parameter '{parameter.Key}'{Suggestions.Hint(parameter.Key, names)}");
                continue;
            }
            var info = ParameterCatalog.All[index];
            if ((parameter.Value as YMap)?.Scalar("value") is { IsNumber: true } value && (value.Number < info.Min || value.Number > info.Max))
            {
                Error(value.Origin, ScenarioPath.Key(path, "value"), $"{value.Text} is out of range [{Format(info.Min)}, {Format(info.Max)}]");
            }
        }
        foreach (var info in ParameterCatalog.All)
        {
            if (parameters.Find(info.Name) is null) Error(section.KeyOrigin, "parameters", $"missing parameter '{info.Name}' ({info.Meaning})");
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
