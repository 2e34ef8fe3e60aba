using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Output;

namespace Peninsula.App;

/// <summary>One headline outcome of one sweep cell.</summary>
/// <param name="P">Probability of the outcome within its window.</param>
/// <param name="Ci95Mc">Monte Carlo 95% interval of <paramref name="P"/> (Wilson, as in the forecast).</param>
/// <param name="Ci90Param">Parameter-uncertainty 90% interval of <paramref name="P"/>.</param>
/// <param name="PerDraw">P within each parameter draw's block of runs (the same K parameter vectors in every cell).</param>
/// <param name="VsBase">P(this cell) − P(base cell), paired run by run.</param>
/// <param name="Ci95McUnpaired">What the Monte Carlo 95% interval of <paramref name="VsBase"/> would be without common random numbers.</param>
public sealed record SweepCellOutcome(double P, (double Lo, double Hi) Ci95Mc, (double Lo, double Hi) Ci90Param, ImmutableArray<double> PerDraw,
    Estimate VsBase, (double Lo, double Hi) Ci95McUnpaired);

/// <summary>A cell's results: one <see cref="SweepCellOutcome"/> per headline outcome, and its whole forecast.</summary>
public sealed record SweepCellSummary(SweepCell Cell, string RunId, SweepCellStatus Status, ImmutableArray<SweepCellOutcome> Outcomes, ForecastDocument Forecast);

/// <summary>
/// One value of a grid key, averaged over every combination of the other keys' values (the grid is a full product,
/// so each value is seen with the same combinations).
/// </summary>
/// <param name="Value">The key's value.</param>
/// <param name="Level">Per headline outcome: the mean probability over the cells with this value.</param>
/// <param name="VsFirst">Per headline outcome: the mean paired difference against the key's first value.</param>
public sealed record SweepValueEffect(string Value, ImmutableArray<Estimate> Level, ImmutableArray<Estimate> VsFirst);

/// <summary>The extent of one key's effect on one outcome: the smallest and largest change against the key's first value (0 at the first value itself).</summary>
public sealed record SweepSwing(double Low, string LowValue, double High, string HighValue)
{
    /// <summary>High − Low: how much the outcome moves across the key's values.</summary>
    public double Width => High - Low;
}

/// <summary>How sensitive the headline outcomes are to one grid key.</summary>
/// <param name="Key">The grid key.</param>
/// <param name="Values">Each value's marginal effect, in grid order.</param>
/// <param name="Swings">Per headline outcome, the range of the effects.</param>
public sealed record SweepSensitivity(string Key, ImmutableArray<SweepValueEffect> Values, ImmutableArray<SweepSwing> Swings);

/// <summary>Two packages whose overall order (<paramref name="Higher"/> has the larger probability) is reversed in some parameter draws.</summary>
/// <param name="Higher">The package with the larger probability over all draws.</param>
/// <param name="Lower">The other package.</param>
/// <param name="Reversed">Draws in which <paramref name="Lower"/> had the larger probability.</param>
/// <param name="ClearlyReversed">Of those, draws in which the reversal is beyond Monte Carlo noise (the paired difference's 95% interval in that draw excludes 0).</param>
public sealed record SweepPairReversal(string Higher, string Lower, int Reversed, int ClearlyReversed);

/// <summary>The ranking of the swept packages on one headline outcome, overall and within each parameter draw.</summary>
/// <param name="Order">Packages by decreasing probability over all draws (ties in grid order).</param>
/// <param name="P">Each package's probability, averaged over the other keys' values, in <paramref name="Order"/>.</param>
/// <param name="SameOrderDraws">Draws in which no pair of packages is in the opposite order.</param>
/// <param name="FirstDraws">For each package in <paramref name="Order"/>, the draws in which it alone had the largest probability (a tie at the top counts for none).</param>
/// <param name="Pairs">Every pair, higher first in <paramref name="Order"/>.</param>
public sealed record SweepRanking(ImmutableArray<string> Order, ImmutableArray<double> P, int SameOrderDraws, ImmutableArray<int> FirstDraws, ImmutableArray<SweepPairReversal> Pairs);

/// <summary>
/// What a sweep found: every cell with paired differences against the base cell, the sensitivity of each headline
/// outcome to each grid key, and whether the ranking of the swept packages holds in every parameter draw.
/// </summary>
public sealed class SweepReport
{
    private const double Z95 = 1.959963984540054;

