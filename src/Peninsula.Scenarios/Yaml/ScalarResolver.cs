using System.Globalization;
using System.Text.RegularExpressions;

namespace Peninsula.Scenarios.Yaml;

/// <summary>
/// Types plain scalars by the YAML 1.2 core schema: null, true/false, decimal integers and floats;
/// everything else (including dates, <c>yes</c>/<c>no</c>, hex, <c>.inf</c>) is a string.
/// </summary>
internal static partial class ScalarResolver
{
    public static YScalar Resolve(Origin origin, string text, bool plain)
    {
        if (!plain) return new YScalar(origin, text, ScalarKind.String);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new YScalar(origin, text, ScalarKind.Null);
            case "true" or "True" or "TRUE":
                return new YScalar(origin, text, ScalarKind.Boolean, flag: true);
            case "false" or "False" or "FALSE":
                return new YScalar(origin, text, ScalarKind.Boolean, flag: false);
        }
        var isInteger = IntegerPattern().IsMatch(text);
        if ((isInteger || FloatPattern().IsMatch(text))
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            return new YScalar(origin, text, isInteger ? ScalarKind.Integer : ScalarKind.Float, number: value);
        }
        return new YScalar(origin, text, ScalarKind.String);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
