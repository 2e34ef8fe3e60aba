using Peninsula.Core;
using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Building;

/// <summary>Typed reads of validated values for <see cref="SpecBuilder"/>; a gap is a <see cref="SpecBuildException"/>.</summary>
internal static class Fields
{
    public static double Number(YMap map, string key, string path) =>
        map.Number(key) ?? throw Missing(map, key, path, "a number");

    public static double Number(YMap map, string key, string path, double fallback) =>
        map.Find(key) is null ? fallback : Number(map, key, path);

    public static int Integer(YMap map, string key, string path)
    {
        var value = Number(map, key, path);
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue) throw Missing(map, key, path, "a whole number");
        return (int)value;
    }

    public static string Text(YMap map, string key, string path) =>
        map.Text(key) ?? throw Missing(map, key, path, "text");

    public static string Text(YMap map, string key, string path, string fallback) =>
        map.Find(key) is null ? fallback : Text(map, key, path);

    public static bool Flag(YMap map, string key, string path) =>
        map.Flag(key) ?? throw Missing(map, key, path, "true or false");

    public static YMap Map(YMap map, string key, string path) =>
        map.Map(key) ?? throw Missing(map, key, path, "a mapping");

    public static IReadOnlyList<string> Texts(YMap map, string key, string path) =>
        map.Find(key) is null ? [] : (map.List(key) ?? throw Missing(map, key, path, "a list")).Texts().Select(t => t.Text).ToArray();

    public static Month MonthOf(YMap map, string key, string path) =>
        Month.TryParse(map.Text(key), out var month) ? month : throw Missing(map, key, path, "a month");

    public static Month? OptionalMonthOf(YMap map, string key, string path) =>
        map.Find(key) is null ? null : MonthOf(map, key, path);

    private static SpecBuildException Missing(YMap map, string key, string path, string what) =>
        new(map.Find(key)?.Value.Origin ?? map.Origin, ScenarioPath.Key(path, key), $"expected {what}");
}
