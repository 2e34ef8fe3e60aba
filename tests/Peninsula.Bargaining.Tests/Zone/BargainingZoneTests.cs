using System.Collections.Immutable;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Zone;
using Peninsula.Core;

namespace Peninsula.Bargaining.Tests.Zone;

public sealed class BargainingZoneTests
{
    private static Stakeholder Actor(string name, double capability, double scope, double relief, double norm, double s1 = 50, double s2 = 30, double s3 = 20) =>
        new(name, "", capability, [scope, relief, norm], [s1, s2, s3]);

    private static IssueSpace Space(params Stakeholder[] actors) =>
        new("test", "", ["scope", "relief", "normalization"], [.. actors]);

    private static readonly ZoneRoles Roles = new("C", "P", 0, 1, 2);

    [Fact]
    public void NoOverlapOfReservationPoints_NoZone()
    {
        var zone = new BargainingZone(Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("X", 10, 50, 50, 50)), new CompromiseModel(), Roles);
        Assert.False(zone.TryFind(new ZoneQuery(30, 60, 20, 20), out _));
    }

    [Fact]
    public void TwoPrincipalsAlone_TermsAreTheCompromiseOfTheirReservationPoints()
    {
        // A third stakeholder with zero capability has no weight: the compromise of the two reservation points remains.
        var zone = new BargainingZone(Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("X", 0, 0, 0, 0)), new CompromiseModel(), Roles);
        Assert.True(zone.TryFind(new ZoneQuery(70, 40, 30, 20), out var terms));
        Assert.Equal(55.0, terms.Scope, 9);                // (70 + 40) / 2 with equal capability and salience
        Assert.Equal((30.0 + 90.0) / 2, terms.Relief, 9);  // principal's offer against the challenger's own position
        Assert.Equal((20.0 + 80.0) / 2, terms.Normalization, 9);
    }

    [Fact]
    public void AThirdPartyCanCloseAZoneTheTwoSidesWouldHave()
    {
        // A heavy hard-liner at 100 pulls the outcome's scope above what the challenger accepts.
        var space = Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("Hawk", 300, 100, 0, 0));
        var zone = new BargainingZone(space, new CompromiseModel(), Roles);
        var query = new ZoneQuery(60, 40, 30, 20);
        Assert.False(zone.TryFind(query, out _));
        Assert.True(new BargainingZone(space with { Stakeholders = space.Stakeholders.SetItem(2, Actor("Hawk", 0, 100, 0, 0)) }, new CompromiseModel(), Roles).TryFind(query, out _));
    }

    [Fact]
    public void ReservationPointsReplaceOnlyTheTwoSidesPositions()
    {
        var space = Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("X", 40, 50, 50, 50));
        var replaced = new BargainingZone(space, new CompromiseModel(), Roles).WithReservationPoints(new ZoneQuery(65, 45, 35, 25));
        Assert.Equal([45.0, 35.0, 25.0], replaced.Stakeholders[0].Positions.ToArray());
        Assert.Equal([65.0, 90.0, 80.0], replaced.Stakeholders[1].Positions.ToArray());
        Assert.Equal(space.Stakeholders[2], replaced.Stakeholders[2]);
    }

    [Fact]
    public void SameQueryFromManyThreads_SameTerms()
    {
        var zone = new BargainingZone(Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("X", 40, 50, 50, 50)), new Peninsula.Bargaining.Smp.SmpModel(), Roles);
        var results = new ZoneTerms[64];
        var found = new bool[64];
        Parallel.For(0, 64, i => found[i] = zone.TryFind(new ZoneQuery(80, 30, 40, 30), out results[i]));
        Assert.All(found, f => Assert.Equal(found[0], f));
        Assert.All(results, r => Assert.Equal(results[0], r));
    }

    [Fact]
    public void QueriesThatRoundAlike_GetTheSameAnswerWhicheverIsAskedFirst()
    {
        var space = Space(Actor("P", 100, 90, 10, 10), Actor("C", 100, 20, 90, 80), Actor("X", 40, 50, 50, 50));
        var a = new ZoneQuery(70.1, 40.05, 30.2, 20.1);
        var b = new ZoneQuery(69.9, 39.95, 29.8, 19.9);
        var first = new BargainingZone(space, new CompromiseModel(), Roles);
        var second = new BargainingZone(space, new CompromiseModel(), Roles);
        Assert.True(first.TryFind(a, out var fa));
        Assert.True(first.TryFind(b, out var fb));
        Assert.True(second.TryFind(b, out var sb));
        Assert.True(second.TryFind(a, out var sa));
        Assert.Equal(fa, sa);
        Assert.Equal(fb, sb);
        Assert.Equal(fa, fb);
    }

    [Fact]
    public void UnknownStakeholder_IsAClearError()
    {
        var e = Assert.Throws<ArgumentException>(() => new BargainingZone(Space(Actor("P", 1, 0, 0, 0), Actor("C", 1, 0, 0, 0), Actor("X", 1, 0, 0, 0)), new CompromiseModel(), Roles with { Principal = "USA" }));
        Assert.Contains("no stakeholder 'USA'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_CreatesEveryModel()
    {
        foreach (var id in BargainingModels.Ids) Assert.Equal(id, BargainingModels.Create(id)!.Id);
        Assert.Null(BargainingModels.Create("nope"));
    }
}
