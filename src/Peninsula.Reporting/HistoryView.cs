using System.Collections.Immutable;
using Peninsula.App;
using Peninsula.Cli.Infrastructure;
using Peninsula.Charts;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Estimation;
using Peninsula.History;

namespace Peninsula.Reporting;

/// <summary>
/// The historical record up to a cut, beside the model's probability of level ≥3 each month when the record is
/// replayed (observed actions forced) under the parameters a forecast uses.
/// </summary>
/// <param name="Until">Last month shown: nothing later was read.</param>
/// <param name="Months">Months "YYYY-MM" from the start of the record to <paramref name="Until"/>.</param>
/// <param name="Levels">Observed ladder level of each month (the highest rung that month).</param>
/// <param name="Administrations">The principal's administrations in office during those months (clipped to them).</param>
/// <param name="Fitted">The model's P(level ≥3) of each month.</param>
/// <param name="FittedSource">Where the model's parameters come from, one line.</param>
public sealed record HistoryView(
    Month Until, ImmutableArray<string> Months, ImmutableArray<int> Levels, ImmutableArray<AdministrationPeriod> Administrations,
    ImmutableArray<double> Fitted, string FittedSource)
{
    /// <summary>
    /// Replays the record up to <paramref name="until"/> (capped at the end of the record) under <paramref name="calibration"/>
    /// (its intercepts moved to each month's era and record coverage, as the fit estimated them), or under the
    /// history scenario's priors when null.
    /// </summary>
    /// <param name="until">Last month read; nothing later is loaded.</param>
    /// <param name="calibration">The calibration whose coefficients are replayed, or null for the priors.</param>
    /// <param name="principal">Country whose administrations are shaded (administrations.csv's country, e.g. "USA").</param>
    /// <param name="dataFolder">The data folder (default: the repository's).</param>
    public static HistoryView Build(Month until, Calibration? calibration, string principal = "USA", string? dataFolder = null)
    {
        var end = HistoryWorkspace.RecordEnd(dataFolder);
        if (until > end) until = end;
        var workspace = HistoryWorkspace.Open(until, dataFolder);
        var (frame, months) = workspace.Frame();
        if (months.IsDefaultOrEmpty) throw new UserErrorException($"the record holds no month up to {until}");
        var parameters = calibration is null ? workspace.History.Spec.Parameters : calibration.Apply(workspace.History.Spec.Parameters);
        var fitted = FittedProbabilities(frame, parameters.Means(), calibration);
        var labels = workspace.Data.MonthlySeries.Select(LadderLabel.Of).ToArray();
        var first = months[0].Month;
        var source = calibration is null
            ? "the history scenario's priors (nothing fitted)"
            : $"calibration {calibration.Form}, cutoff {calibration.Cutoff} (in sample: the fit saw these months)";
        return new HistoryView(until, [.. months.Select(m => m.Month.ToString())], [.. months.Select((_, t) => labels[t])],
            Periods(workspace.Data.Administrations, principal, first, until), [.. fitted], source);
    }

    /// <summary>The chart data (levels, shaded administrations, P(level ≥3) below).</summary>
    public HistoricalRecordData Chart() =>
        new($"The record {Months[0]} to {Until}: monthly ladder level and the model", Months, Levels, Administrations)
        {
            Fitted = Fitted,
            FittedLabel = "Model P(level ≥3) (%)",
        };

    private static double[] FittedProbabilities(EstimationFrame frame, double[] means, Calibration? calibration)
    {
        var n = frame.Input.Months;
        var result = new double[n];
        // The calibration's intercepts belong to the current era and to the cutoff's record coverage; earlier months
        // get their own era's fitted shift and coverage term (as the back-test's posterior-predictive check does).
        double Estimate(string name) => calibration?.Estimates.FirstOrDefault(e => e.Name == name)?.Value is { } v && double.IsFinite(v) ? v : 0.0;
        var alpha = Enumerable.Range(1, Ladder.Top).Select(j => ParameterCatalog.IndexOf("ladder.alpha." + j)).ToArray();
        var partialNow = frame.PartialCoverage[n - 1];
        var groups = Enumerable.Range(0, n).GroupBy(t => (frame.Era[t], frame.PartialCoverage[t]));
        foreach (var group in groups)
        {
            var w = (double[])means.Clone();
            if (calibration is not null)
            {
                var shift = Estimate("era." + frame.EraNames[group.Key.Item1]) - Estimate("era." + calibration.CurrentEra);
                foreach (var a in alpha) w[a] += shift;
                w[alpha[2]] += Estimate("coverage.rung3") * ((group.Key.Item2 ? 1 : 0) - (partialNow ? 1 : 0));
            }
            var trace = Replay.Run(frame.Input, new Coefficients(w), frame.Zone);
            foreach (var t in group)
            {
                var p = 0.0;
                for (var l = 3; l < Ladder.Levels; l++) p += trace.LadderP[t * Ladder.Levels + l];
                result[t] = Math.Clamp(p, 0, 1);
            }
        }
        return result;
    }

    private static ImmutableArray<AdministrationPeriod> Periods(IReadOnlyList<AdministrationRow> rows, string country, Month first, Month last)
    {
        var terms = rows.Where(r => r.Country == country).OrderBy(r => r.TermStart).ToList();
        var surnames = terms.Select(t => Surname(t.Leader)).ToList();
        var periods = new List<(string Name, Month Start, Month End)>();
        for (var i = 0; i < terms.Count; i++)
        {
            var t = terms[i];
            var start = Month.Of(t.TermStart.Year, t.TermStart.Month);
            var end = t.TermEnd is { } e ? Month.Of(e.Year, e.Month) : last;
            // A handover month belongs to the incoming administration.
            if (i + 1 < terms.Count)
            {
                var next = terms[i + 1].TermStart;
                var nextStart = Month.Of(next.Year, next.Month);
                if (end >= nextStart) end = nextStart.Plus(-1);
            }
            if (start < first) start = first;
            if (end > last) end = last;
            if (start > end) continue;
            var name = surnames.Count(s => s == surnames[i]) > 1 ? Initials(t.Leader) + surnames[i] : surnames[i];
            periods.Add((name, start, end));
        }
        return [.. periods.Select(p => new AdministrationPeriod(p.Name, p.Start.ToString(), p.End.ToString()))];
    }

    private static string[] NameParts(string leader)
    {
        // "Donald Trump (1st term)" → Donald, Trump.
        var paren = leader.IndexOf('(', StringComparison.Ordinal);
        var parts = (paren > 0 ? leader[..paren] : leader).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 ? parts : [leader];
    }

    private static string Surname(string leader) => NameParts(leader)[^1];

    private static string Initials(string leader)
    {
        var parts = NameParts(leader);
        return string.Concat(parts[..^1].Select(p => p.TrimEnd('.')[..1] + ".")) + " ";
    }
}
