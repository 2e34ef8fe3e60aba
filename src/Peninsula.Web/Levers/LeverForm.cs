using System.Collections.Immutable;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Peninsula.Web.Levers;

/// <summary>
/// What the scenario page's form holds: the base package, the levers, runs, seed and whether to run every package.
/// Values stay text as typed; <see cref="FormErrors"/> collects problems per field in the CLI's words.
/// </summary>
/// <param name="Base">Base package id.</param>
/// <param name="Levers">The levers.</param>
/// <param name="Runs">Monte Carlo runs per package, as typed.</param>
/// <param name="Seed">Random seed, as typed.</param>
/// <param name="AllPackages">Also run every other package of the scenario.</param>
public sealed record LeverForm(string Base, PolicyLevers Levers, string Runs, string Seed, bool AllPackages)
{
    /// <summary>Runs per package the form starts with.</summary>
    public const int DefaultRuns = 10_000;

    /// <summary>The form as it starts: the base package's levers, default runs, seed 1.</summary>
    public static LeverForm Start(string basePolicy, PolicyLevers levers) =>
        new(basePolicy, levers, DefaultRuns.ToString(CultureInfo.InvariantCulture), "1", false);

    /// <summary>Reads a submitted form; over-long values and too many channels are reported in <paramref name="errors"/>.</summary>
    public static LeverForm Read(IFormCollection form, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(errors);
        string Text(string field)
        {
            var value = form[field].ToString().Trim();
            if (value.Length <= WebOptions.MaxFieldLength) return value;
            errors.Add(field, $"{field}: the value is longer than {WebOptions.MaxFieldLength} characters");
            return value[..WebOptions.MaxFieldLength];
        }
        bool On(string field) => form[field].Any(v => v is "on" or "true" or "1");
        var channels = form["channels"].Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
        if (channels.Length > 32 || channels.Any(c => c.Length > 64))
        {
            errors.Add("channels", "channels: at most 32 channel ids of up to 64 characters");
            channels = [.. channels.Take(32).Select(c => c.Length > 64 ? c[..64] : c)];
        }
        var levers = new PolicyLevers(
            On("message"), Text("message_start"), channels, On("conditional"),
            On("aid"), Text("aid_start"), Text("aid_level"),
            Text("talks"), Text("demand"), Text("relief_offer"), Text("normalization_offer"), Text("mediator_coordination"),
            Text("engagement"), Text("pressure"), Text("exercise_scale"));
        return new LeverForm(Text("base"), levers, Text("runs"), Text("seed"), On("all"));
    }

    /// <summary>
    /// Runs and seed as numbers, with the CLI's messages for what it would refuse, plus this server's run limit.
    /// </summary>
    public (int Runs, ulong Seed)? Simulation(int maxRuns, FormErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var ok = true;
        if (!int.TryParse(Runs, NumberStyles.Integer, CultureInfo.InvariantCulture, out var runs))
        {
            errors.Add("runs", $"Failed to convert '{Runs}' to Int32.");
            ok = false;
        }
        if (!ulong.TryParse(Seed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
        {
            errors.Add("seed", $"Failed to convert '{Seed}' to UInt64.");
            ok = false;
        }
        if (!ok) return null;
        if (new SimulationOptions(runs, seed).Problem() is { } problem)
        {
            errors.Add("runs", problem);
            return null;
        }
        if (runs > maxRuns)
        {
            errors.Add("runs", $"--runs must be at most {maxRuns.ToString(CultureInfo.InvariantCulture)} on this server (got {runs.ToString(CultureInfo.InvariantCulture)}); 'peninsula serve --max-runs N' raises the limit");
            return null;
        }
        return (runs, seed);
    }
}

/// <summary>Problems with a submitted form: per field, and for the form as a whole.</summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    /// <summary>True when nothing was reported.</summary>
    public bool IsEmpty => _byField.Count == 0 && _general.Count == 0;

    /// <summary>Problems not tied to one field.</summary>
    public IReadOnlyList<string> General => _general;

    /// <summary>Reports a problem with <paramref name="field"/> (null: the whole form).</summary>
    public void Add(string? field, string message)
    {
        if (field is null)
        {
            _general.Add(message);
            return;
        }
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    /// <summary>The problems reported for <paramref name="field"/>.</summary>
    public IReadOnlyList<string> For(string field) => _byField.TryGetValue(field, out var list) ? list : [];

    /// <summary>Every problem, field by field then general.</summary>
    public IEnumerable<string> All => _byField.Values.SelectMany(v => v).Concat(_general);

    /// <summary>
    /// Files a scenario loader line ("file:line: policies.ID.path: message") under the lever it is about, or as a
    /// general problem.
    /// </summary>
    public void AddScenarioLine(string line, string policyId)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (PolicyLevers.FieldOf(line, policyId) is { } field)
        {
            Add(field, line);
            return;
        }
        Add(null, line);
    }
}
