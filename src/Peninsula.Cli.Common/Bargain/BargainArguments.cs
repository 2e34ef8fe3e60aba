using System.Globalization;
using Peninsula.Cli.Infrastructure;

namespace Peninsula.Cli.Bargain;

/// <summary>
/// Parses <c>bargain</c>'s command line without a reflection-based framework, for the natively compiled entry point
/// (the managed CLI binds the same options through Spectre.Console.Cli). Every mistake is a one-line
/// <see cref="UserErrorException"/> naming the option.
/// </summary>
public static class BargainArguments
{
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join('\n',
        "USAGE:",
        "    peninsula bargain <FILE> [OPTIONS]",
        "",
        "Run a bargaining model on an issue space: trajectory, forecast, sensitivity.",
        "",
        "ARGUMENTS:",
        $"    <FILE>               {BargainOptions.Help.File}",
        "",
        "OPTIONS:",
        "    -h, --help           Prints help information",
        $"    --model <M>          {BargainOptions.Help.Model}",
        $"    --perturb <SPREAD>   {BargainOptions.Help.Perturb}",
        $"    --runs <N>           {BargainOptions.Help.Runs}",
        $"    --seed <S>           {BargainOptions.Help.Seed}",
        $"    --out <FILE>         {BargainOptions.Help.Out}",
        $"    --db <FILE>          {BargainOptions.Help.Db}",
        $"    --no-db              {BargainOptions.Help.NoDb}",
        "");

    /// <summary>Parses the arguments after the verb; null when help was asked for.</summary>
    /// <exception cref="UserErrorException">An unknown option, a missing or malformed value, a missing or extra FILE, or invalid options.</exception>
    public static BargainOptions? Parse(IReadOnlyList<string> args)
    {
        string? file = null, model = null, output = null, db = null;
        double? perturb = null;
        int? runs = null;
        ulong? seed = null;
        var noDb = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?") return null;
            if (!arg.StartsWith('-') || arg == "-")
            {
                if (file is not null) throw new UserErrorException($"bargain: unexpected argument '{arg}' (one FILE only)");
                file = arg;
                continue;
            }
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? arg[..eq] : arg;
            string Value()
            {
                if (eq > 0) return arg[(eq + 1)..];
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal))) throw new UserErrorException($"{name}: a value is required");
                return args[++i];
            }
            switch (name)
            {
                case "--model": Set(ref model, name, Value()); break;
                case "--out": Set(ref output, name, Value()); break;
                case "--db": Set(ref db, name, Value()); break;
                case "--perturb":
                    var p = Value();
                    perturb = double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var spread)
                        ? spread : throw new UserErrorException($"--perturb: '{p}' is not a number");
                    break;
                case "--runs":
                    var r = Value();
                    runs = int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
                        ? n : throw new UserErrorException($"--runs: '{r}' is not an integer");
                    break;
                case "--seed":
                    var s = Value();
                    seed = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var sd)
                        ? sd : throw new UserErrorException($"--seed: '{s}' is not a non-negative integer");
                    break;
                case "--no-db":
                    if (eq > 0) throw new UserErrorException("--no-db takes no value");
                    noDb = true;
                    break;
                default:
                    throw new UserErrorException($"Unknown option '{name.TrimStart('-')}'.");
            }
        }
        if (file is null) throw new UserErrorException("Command 'bargain' is missing required argument 'FILE'.");
        var options = new BargainOptions(file, model ?? BargainOptions.DefaultModel, perturb, runs ?? BargainOptions.DefaultRuns,
            seed ?? BargainOptions.DefaultSeed, output, db, noDb);
        return options.Problem() is { } problem ? throw new UserErrorException(problem) : options;
    }

    private static void Set(ref string? slot, string name, string value)
    {
        if (slot is not null) throw new UserErrorException($"{name} given twice");
        slot = value;
    }
}
