using CsCheck;

namespace Peninsula.Core.Tests;

public class SplitTheDifferenceZoneTests
{
    private const double Tolerance = 1e-12; // terms are a few IEEE operations on values <= 100

    private static readonly IAgreementZone Zone = SplitTheDifferenceZone.Instance;

    [Theory]
    [InlineData(39.9, 40.0)]
    [InlineData(0.0, 100.0)]
    [InlineData(50.0, 50.000001)]
    public void TryFind_ChallengerMaxBelowPrincipalMin_NoZone(double challengerMax, double principalMin)
    {
        var found = Zone.TryFind(new ZoneQuery(challengerMax, principalMin, 80, 60), out var terms);

        Assert.False(found);
        Assert.Equal(default, terms);
    }

    [Fact]
    public void TryFind_Overlap_ScopeIsMidpointAndPaymentsProportional()
    {
        var found = Zone.TryFind(new ZoneQuery(ChallengerMaxScope: 80, PrincipalMinScope: 40, ReliefOffered: 50, NormalizationOffered: 30), out var terms);

        Assert.True(found);
        Assert.Equal(60.0, terms.Scope, Tolerance);
        Assert.Equal(50.0 * 0.6, terms.Relief, Tolerance);
        Assert.Equal(30.0 * 0.6, terms.Normalization, Tolerance);
    }

    [Fact]
    public void TryFind_EqualReservationPoints_ZoneAtThatPoint()
    {
        Assert.True(Zone.TryFind(new ZoneQuery(35, 35, 100, 100), out var terms));
        Assert.Equal(new ZoneTerms(35, 35, 35), terms);
    }

    [Fact]
    public void TryFind_FullScope_PaysEverythingOffered()
    {
        Assert.True(Zone.TryFind(new ZoneQuery(100, 100, 70, 20), out var terms));
        Assert.Equal(new ZoneTerms(100, 70, 20), terms);
    }

    [Fact]
    public void TryFind_AnyQueryOnTheScale_ZoneIffReservationPointsOverlapAndTermsBetweenThem()
    {
        var scale = Gen.Double[0.0, 100.0];
        Gen.Select(scale, scale, scale, scale).Sample((challengerMax, principalMin, relief, normalization) =>
        {
            var found = Zone.TryFind(new ZoneQuery(challengerMax, principalMin, relief, normalization), out var terms);

            Assert.Equal(challengerMax >= principalMin, found);
            if (!found) return;
            Assert.InRange(terms.Scope, principalMin, challengerMax);
            Assert.Equal(relief * terms.Scope / 100, terms.Relief, Tolerance);
            Assert.Equal(normalization * terms.Scope / 100, terms.Normalization, Tolerance);
            Assert.InRange(terms.Relief, 0.0, relief);
            Assert.InRange(terms.Normalization, 0.0, normalization);
        }, iter: 10_000);
    }

    [Fact]
    public void TryFind_SwappedOverlap_IsSymmetricInTheTwoReservationPoints()
    {
        // The split is symmetric: moving either side's point by d moves the scope by d/2.
        Assert.True(Zone.TryFind(new ZoneQuery(90, 30, 10, 10), out var wide));
        Assert.True(Zone.TryFind(new ZoneQuery(80, 40, 10, 10), out var narrow));
        Assert.Equal(wide.Scope, narrow.Scope, Tolerance);
    }
}
