using System.Globalization;

namespace Peninsula.Scenarios;

/// <summary>Builds the dotted paths used in errors and rationale keys: <c>a.b[3].c</c>.</summary>
internal static class ScenarioPath
{
    public static string Key(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Index(string parent, int index) =>
        parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
