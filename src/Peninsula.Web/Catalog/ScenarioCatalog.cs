using System.Collections.Immutable;
using Peninsula.Cli.Infrastructure;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Catalog;

/// <summary>A shipped scenario the app offers: its id (the file name without .yaml), loaded session and YAML tree.</summary>
/// <param name="Id">File name without extension, e.g. <c>transition-2021</c>.</param>
/// <param name="Session">The validated scenario with its calibration.</param>
/// <param name="Document">The file as a YAML tree, for reading and editing levers.</param>
public sealed record ScenarioEntry(string Id, ScenarioSession Session, ScenarioDocument Document);

/// <summary>
/// The runnable scenarios in the repository's <c>scenarios/</c> folder, loaded once on first use. Requests name a
/// scenario by id, which is looked up here: a request never supplies a path.
/// </summary>
public sealed class ScenarioCatalog
{
    private readonly Lazy<ImmutableArray<ScenarioEntry>> _entries;

    /// <summary>Catalogues <paramref name="scenariosRoot"/> (files are read on first use).</summary>
    public ScenarioCatalog(string scenariosRoot, string codeVersion)
    {
        Root = Path.GetFullPath(scenariosRoot);
        _entries = new Lazy<ImmutableArray<ScenarioEntry>>(() => Load(Root, codeVersion), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Scenario files that are not forecasts: history.yaml is the frame 'peninsula history' replays the record in.</summary>
    public static ImmutableArray<string> NotForecasts { get; } = ["history"];

    /// <summary>The scenarios folder.</summary>
    public string Root { get; }

    /// <summary>Every runnable scenario, newest start first.</summary>
    public ImmutableArray<ScenarioEntry> Entries => _entries.Value;

    /// <summary>The scenario with id <paramref name="id"/>, or null.</summary>
    public ScenarioEntry? Find(string? id) => id is null ? null : Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    private static ImmutableArray<ScenarioEntry> Load(string root, string codeVersion)
    {
        var entries = new List<ScenarioEntry>();
        if (!Directory.Exists(root)) return [];
        foreach (var file in Directory.GetFiles(root, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            ScenarioSession session;
            try
            {
                session = ScenarioSession.Open(file, codeVersion, null);
            }
            catch (Exception e) when (e is ScenarioInvalidException or UserErrorException or IOException)
            {
                continue; // bases (no start or policies) and anything not runnable as is
            }
            if (session.Spec.Policies.Length == 0 || NotForecasts.Contains(Path.GetFileNameWithoutExtension(file))) continue;
            if (ScenarioDocument.Load(root, file) is not { } document) continue;
            entries.Add(new ScenarioEntry(Path.GetFileNameWithoutExtension(file), session, document));
        }
        return [.. entries.OrderByDescending(e => e.Session.Spec.Start.Index)];
    }
}
