using CsCheck;

namespace Peninsula.Scoring.Tests;

public class BaselinesTests
{
    private static int[] Months(int n, int firstMonth)
    {
        var m = new int[n];
        for (var t = 0; t < n; t++) m[t] = (firstMonth - 1 + t) % 12 + 1;
        return m;
    }

    private sealed record History(int K, int[] Labels, int[] MonthOfYear, int RecentStart);

    private static readonly Gen<History> GenHistory =
        Gen.Int[2, 7].SelectMany(k =>
            Gen.Select(Gen.Int[0, k - 1].Array[1, 120], Gen.Int[1, 12], Gen.Int[0, 130])
                .Select((labels, first, start) => new History(k, labels, Months(labels.Length, first), start)));

    private static IReadOnlyList<IBaseline> All(History h) =>
        Baselines.CreateAll(h.Labels, h.MonthOfYear, h.K, h.RecentStart);

    [Fact]
    public void CreateAll_ReturnsTheSixBaselinesInOrder()
    {
        var all = Baselines.CreateAll([0, 1, 2], [1, 2, 3], 3, 0);
        Assert.Equal(
            [BaselineIds.LongRun, BaselineIds.RecentRate, BaselineIds.Last12, BaselineIds.Markov, BaselineIds.Seasonal, BaselineIds.Ewma],
            all.Select(b => b.Id).ToArray());
        Assert.All(all, b => Assert.Equal(3, b.Categories));
    }

    [Fact]
    public void AllBaselines_RandomHistories_ValidDistributionsAndMonotoneWithinProbabilities()
    {
        GenHistory.Sample(h =>
        {
            foreach (var b in All(h))
            {
                foreach (var lead in new[] { 1, 2, 5, 12, 13, 30 })
                {
                    var d = b.Distribution(lead);
                    Assert.Equal(h.K, d.Length);
                    Assert.All(d, p => Assert.InRange(p, 0.0, 1.0));
                    Assert.Equal(1.0, d.Sum(), 12);
                }
                for (var k = 0; k <= h.K; k++)
                {
                    var previous = b.ProbabilityWithin(k, 0);
                    Assert.Equal(0.0, previous);
                    for (var horizon = 1; horizon <= 48; horizon++)
                    {
                        var p = b.ProbabilityWithin(k, horizon);
                        Assert.InRange(p, 0.0, 1.0);
                        Assert.True(p >= previous, $"{b.Id}: P(≥{k} within {horizon}) = {p} < {previous}");
                        previous = p;
                    }
                    Assert.Equal(b.ProbabilityAtLeast(k, 1), b.ProbabilityWithin(k, 1), 12);
                }
                Assert.Equal(1.0, b.ProbabilityWithin(0, 3));
                Assert.Equal(0.0, b.ProbabilityWithin(h.K, 3));
            }
        }, iter: 200);
    }

    [Fact]
    public void AllBaselines_UseOnlyTheLabelsGiven()
    {
        GenHistory.Sample(h =>
        {
            var origin = h.Labels.Length / 2;
            var prefixLabels = h.Labels[..(origin + 1)];
            var prefixMonths = h.MonthOfYear[..(origin + 1)];
            var fromPrefix = Baselines.CreateAll(prefixLabels, prefixMonths, h.K, h.RecentStart);
            var fromSpan = Baselines.CreateAll(h.Labels.AsSpan(0, origin + 1), h.MonthOfYear.AsSpan(0, origin + 1), h.K, h.RecentStart);

            // Scramble everything after the origin and the caller's copies: nothing may change.
            var future = (int[])h.Labels.Clone();
            for (var t = origin + 1; t < future.Length; t++) future[t] = (future[t] + 1) % h.K;
            var fromScrambled = Baselines.CreateAll(future.AsSpan(0, origin + 1), h.MonthOfYear.AsSpan(0, origin + 1), h.K, h.RecentStart);
            var before = Snapshot(fromPrefix);
            Array.Fill(prefixLabels, 0);
            Array.Fill(h.Labels, h.K - 1);

            Assert.Equal(before, Snapshot(fromPrefix));
            Assert.Equal(before, Snapshot(fromSpan));
            Assert.Equal(before, Snapshot(fromScrambled));
        }, iter: 100);
    }