    private SweepReport(SweepPlan plan, IReadOnlyList<(Outcomes.Event Event, int Window)> headline, ImmutableArray<SweepCellRun> runs,
        ImmutableArray<SweepCellSummary> cells, ImmutableArray<SweepSensitivity> sensitivity, ImmutableArray<SweepRanking> ranking)
    {
        Plan = plan;
        Headline = [.. headline];
        Cells = cells;
        Sensitivity = sensitivity;
        Ranking = ranking;
        var first = runs[0];
        Runs = first.Request.Runs;
        Months = first.Request.Months;
        ParameterDraws = first.Request.ParameterDraws;
        Seed = first.Request.Seed;
        Provenance = first.Forecast.Provenance;
        Start = first.Forecast.Start;
    }

    /// <summary>The sweep's cells and grid.</summary>
    public SweepPlan Plan { get; }

    /// <summary>The outcomes reported, in order: every per-outcome array below is indexed like this.</summary>
    public ImmutableArray<(Outcomes.Event Event, int Window)> Headline { get; }

    /// <summary>Every cell, in grid order.</summary>
    public ImmutableArray<SweepCellSummary> Cells { get; }

    /// <summary>One entry per grid key, in grid order.</summary>
    public ImmutableArray<SweepSensitivity> Sensitivity { get; }

    /// <summary>Per headline outcome, the ranking of the swept packages; empty when the grid does not sweep two or more packages.</summary>
    public ImmutableArray<SweepRanking> Ranking { get; }

    /// <summary>Monte Carlo runs per cell.</summary>
    public int Runs { get; }

    /// <summary>Horizon in months.</summary>
    public int Months { get; }

    /// <summary>Parameter vectors K (the same K in every cell).</summary>
    public int ParameterDraws { get; }

    /// <summary>Random seed.</summary>
    public ulong Seed { get; }

    /// <summary>First month (YYYY-MM).</summary>
    public string Start { get; }

    /// <summary>Provenance of the base cell (code version, data and calibration hashes).</summary>
    public Provenance Provenance { get; }

    /// <summary>Cells simulated from scratch.</summary>
    public int Computed => Cells.Count(c => c.Status == SweepCellStatus.Computed);

    /// <summary>Cells completed from batches an interrupted sweep had committed.</summary>
    public int Resumed => Cells.Count(c => c.Status == SweepCellStatus.Resumed);

    /// <summary>Cells found complete in the store and not simulated again.</summary>
    public int Skipped => Cells.Count(c => c.Status == SweepCellStatus.Skipped);

    /// <summary>The outcome id of headline entry <paramref name="h"/> (e.g. <c>level>=5</c>).</summary>
    public string OutcomeId(int h) => Outcomes.Ids[(int)Headline[h].Event];

    /// <summary>Analyses the cells' runs (in plan order).</summary>
    public static SweepReport Build(SweepPlan plan, ImmutableArray<SweepCellRun> runs, IReadOnlyList<(Outcomes.Event Event, int Window)> headline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(headline);
        if (runs.Length != plan.Cells.Length) throw new ArgumentException($"expected {plan.Cells.Length} cell runs, got {runs.Length}", nameof(runs));
        var request = runs[0].Request;
        var baseRun = runs[0];
        var cells = ImmutableArray.CreateBuilder<SweepCellSummary>(runs.Length);
        foreach (var run in runs)
        {
            var outcomes = ImmutableArray.CreateBuilder<SweepCellOutcome>(headline.Count);
            for (var h = 0; h < headline.Count; h++)
            {
                var o = run.Headline[h];
                var level = Contrast.Of([(run.Hits[h], 1.0)], request);
                var vsBase = Contrast.Of([(run.Hits[h], 1.0), (baseRun.Hits[h], -1.0)], request);
                outcomes.Add(new SweepCellOutcome(o.P, o.Ci95Mc, o.Ci90Param, level.PerDraw, vsBase.Estimate, Contrast.Unpaired(o.P, baseRun.Headline[h].P, request.Runs)));
            }
            cells.Add(new SweepCellSummary(run.Cell, run.RunId, run.Status, outcomes.MoveToImmutable(), run.Forecast));
        }
        var sensitivity = plan.Axes.Select(axis => SensitivityOf(axis, runs, headline, request)).ToImmutableArray();
        var policyAxis = plan.Axes.IndexOf(plan.Axes.FirstOrDefault(x => x.Key == LeverGrid.PolicyKey)!);
        var ranking = policyAxis >= 0 && plan.Axes[policyAxis].Values.Length > 1
            ? [.. Enumerable.Range(0, headline.Count).Select(h => Rank(plan.Axes[policyAxis], runs, h, request))]
            : ImmutableArray<SweepRanking>.Empty;
        return new SweepReport(plan, headline, runs, cells.MoveToImmutable(), sensitivity, ranking);
    }

