using System.Collections.Immutable;
using Peninsula.Charts;

namespace Peninsula.Reporting;

/// <summary>Chart data of a back-test's track record: the reliability diagram and skill against the baselines.</summary>
public static class BacktestCharts
{
    /// <summary>Targets drawn by default: P(level ≥3), P(level ≥4), P(level ≥5) in a month.</summary>
    public static ImmutableArray<string> DefaultTargets { get; } = ["≥3", "≥4", "≥5"];

    /// <summary>
    /// Reliability diagram of the model's monthly P(level ≥ k) pooled over every origin and lead
    /// (<see cref="BacktestSummary.PooledLead"/>); empty bins and targets without bins are left out.
    /// </summary>
    public static ReliabilityChartData Reliability(BacktestSummary backtest, IReadOnlyList<string>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        targets ??= DefaultTargets;
        var lead = backtest.PooledLead;
        var list = ImmutableArray.CreateBuilder<ReliabilityTarget>();
        foreach (var target in targets)
        {
            var row = backtest.Binary.FirstOrDefault(r => r.Target == target && r.Lead == lead);
            if (row is null) continue;
            var bins = row.Model.Bins
                .Where(b => b.Count > 0 && double.IsFinite(b.MeanForecast) && double.IsFinite(b.Observed))
                .Select(b => new ReliabilityBin(
                    Math.Clamp(b.MeanForecast, 0, 1), Math.Clamp(b.Observed, 0, 1), b.Count,
                    Math.Clamp(double.IsFinite(b.IntervalLower) ? Math.Min(b.IntervalLower, b.Observed) : b.Observed, 0, 1),
                    Math.Clamp(double.IsFinite(b.IntervalUpper) ? Math.Max(b.IntervalUpper, b.Observed) : b.Observed, 0, 1)))
                .ToImmutableArray();
            if (!bins.IsEmpty) list.Add(new ReliabilityTarget($"P(level {target}) in a month", bins));
        }
        return new ReliabilityChartData($"Back-test reliability ({backtest.Form})", list.ToImmutable());
    }

    /// <summary>
    /// Skill against each baseline at the pooled lead: Brier skill of P(level ≥3) and P(level ≥5) and the ranked
    /// probability skill of the whole ladder, each with its block-bootstrap interval. Non-finite skills are left out.
    /// </summary>
    public static SkillScoreChartData Skill(BacktestSummary backtest)
    {
        ArgumentNullException.ThrowIfNull(backtest);
        var lead = backtest.PooledLead;
        var scores = ImmutableArray.CreateBuilder<SkillScore>();
        void Add(string score, string baseline, SkillInterval s)
        {
            if (!double.IsFinite(s.Point) || s.Point > 1) return;
            var lo = double.IsFinite(s.Lower) ? Math.Min(s.Lower, s.Point) : (double?)null;
            var hi = double.IsFinite(s.Upper) ? Math.Min(1, Math.Max(s.Upper, s.Point)) : (double?)null;
            scores.Add(lo is null || hi is null ? new SkillScore(score, baseline, s.Point) : new SkillScore(score, baseline, s.Point, lo, hi));
        }
        foreach (var target in new[] { "≥3", "≥5" })
        {
            var row = backtest.Binary.FirstOrDefault(r => r.Target == target && r.Lead == lead);
            if (row is null) continue;
            foreach (var s in row.Skill) Add($"Brier P(level {target})", s.Reference, s.Brier);
        }
        var rps = backtest.Rps.FirstOrDefault(r => r.Lead == lead);
        if (rps is not null)
        {
            foreach (var (reference, skill) in rps.Skill) Add("RPS (whole ladder)", reference, skill);
        }
        return new SkillScoreChartData($"Back-test skill vs baselines ({backtest.Form})", scores.ToImmutable())
        {
            IntervalLabel = "90% block-bootstrap interval",
        };
    }
}
