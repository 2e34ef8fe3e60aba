using System.Collections.Immutable;
using System.Text;
using Peninsula.Charts;
using Peninsula.Engine.Output;

namespace Peninsula.Reporting;

/// <summary>Where a chart goes in the report.</summary>
public enum ReportSection
{
    /// <summary>The headline comparison of the packages.</summary>
    Headline,
    /// <summary>One package over time (fan, phases); see <see cref="ReportChart.Policy"/>.</summary>
    Package,
    /// <summary>Sanctions and economic stress of every package.</summary>
    Paths,
    /// <summary>Bargaining trajectories.</summary>
    Bargaining,
    /// <summary>The back-test track record.</summary>
    TrackRecord,
    /// <summary>The historical record.</summary>
    History,
}

/// <summary>One chart of the report with its file name and a one-line caption saying what lines and bands mean.</summary>
/// <param name="Id">File stem under charts/ (letters, digits and '-').</param>
/// <param name="Section">Where it goes.</param>
/// <param name="Caption">One line: what is drawn and what the bands mean.</param>
/// <param name="Image">The chart.</param>
/// <param name="Policy">The package it shows (for <see cref="ReportSection.Package"/>), else null.</param>
public sealed record ReportChart(string Id, ReportSection Section, string Caption, ChartImage Image, string? Policy = null);