    private static double[] Snapshot(IReadOnlyList<IBaseline> baselines)
    {
        var values = new List<double>();
        foreach (var b in baselines)
            for (var lead = 1; lead <= 24; lead += 5)
            {
                values.AddRange(b.Distribution(lead));
                for (var k = 0; k <= b.Categories; k++) values.Add(b.ProbabilityWithin(k, lead));
            }
        return [.. values];
    }

    [Fact]
    public void LongRun_MatchesJeffreysSmoothedCounts()
    {
        var b = Baselines.LongRun([0, 0, 1], [1, 2, 3], 3);
        var expected = new[] { 2.5 / 4.5, 1.5 / 4.5, 0.5 / 4.5 };
        Assert.Equal(expected, b.Distribution(1), new DoubleTolerance(1e-15));
        Assert.Equal(expected, b.Distribution(17), new DoubleTolerance(1e-15));
        var q = 2.0 / 4.5;
        Assert.Equal(1 - (1 - q) * (1 - q), b.ProbabilityWithin(1, 2), 14);
        Assert.Equal(1 - Math.Pow(1 - 0.5 / 4.5, 6), b.ProbabilityWithin(2, 6), 14);
    }

    [Fact]
    public void RecentRate_UsesMonthsFromTheStartIndex()
    {
        int[] labels = [2, 2, 2, 2, 0, 1];
        var b = Baselines.RecentRate(labels, Months(6, 1), 3, startIndex: 4);
        Assert.Equal([1.5 / 3.5, 1.5 / 3.5, 0.5 / 3.5], b.Distribution(1), new DoubleTolerance(1e-15));
        var empty = Baselines.RecentRate(labels, Months(6, 1), 3, startIndex: 6);
        Assert.Equal([1 / 3.0, 1 / 3.0, 1 / 3.0], empty.Distribution(1), new DoubleTolerance(1e-15));
    }

    [Fact]
    public void Last12_UsesTheLastTwelveMonthsOnly()
    {
        var labels = Enumerable.Repeat(0, 24).Concat(Enumerable.Repeat(2, 12)).ToArray();
        var b = Baselines.Last12(labels, Months(36, 1), 3);
        Assert.Equal([0.5 / 13.5, 0.5 / 13.5, 12.5 / 13.5], b.Distribution(1), new DoubleTolerance(1e-15));
        var shortHistory = Baselines.Last12([1, 1], [5, 6], 2);
        Assert.Equal([0.5 / 3, 2.5 / 3], shortHistory.Distribution(1), new DoubleTolerance(1e-15));
    }

    [Fact]
    public void Seasonal_ShrinksEachCalendarMonthTowardTheLongRunRate()
    {
        // Two years from January: every January at level 2, every other month at level 0.
        var months = Months(24, 1);
        var labels = months.Select(m => m == 1 ? 2 : 0).ToArray();
        var b = Baselines.Seasonal(labels, months, 3); // origin: December
        var pi = new[] { 22.5 / 25.5, 0.5 / 25.5, 2.5 / 25.5 };
        var january = new[] { 12 * pi[0] / 14, 12 * pi[1] / 14, (2 + 12 * pi[2]) / 14 };
        var february = new[] { (2 + 12 * pi[0]) / 14, 12 * pi[1] / 14, 12 * pi[2] / 14 };
        Assert.Equal(january, b.Distribution(1), new DoubleTolerance(1e-14));
        Assert.Equal(february, b.Distribution(2), new DoubleTolerance(1e-14));
        Assert.Equal(january, b.Distribution(13), new DoubleTolerance(1e-14));
        Assert.Equal(1 - (1 - january[2]) * (1 - february[2]), b.ProbabilityWithin(2, 2), 14);
    }

