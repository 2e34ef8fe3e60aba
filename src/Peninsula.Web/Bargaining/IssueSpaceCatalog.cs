using System.Collections.Immutable;
using Peninsula.Bargaining;
using Peninsula.Bargaining.Input;

namespace Peninsula.Web.Bargaining;

/// <summary>A shipped issue space: id (file name without .yaml), file name, text and the parsed space.</summary>
public sealed record IssueSpaceEntry(string Id, string FileName, string Text, IssueSpace Space);

/// <summary>The issue spaces in <c>scenarios/bargaining/</c>, read once on first use; requests name one by id.</summary>
public sealed class IssueSpaceCatalog
{
    private readonly Lazy<ImmutableArray<IssueSpaceEntry>> _entries;

    /// <summary>Catalogues the YAML issue spaces in <paramref name="folder"/>.</summary>
    public IssueSpaceCatalog(string folder)
    {
        _entries = new Lazy<ImmutableArray<IssueSpaceEntry>>(() => Load(folder), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Every readable issue space, in file-name order.</summary>
    public ImmutableArray<IssueSpaceEntry> Entries => _entries.Value;

    /// <summary>The issue space with id <paramref name="id"/>, or null.</summary>
    public IssueSpaceEntry? Find(string? id) => id is null ? null : Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.Ordinal));

    private static ImmutableArray<IssueSpaceEntry> Load(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var entries = new List<IssueSpaceEntry>();
        foreach (var file in Directory.GetFiles(folder, "*.yaml").OrderBy(f => f, StringComparer.Ordinal))
        {
            try
            {
                var text = File.ReadAllText(file);
                var name = Path.GetFileName(file);
                entries.Add(new IssueSpaceEntry(Path.GetFileNameWithoutExtension(file), name, text, BargainingYamlReader.Parse(name, text)));
            }
            catch (Exception e) when (e is BargainingInputException or IOException)
            {
                // not offered
            }
        }
        return [.. entries];
    }
}