/// <summary>Builds every chart of a report from its content.</summary>
public static class ReportCharts
{
    /// <summary>The charts, in page order. Renders nothing yet (images render on first use).</summary>
    public static ImmutableArray<ReportChart> Build(ForecastReport report, ChartStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var spec = report.Session.Spec;
        // Chart legends and titles take a short name: the label without its parenthetical remark ("Principled
        // diplomacy"), or the package id when that is still long (the tables give both).
        string Label(string id) => ShortLabel(spec.Policy(id)?.Label ?? id) is { Length: <= MaxLabel } shortLabel ? shortLabel : id;
        var forecasts = report.Forecasts;
        var reference = forecasts.FirstOrDefault(f => f.Policy == report.Inputs.Reference) ?? forecasts[0];
        var headline = report.Headline.Select(h => (Core.Outcomes.Ids[(int)h.Event], h.Window)).ToList();
        var charts = ImmutableArray.CreateBuilder<ReportChart>();

        var headlines = ForecastCharts.Headlines(report.WithHeadlineOutcomes(), Label, headline);
        if (!headlines.Probabilities.IsEmpty)
        {
            charts.Add(new ReportChart("headline", ReportSection.Headline,
                "Bars: estimated probability of each headline outcome under each package; whiskers: 90% interval over parameter draws (Monte Carlo intervals are in the table).",
                HeadlineProbabilityChart.Create(headlines, style)));
        }
        var differences = report.Inputs.Differences.Where(d => headline.Contains((d.OutcomeId, d.WithinMonths))).ToList();
        if (differences.Count > 0)
        {
            charts.Add(new ReportChart("differences", ReportSection.Headline,
                $"Each package minus {Label(reference.Policy)} on common random numbers: dot = estimate, thin capped bar = Monte Carlo 95% interval, thick light bar = 90% interval over parameter draws.",
                // One row per package and outcome: give each row room (the default height suits about a dozen).
                PolicyComparisonChart.Create(ForecastCharts.Differences(differences, reference, Label, headline),
                    (style ?? ChartStyle.Default) with { Height = Math.Clamp(220 + (40 * differences.Count), (style ?? ChartStyle.Default).Height, 2400) })));
        }
        charts.Add(new ReportChart("cumulative-level5", ReportSection.Headline,
            "Line: probability that the first level ≥5 event (ICBM or satellite launch, or nuclear test) has happened by each month; band: 90% interval over parameter draws.",
            CumulativeProbabilityChart.Create(ForecastCharts.Cumulative(forecasts, "level>=5", Label), style)));

        foreach (var f in forecasts)
        {
            var slug = Slug(f.Policy);
            charts.Add(new ReportChart($"fan-{slug}", ReportSection.Package,
                $"Lines: P(the month's highest level is ≥3 ({Level(f, 3)}), ≥4 ({Level(f, 4)}), ≥5 ({Level(f, 5)})); darker band: 50%, lighter band: 90% interval over parameter draws (Monte Carlo noise removed).",
                FanChart.Create(ForecastCharts.Fan(f, Label(f.Policy)), style), f.Policy));
            charts.Add(new ReportChart($"phases-{slug}", ReportSection.Package,
                "Stacked areas: share of runs in each negotiation phase at the end of each month.",
                PhaseChart.Create(ForecastCharts.Phases(f, Label(f.Policy)), style), f.Policy));
        }
        // One band only: the 5–95% ranges of several packages overlap almost entirely and would hide each other.
        var banded = forecasts.Length == 1 ? null : reference.Policy;
        charts.Add(new ReportChart("paths", ReportSection.Paths,
            "Lines: mean across runs of sanctions pressure and of the challenger's economic stress (indices 0–1) under each package; band: 5–95% range across runs"
            + (banded is null ? "." : $" under {Label(banded)} (the other packages' ranges overlap it)."),
            PathChart.Create(ForecastCharts.Paths(forecasts, Label, banded is null ? null : id => id == banded), style)));

        if (report.Bargaining is { } b)
        {
            var model = b.Trajectories.Model;
            foreach (var (data, d) in ForecastCharts.Bargaining(b.Space, b.Trajectories).Select((c, d) => (c, d)))
            {
                charts.Add(new ReportChart($"bargaining-{Slug(b.Space.Dimensions[d])}", ReportSection.Bargaining,
                    $"Each actor's position on {b.Space.Dimensions[d]} (0–100) by bargaining round of the {model} model; round 0 is the declared position.",
                    BargainingChart.Create(data, style)));
            }
        }
        if (report.Backtest is { } bt)
        {
            var reliability = BacktestCharts.Reliability(bt);
            if (!reliability.Targets.IsEmpty)
            {
                charts.Add(new ReportChart("backtest-reliability", ReportSection.TrackRecord,
                    "Points: share of months the event happened against the mean forecast, per forecast bin, pooled over origins and leads; bars: 90% interval; lower panel: months per bin; diagonal: perfect calibration.",
                    ReliabilityChart.Create(reliability, style)));
            }
            var skill = BacktestCharts.Skill(bt);
            if (!skill.Scores.IsEmpty)
            {
                charts.Add(new ReportChart("backtest-skill", ReportSection.TrackRecord,
                    "Bars: skill 1 − score/baseline score against each baseline fixed at the origin (above 0 = better than the baseline); whiskers: 90% block-bootstrap interval.",
                    SkillScoreChart.Create(skill, style)));
            }
        }
        if (report.History is { } h)
        {
            charts.Add(new ReportChart("history", ReportSection.History,
                $"Top: the highest ladder level of each month, {spec.Roles.Principal} administrations shaded; bottom: the model's P(level ≥3) replaying the record under {h.FittedSource}; ticks: months observed at level ≥3.",
                HistoricalRecordChart.Create(h.Chart(), style)));
        }
        // File names must be distinct even when two ids slug alike.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < charts.Count; i++)
        {
            var id = charts[i].Id;
            for (var n = 2; !seen.Add(id); n++) id = $"{charts[i].Id}-{n}";
            if (id != charts[i].Id) charts[i] = charts[i] with { Id = id };
        }
        return charts.ToImmutable();
    }

    /// <summary>Longest package label drawn in a chart (longer ones are replaced by the package id).</summary>
    public const int MaxLabel = 32;

    private static string Level(ForecastDocument f, int k) => k < f.LevelLabels.Length ? f.LevelLabels[k] : $"level {k}";

    /// <summary>A package label without a trailing parenthetical remark: "Principled diplomacy (the article's …)" → "Principled diplomacy".</summary>
    public static string ShortLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var paren = label.IndexOf(" (", StringComparison.Ordinal);
        return paren > 0 && label.EndsWith(')') ? label[..paren] : label;
    }

    /// <summary>Renders every chart (PNG and SVG) on all cores; images cache what they render.</summary>
    public static void RenderAll(IReadOnlyList<ReportChart> charts, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(charts);
        Parallel.ForEach(charts, new ParallelOptions { CancellationToken = cancellation }, c =>
        {
            _ = c.Image.Svg;
            _ = c.Image.Png;
        });
    }

    /// <summary>A file-name-safe form of an id: lower-case letters, digits and '-'.</summary>
    public static string Slug(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var sb = new StringBuilder(id.Length);
        foreach (var c in id.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var s = sb.ToString().Trim('-');
        return s.Length == 0 ? "x" : s;
    }
}