    [Fact]
    public void Ewma_WeighsMonthsByHalfLife()
    {
        var w = Math.Pow(2, -1.0 / 12);
        var b = Baselines.Ewma([1, 0], [3, 4], 2);
        Assert.Equal((w + 0.5) / (1 + w + 1), b.Distribution(1)[1], 14);

        var halfLife6 = Baselines.Ewma([1, 0, 0, 0, 0, 0, 0], Months(7, 1), 2, new BaselineOptions { EwmaHalfLife = 6 });
        var total = Enumerable.Range(0, 7).Sum(d => Math.Pow(2, -d / 6.0));
        Assert.Equal((0.5 + 0.5) / (total + 1), halfLife6.Distribution(1)[1], 14);
    }

    [Fact]
    public void Markov_AlternatingChain_ReproducesTheAlternation()
    {
        var labels = Enumerable.Range(0, 100).Select(t => t % 2 == 0 ? 2 : 5).ToArray(); // origin (t = 99) is at 5
        var b = Baselines.Markov(labels, Months(100, 1), 7);
        for (var lead = 1; lead <= 12; lead++)
        {
            var d = b.Distribution(lead);
            var argmax = Array.IndexOf(d, d.Max());
            Assert.Equal(lead % 2 == 1 ? 2 : 5, argmax);
        }
        Assert.True(b.Distribution(1)[2] > 0.9);
        Assert.True(b.ProbabilityWithin(5, 1) < 0.1);   // next month returns to 2
        Assert.True(b.ProbabilityWithin(5, 2) > 0.9);   // and the month after is back at 5
        Assert.True(b.ProbabilityWithin(6, 24) < b.ProbabilityWithin(5, 2));
    }

    [Fact]
    public void Markov_MatchesBruteForceEnumerationOfPaths()
    {
        // Transitions 0→0, 0→1, 1→0, 0→2, 2→2, 2→1; origin at level 1.
        int[] labels = [0, 0, 1, 0, 2, 2, 1];
        double[][] p =
        [
            [1.5 / 4.5, 1.5 / 4.5, 1.5 / 4.5],
            [1.5 / 2.5, 0.5 / 2.5, 0.5 / 2.5],
            [0.5 / 3.5, 1.5 / 3.5, 1.5 / 3.5],
        ];
        var b = Baselines.Markov(labels, Months(7, 1), 3);
        for (var h = 1; h <= 5; h++)
        {
            var marginal = new double[3];
            var within = new double[4];
            Enumerate(1, h, 1.0, -1);
            void Enumerate(int state, int remaining, double prob, int maxSoFar)
            {
                if (remaining == 0)
                {
                    marginal[state] += prob;
                    for (var k = 0; k <= maxSoFar; k++) within[k] += prob;
                    return;
                }
                for (var j = 0; j < 3; j++) Enumerate(j, remaining - 1, prob * p[state][j], Math.Max(maxSoFar, j));
            }
            Assert.Equal(marginal, b.Distribution(h), new DoubleTolerance(1e-14));
            for (var k = 0; k <= 3; k++) Assert.Equal(within[k], b.ProbabilityWithin(k, h), 14);
        }
    }

    [Fact]
    public void Markov_OriginAboveThreshold_DoesNotCountTheOriginMonth()
    {
        // Always 0 except the origin at 1: leaving 1 goes back to 0 most of the time.
        var labels = Enumerable.Repeat(0, 50).Append(1).ToArray();
        var b = Baselines.Markov(labels, Months(51, 1), 2);
        Assert.Equal(0.5 / 1.0, b.ProbabilityWithin(1, 1), 14); // row of level 1 holds no transitions: uniform
        Assert.True(b.ProbabilityWithin(1, 1) < 1.0);
    }

    [Fact]
    public void InvalidHistories_Throw()
    {
        Assert.Throws<ArgumentException>(() => Baselines.LongRun([], [], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.LongRun([3], [1], 3));
        Assert.Throws<ArgumentException>(() => Baselines.LongRun([0, 1], [1, 3], 3));
        Assert.Throws<ArgumentException>(() => Baselines.LongRun([0, 1], [1], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.LongRun([0], [13], 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Baselines.RecentRate([0], [1], 3, -1));
        var b = Baselines.Markov([0, 1], [12, 1], 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Distribution(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.ProbabilityWithin(3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.ProbabilityWithin(1, -1));
    }

    private sealed class DoubleTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
