using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

/// <summary>The declared actors grouped by role, in declaration order.</summary>
internal sealed class RoleTable
{
    private readonly Dictionary<string, List<YEntry>> _byRole = new(StringComparer.Ordinal);

    public RoleTable(YMap? actors)
    {
        Actors = actors;
        if (actors is null) return;
        foreach (var actor in actors.Entries)
        {
            if ((actor.Value as YMap)?.List("roles") is not { } roles) continue;
            foreach (var (role, _, _) in roles.Texts().DistinctBy(r => r.Text))
            {
                if (!_byRole.TryGetValue(role, out var list)) _byRole[role] = list = [];
                list.Add(actor);
            }
        }
    }

    /// <summary>The <c>actors</c> mapping, when present.</summary>
    public YMap? Actors { get; }

    /// <summary>Actors holding <paramref name="role"/>, in declaration order.</summary>
    public IReadOnlyList<YEntry> With(string role) => _byRole.TryGetValue(role, out var list) ? list : [];

    /// <summary>The only actor holding <paramref name="role"/>, or null when none or several do.</summary>
    public string? Single(string role) => With(role) is [var only] ? only.Key : null;

    public bool IsDeclared(string actor) => Actors?.Find(actor) is not null;
}
