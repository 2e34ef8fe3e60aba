using System.Collections.Concurrent;
using System.Collections.Immutable;
using Peninsula.Core;

namespace Peninsula.Bargaining.Zone;

/// <summary>Which stakeholders and dimensions of an issue space play the simulation's roles.</summary>
/// <param name="Challenger">Stakeholder whose scope position becomes the challenger's current reservation point.</param>
/// <param name="Principal">Stakeholder whose positions become the principal's declared demand and offers.</param>
/// <param name="Scope">Index of the scope (denuclearization) dimension.</param>
/// <param name="Relief">Index of the sanctions-relief dimension.</param>
/// <param name="Normalization">Index of the normalization dimension.</param>
public sealed record ZoneRoles(string Challenger, string Principal, int Scope, int Relief, int Normalization);

/// <summary>
/// The agreement-zone interface answered by a bargaining model (DESIGN section 5): the two sides' current reservation
/// points replace their positions (the challenger's most far-reaching acceptable scope, the principal's declared
/// demand, relief and normalization on offer), every other stakeholder keeps its position, salience and capability,
/// and the model's outcome gives the terms. A zone exists only when the outcome's scope is acceptable to both sides
/// (between the principal's demand and the challenger's maximum): third parties can close a zone the two principals
/// alone would have. Queries are rounded to 0.5 on every dimension before the model is asked and the answers
/// cached per rounded query, so the simulation pays for each distinct query once and the answer never depends on
/// which run asked first (results are identical on any number of threads).
/// </summary>
public sealed class BargainingZone : IAgreementZone
{
    private readonly IssueSpace _space;
    private readonly IBargainingModel _model;
    private readonly int _challenger;
    private readonly int _principal;
    private readonly ZoneRoles _roles;
    private readonly ConcurrentDictionary<(int, int, int, int), (bool, ZoneTerms)> _cache = new();

    /// <summary>Creates the zone; throws <see cref="ArgumentException"/> when a role or dimension is missing.</summary>
    public BargainingZone(IssueSpace space, IBargainingModel model, ZoneRoles roles)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(roles);
        _space = space;
        _model = model;
        _roles = roles;
        _challenger = IndexOf(space, roles.Challenger);
        _principal = IndexOf(space, roles.Principal);
        foreach (var d in new[] { roles.Scope, roles.Relief, roles.Normalization })
        {
            if (d < 0 || d >= space.DimensionCount) throw new ArgumentException($"dimension {d} is outside the issue space's {space.DimensionCount} dimensions");
        }
    }

    /// <summary>The model answering queries.</summary>
    public IBargainingModel Model => _model;

    /// <inheritdoc />
    public bool TryFind(in ZoneQuery query, out ZoneTerms terms)
    {
        if (query.ChallengerMaxScope < query.PrincipalMinScope)
        {
            terms = default;
            return false;
        }
        // The model is asked about the query rounded to 0.5 on each dimension, so the answer is a function of the
        // cache key alone: whichever run asks first, every run gets the same terms (results do not depend on threads).
        var key = (Key(query.ChallengerMaxScope), Key(query.PrincipalMinScope), Key(query.ReliefOffered), Key(query.NormalizationOffered));
        // A static factory with this zone as its argument: no closure is allocated per query (the simulator's hot loop).
        var (found, t) = _cache.GetOrAdd(key, static (k, zone) => zone.Solve(new ZoneQuery(k.Item1 / 2.0, k.Item2 / 2.0, k.Item3 / 2.0, k.Item4 / 2.0)), this);
        terms = t;
        return found;
    }

    /// <summary>The issue space with the two sides' reservation points in place of their positions.</summary>
    public IssueSpace WithReservationPoints(in ZoneQuery query)
    {
        var actors = _space.Stakeholders.ToBuilder();
        actors[_challenger] = With(actors[_challenger], _roles.Scope, Clamp(query.ChallengerMaxScope));
        var p = actors[_principal];
        p = With(p, _roles.Scope, Clamp(query.PrincipalMinScope));
        p = With(p, _roles.Relief, Clamp(query.ReliefOffered));
        p = With(p, _roles.Normalization, Clamp(query.NormalizationOffered));
        actors[_principal] = p;
        return _space with { Stakeholders = actors.MoveToImmutable() };
    }

    private (bool, ZoneTerms) Solve(ZoneQuery query)
    {
        var result = _model.Run(WithReservationPoints(query));
        var f = result.Forecast;
        var scope = f[_roles.Scope];
        var acceptable = scope >= query.PrincipalMinScope - 1e-9 && scope <= query.ChallengerMaxScope + 1e-9;
        return (acceptable, acceptable ? new ZoneTerms(scope, f[_roles.Relief], f[_roles.Normalization]) : default);
    }

    private static int Key(double x) => (int)Math.Round(2.0 * Clamp(x));

    private static double Clamp(double x) => Math.Clamp(x, 0.0, 100.0);

    private static Stakeholder With(Stakeholder s, int dimension, double value) =>
        s with { Positions = s.Positions.SetItem(dimension, value) };

    private static int IndexOf(IssueSpace space, string name)
    {
        for (var i = 0; i < space.ActorCount; i++) if (space.Stakeholders[i].Name == name) return i;
        throw new ArgumentException($"no stakeholder '{name}' in {space.Name} (has: {string.Join(", ", space.Stakeholders.Select(s => s.Name))})");
    }
}

/// <summary>The bargaining models by id.</summary>
public static class BargainingModels
{
    /// <summary>Model ids, in order ("ktab-smp" is accepted as another name for "smp").</summary>
    public static ImmutableArray<string> Ids { get; } = ["compromise", "median", "nash", "bdm", "smp"];

    /// <summary>Creates the model with id <paramref name="id"/>, or null.</summary>
    public static IBargainingModel? Create(string id) => id switch
    {
        "compromise" => new Models.CompromiseModel(),
        "median" => new Models.WeightedMedianModel(),
        "nash" => new Models.NashModel(),
        "bdm" => new Models.ExpectedUtilityModel(),
        "smp" or "ktab-smp" => SmpFactory(),
        _ => null,
    };

    /// <summary>The SMP model (a separate file so the registry compiles while SMP is developed).</summary>
    private static IBargainingModel SmpFactory() => new Smp.SmpModel();
}
