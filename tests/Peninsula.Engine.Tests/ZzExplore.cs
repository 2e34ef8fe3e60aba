using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class ZzExplore
{
    [Fact]
    public void Explore()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var policy in TestSpecs.PolicyIds)
        {
            var spec = TestSpecs.Transition2021;
            var request = TestSpecs.Request(spec, policy, runs: 4000, months: 48, seed: 1, draws: 1, batchSize: 4000);
            var coefficients = MonteCarloRunner.DrawCoefficients(request);
            var months = MonthContext.Build(spec, spec.PolicyOf(policy), 48);
            var evCounts = new Dictionary<MonthEvents, int>();
            var runsWith = new Dictionary<MonthEvents, HashSet<int>>();
            long holdRes = 0, holdVeto = 0, holdContact = 0; var p0 = new double[7]; var p47 = new double[7];
            var byT = new int[48, 7]; var costByT = new double[48];
            var willing = 0L; var engaged = 0L; var both = 0L; var levels = new long[7]; var phaseEnd = new int[7];
            double stressEnd = 0, trustEnd = 0, pressureEnd = 0, capEnd = 0;
            BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, ctx =>
            {
                var s = ctx.State;
                for (var r = 0; r < s.Runs; r++)
                {
                    foreach (var f in Enum.GetValues<MonthEvents>())
                    {
                        if (f == MonthEvents.None || (s.Events[r] & f) == 0) continue;
                        evCounts[f] = evCounts.GetValueOrDefault(f) + 1;
                        if (!runsWith.ContainsKey(f)) runsWith[f] = new();
                        runsWith[f].Add(r);
                    }
                    var hold = (s.Events[r] & MonthEvents.Hold) != 0; var res = (s.Events[r] & MonthEvents.UnResolution) != 0; var veto = (s.Events[r] & MonthEvents.Veto) != 0;
                    if (hold && res) holdRes++; if (hold && veto) holdVeto++; if (hold && s.Phase[r] == Phase.Contact) holdContact++;
                    if (ctx.T == 0) for (var l = 0; l < 7; l++) p0[l] += ctx.LadderP[r * 7 + l];
                    if (ctx.T == 47) for (var l = 0; l < 7; l++) p47[l] += ctx.LadderP[r * 7 + l];
                    if (s.PrincipalWilling[r]) willing++;
                    if (s.Engaged[r]) engaged++;
                    if (s.Engaged[r] && s.PrincipalWilling[r]) both++;
                    levels[s.Level[r]]++; byT[ctx.T, s.Level[r]]++; costByT[ctx.T] += s.Pressure[r];
                    if (ctx.T == 47) { phaseEnd[(int)s.Phase[r]]++; stressEnd += s.Stress[r]; trustEnd += s.TrustChallenger[r]; pressureEnd += s.Pressure[r]; capEnd += s.Capability[r]; }
                }
            });
            var n = 4000.0 * 48;
            sb.AppendLine($"== {policy}: willing {willing / n:F3} engaged {engaged / n:F3} both {both / n:F3}");
            sb.AppendLine($"  hold&res {holdRes} hold&veto {holdVeto} hold&contact {holdContact}");
            sb.AppendLine("  p0 " + string.Join(" ", p0.Select(x => (x / 4000).ToString("F3"))) + "  p47 " + string.Join(" ", p47.Select(x => (x / 4000).ToString("F3"))));
            for (var t = 0; t < 48; t += 3) sb.AppendLine($"   t{t}: ge3 {(byT[t,3]+byT[t,4]+byT[t,5]+byT[t,6]) / 4000.0:F3} ge5 {(byT[t,5]+byT[t,6]) / 4000.0:F3} l6 {byT[t,6] / 4000.0:F3} pressure {costByT[t] / 4000:F3}");
            sb.AppendLine("  levels " + string.Join(" ", levels.Select(l => (l / n).ToString("F3"))));
            sb.AppendLine("  phase at end " + string.Join(" ", phaseEnd.Select((c, i) => $"{(Phase)i}:{c / 4000.0:F3}")));
            sb.AppendLine($"  end means stress {stressEnd / 4000:F3} trust {trustEnd / 4000:F3} pressure {pressureEnd / 4000:F3} capability {capEnd / 4000:F3}");
            foreach (var f in Enum.GetValues<MonthEvents>())
            {
                if (f == MonthEvents.None) continue;
                sb.AppendLine($"  {f}: events {evCounts.GetValueOrDefault(f)} runs {(runsWith.TryGetValue(f, out var h) ? h.Count : 0) / 4000.0:F3}");
            }
        }
        File.WriteAllText("/tmp/explore.txt", sb.ToString());
    }
}
