using System.Globalization;
using Peninsula.Storage;

namespace Peninsula.Cli.Run;

/// <summary>
/// The native entry point's parser of <c>run</c>'s arguments. It accepts only the plainly valid forms (each option at
/// most once as <c>--name value</c> or <c>--name=value</c>, flags alone, decimal numbers, at most one scenario, a SQLite store) whose
/// options pass the same checks as the managed CLI's; everything else — help, unknown or repeated options, malformed
/// values, a PostgreSQL store — is declined (null) and left to the managed CLI, so that every message a user can see
/// comes from one place.
/// </summary>
public static class RunArguments
{
    private enum Kind { Flag, Int, ULong, Text }

    private static readonly Dictionary<string, Kind> Options = new(StringComparer.Ordinal)
    {
        ["runs"] = Kind.Int, ["draws"] = Kind.Int, ["seed"] = Kind.ULong, ["months"] = Kind.Int, ["threads"] = Kind.Int,
        ["trace"] = Kind.Int, ["db"] = Kind.Text, ["calibration"] = Kind.Text, ["policy"] = Kind.Text, ["out"] = Kind.Text,
        ["no-db"] = Kind.Flag, ["resume"] = Kind.Flag, ["log-batches"] = Kind.Flag,
    };

    /// <summary>The request of <paramref name="args"/> (the words after <c>run</c>), or null when the managed CLI should handle them.</summary>
    public static RunRequest? TryParse(IReadOnlyList<string> args)
    {
        string? scenario = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                if (word.Length == 0 || word[0] == '-' || scenario is not null) return null;
                scenario = word;
                continue;
            }
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? word[2..] : word[2..equals];
            if (!Options.TryGetValue(name, out var kind) || values.ContainsKey(name)) return null;
            string value;
            if (kind == Kind.Flag)
            {
                // The managed CLI reads a following true/false (any case) as the flag's value ("--no-db false" stores).
                if (equals >= 0 || (i + 1 < args.Count && bool.TryParse(args[i + 1], out _))) return null;
                value = "";
            }
            else if (equals >= 0)
            {
                value = word[(equals + 1)..];
            }
            else
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith('-')) return null;
                value = args[++i];
            }
            if (kind != Kind.Flag && (value.Length == 0 || !Valid(kind, value))) return null;
            values[name] = value;
        }
        var db = values.GetValueOrDefault("db");
        if (db is not null && RunStores.IsPostgres(db)) return null;
        var options = new SimulationOptions(
            Int(values, "runs") ?? SimulationOptions.DefaultRuns,
            values.TryGetValue("seed", out var seed) ? ulong.Parse(seed, NumberStyles.None, CultureInfo.InvariantCulture) : 1,
            Int(values, "months"), Int(values, "threads"), Int(values, "draws"), db, values.ContainsKey("no-db"), values.ContainsKey("resume"))
        {
            BatchCommitted = values.ContainsKey("log-batches") ? RunRequest.LogCommitted : null,
        };
        if (options.Problem() is not null) return null;
        return new RunRequest(scenario, values.GetValueOrDefault("policy"), values.GetValueOrDefault("out"), Int(values, "trace") ?? 0,
            values.GetValueOrDefault("calibration"), options);
    }

    private static bool Valid(Kind kind, string value) => kind switch
    {
        Kind.Int => value.All(char.IsAsciiDigit) && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        Kind.ULong => value.All(char.IsAsciiDigit) && ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        _ => true,
    };

    private static int? Int(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var v) ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
