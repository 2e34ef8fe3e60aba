using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>
/// One skill score of the model against one baseline, e.g. the Brier skill score 1 − BS/BS_baseline
/// (positive = better than the baseline, at most 1), with an optional interval.
/// </summary>
/// <param name="Score">Score name, e.g. "Brier".</param>
/// <param name="Baseline">Baseline name, e.g. "long-run".</param>
/// <param name="Value">The skill, finite and ≤ 1.</param>
/// <param name="Lower">Optional interval lower end; given together with <paramref name="Upper"/>.</param>
/// <param name="Upper">Optional interval upper end.</param>
public sealed record SkillScore(string Score, string Baseline, double Value, double? Lower = null, double? Upper = null);

/// <summary>
/// Skill scores against baselines as grouped horizontal bars (one group per baseline, one bar per
/// score) with a zero line. Each (score, baseline) pair appears at most once.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Scores">At least one.</param>
public sealed record SkillScoreChartData(string Title, ImmutableArray<SkillScore> Scores)
{
    /// <summary>Value-axis label; default "Skill vs baseline (1 − score / baseline score; > 0 is better)".</summary>
    public string ValueLabel { get; init; } = "Skill vs baseline (1 − score / baseline score; > 0 is better)";

    /// <summary>Category-axis label; default "Baseline".</summary>
    public string CategoryLabel { get; init; } = "Baseline";

    /// <summary>Meaning of the whiskers, shown in the legend when any interval is given.</summary>
    public string IntervalLabel { get; init; } = "90% interval";
}
