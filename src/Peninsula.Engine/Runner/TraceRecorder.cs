using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Engine.Runner;

/// <summary>One month of one run's storyline.</summary>
public sealed record TraceMonth(
    int Run, string Month, int Level, bool Engaged, bool PrincipalWilling, Phase Phase,
    double Pressure, double Stress, double TrustChallenger, double TrustPrincipal, double Attention,
    bool Moratorium, int Pipeline, MonthEvents Events, ImmutableArray<double> LadderProbabilities);

/// <summary>Records single-run storylines (`run --trace N`): the same runs, keys and draws as the full run.</summary>
public static class TraceRecorder
{
    /// <summary>The first <paramref name="runs"/> runs of the request, month by month.</summary>
    public static IReadOnlyList<TraceMonth> Record(SimulationRequest request, int runs, IAgreementZone? zone = null)
    {
        runs = Math.Clamp(runs, 0, request.Runs);
        if (runs == 0) return [];
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(request.Spec, request.Spec.Policy(request.PolicyId)!, request.Months);
        var traceRequest = request with { BatchSize = runs };
        var rows = new List<TraceMonth>(runs * request.Months);
        BatchSimulator.Run(traceRequest, coefficients, months, 0, zone ?? SplitTheDifferenceZone.Instance, ctx =>
        {
            var s = ctx.State;
            for (var r = 0; r < s.Runs; r++)
            {
                rows.Add(new TraceMonth(
                    s.RunIndex[r], ctx.Month.Month.ToString(), s.Level[r], s.Engaged[r], s.PrincipalWilling[r], s.Phase[r],
                    s.Pressure[r], s.Stress[r], s.TrustChallenger[r], s.TrustPrincipal[r], s.Attention[r],
                    s.Moratorium[r], s.Pipeline[r], s.Events[r],
                    [.. ctx.LadderP.AsSpan(r * Ladder.Levels, Ladder.Levels)]));
            }
        });
        return rows.OrderBy(x => x.Run).ToList();
    }
}