    private static List<SweepCellRun> With(ImmutableArray<SweepCellRun> runs, GridAxis axis, string value) =>
        [.. runs.Where(r => r.Cell.ValueOf(axis.Key) == value)];

    private static SweepSensitivity SensitivityOf(GridAxis axis, ImmutableArray<SweepCellRun> runs, IReadOnlyList<(Outcomes.Event Event, int Window)> headline,
        Engine.Runner.SimulationRequest request)
    {
        var first = With(runs, axis, axis.Values[0]);
        var values = ImmutableArray.CreateBuilder<SweepValueEffect>(axis.Values.Length);
        foreach (var value in axis.Values)
        {
            var cells = With(runs, axis, value);
            var w = 1.0 / cells.Count;
            var level = ImmutableArray.CreateBuilder<Estimate>(headline.Count);
            var vsFirst = ImmutableArray.CreateBuilder<Estimate>(headline.Count);
            for (var h = 0; h < headline.Count; h++)
            {
                level.Add(Contrast.Of([.. cells.Select(c => (c.Hits[h], w))], request).Estimate);
                vsFirst.Add(Contrast.Of([.. cells.Select(c => (c.Hits[h], w)), .. first.Select(c => (c.Hits[h], -1.0 / first.Count))], request).Estimate);
            }
            values.Add(new SweepValueEffect(value, level.MoveToImmutable(), vsFirst.MoveToImmutable()));
        }
        var swings = ImmutableArray.CreateBuilder<SweepSwing>(headline.Count);
        for (var h = 0; h < headline.Count; h++)
        {
            SweepValueEffect low = values[0], high = values[0];
            foreach (var v in values)
            {
                if (v.VsFirst[h].Value < low.VsFirst[h].Value) low = v;
                if (v.VsFirst[h].Value > high.VsFirst[h].Value) high = v;
            }
            swings.Add(new SweepSwing(low.VsFirst[h].Value, low.Value, high.VsFirst[h].Value, high.Value));
        }
        return new SweepSensitivity(axis.Key, values.MoveToImmutable(), swings.MoveToImmutable());
    }

    private static SweepRanking Rank(GridAxis policies, ImmutableArray<SweepCellRun> runs, int h, Engine.Runner.SimulationRequest request)
    {
        var byPackage = policies.Values.Select(p => With(runs, policies, p)).ToList();
        var levels = byPackage.Select(cells => Contrast.Of([.. cells.Select(c => (c.Hits[h], 1.0 / cells.Count))], request)).ToList();
        var order = Enumerable.Range(0, policies.Values.Length).OrderByDescending(i => levels[i].Estimate.Value).ToList(); // stable: ties keep grid order
        var k = request.ParameterDraws;
        var firsts = order.Select(i => Enumerable.Range(0, k).Count(d => levels.Where((_, j) => j != i).All(l => l.PerDraw[d] < levels[i].PerDraw[d]))).ToImmutableArray();
        var pairs = ImmutableArray.CreateBuilder<SweepPairReversal>();
        var broken = new bool[k];
        for (var x = 0; x < order.Count; x++)
        {
            for (var y = x + 1; y < order.Count; y++)
            {
                var (i, j) = (order[x], order[y]);
                var a = byPackage[i];
                var b = byPackage[j];
                var diff = Contrast.Of([.. a.Select(c => (c.Hits[h], 1.0 / a.Count)), .. b.Select(c => (c.Hits[h], -1.0 / b.Count))], request);
                var reversed = 0;
                var clearly = 0;
                for (var d = 0; d < k; d++)
                {
                    if (diff.PerDraw[d] >= 0) continue;
                    reversed++;
                    // A pair tied over all draws has no order to break.
                    if (diff.Estimate.Value > 0) broken[d] = true;
                    if (diff.PerDraw[d] + (Z95 * Math.Sqrt(diff.PerDrawMcVariance[d])) < 0) clearly++;
                }
                pairs.Add(new SweepPairReversal(policies.Values[i], policies.Values[j], reversed, clearly));
            }
        }
        var sameOrder = broken.Count(b => !b);
        return new SweepRanking([.. order.Select(i => policies.Values[i])], [.. order.Select(i => levels[i].Estimate.Value)], sameOrder, firsts, pairs.ToImmutable());
    }
}
