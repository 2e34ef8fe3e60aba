using System.Collections.Immutable;
using System.Globalization;
using Peninsula.Cli.Infrastructure;

namespace Peninsula.App;

/// <summary>One key of a sweep grid and its values (canonical text), in the order given; the first value is the key's base.</summary>
/// <param name="Key">A <see cref="LeverGrid.Keys"/> entry.</param>
/// <param name="Values">At least one, distinct.</param>
public sealed record GridAxis(string Key, ImmutableArray<string> Values);

/// <summary>
/// Parses <c>--grid KEY=V1,V2,…</c> options: <c>policy</c> (package ids) and the policy levers the web form offers,
/// under the form's field names. Every mistake is a one-line <see cref="UserErrorException"/> naming <c>--grid</c>,
/// the key and the valid choices.
/// </summary>
public static class LeverGrid
{
    /// <summary>The key whose values are policy package ids.</summary>
    public const string PolicyKey = "policy";

    /// <summary>Most cells a sweep may have.</summary>
    public const int MaxCells = 1000;

    /// <summary>Every key a grid accepts: <c>policy</c>, then the levers in form order.</summary>
    public static ImmutableArray<string> Keys { get; } = [PolicyKey, .. PolicyLevers.FieldNames];

    /// <summary>The accepted keys as one comma-separated list for messages.</summary>
    public static string KeyList => string.Join(", ", Keys);

    /// <summary>Parses the <c>--grid</c> values, in the order given (the first key varies slowest across cells).</summary>
    /// <exception cref="UserErrorException">No grid, a malformed one, an unknown key, a bad or repeated value, or too many cells.</exception>
    public static ImmutableArray<GridAxis> Parse(IReadOnlyList<string>? specs)
    {
        if (specs is null || specs.Count == 0)
            throw new UserErrorException($"--grid is required: give at least one KEY=V1,V2,… (keys: {KeyList})");
        var axes = new List<GridAxis>();
        foreach (var spec in specs)
        {
            var axis = ParseOne(spec ?? "");
            if (axes.Any(a => a.Key == axis.Key))
                throw new UserErrorException($"--grid {axis.Key}: the key is given twice; list all its values in one --grid {axis.Key}=V1,V2,…");
            axes.Add(axis);
        }
        var cells = CellCount(axes);
        if (cells > MaxCells)
            throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                $"--grid: {cells} cells ({string.Join(" × ", axes.Select(a => a.Values.Length))}) exceed the limit of {MaxCells}; sweep fewer values"));
        return [.. axes];
    }

    /// <summary>Number of cells of the Cartesian product of <paramref name="axes"/>.</summary>
    public static long CellCount(IEnumerable<GridAxis> axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        long n = 1;
        foreach (var a in axes) n = Math.Min(n * a.Values.Length, long.MaxValue / 1024);
        return n;
    }

    private static GridAxis ParseOne(string spec)
    {
        var text = spec.Trim();
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
            throw new UserErrorException($"--grid '{spec}': expected KEY=V1,V2,… (keys: {KeyList})");
        var key = text[..eq].Trim().ToLowerInvariant().Replace('-', '_');
        if (!Keys.Contains(key))
            throw new UserErrorException($"--grid {text[..eq].Trim()}: unknown key (keys: {KeyList})");
        var raw = text[(eq + 1)..];
        if (raw.Trim().Length == 0)
            throw new UserErrorException($"--grid {key}: no values (expected {key}=V1,V2,…)");
        var values = new List<string>();
        foreach (var item in raw.Split(','))
        {
            if (item.Trim().Length == 0)
                throw new UserErrorException($"--grid {key}: empty value in '{raw}' (values are separated by single commas)");
            string value;
            if (key == PolicyKey)
            {
                value = item.Trim();
            }
            else
            {
                value = PolicyLevers.Canonical(key, item, out var problem)
                    ?? throw new UserErrorException($"--grid {key}: {problem}{Hint(key)}");
            }
            if (values.Contains(value))
                throw new UserErrorException($"--grid {key}: the value '{value}' is listed twice");
            values.Add(value);
        }
        return new GridAxis(key, [.. values]);
    }

    private static string Hint(string key) =>
        key == "channels" ? $" (e.g. channels=new-york{PolicyLevers.ChannelSeparator}via-seoul,new-york)" : "";
}
