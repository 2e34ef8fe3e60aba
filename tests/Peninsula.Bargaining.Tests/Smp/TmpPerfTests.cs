using Peninsula.Bargaining.Smp;
using Xunit.Abstractions;
namespace Peninsula.Bargaining.Tests.Smp;
public sealed class TmpPerfTests(ITestOutputHelper output)
{
    [Fact]
    public void Perf()
    {
        var rng = new Random(1);
        var actors = Enumerable.Range(0, 250).Select(i => new Stakeholder($"a{i}", "", rng.NextDouble() * 100, [rng.NextDouble() * 100, rng.NextDouble() * 100], [rng.NextDouble() * 50, rng.NextDouble() * 50])).ToList();
        var space = new IssueSpace("p", "", ["x", "y"], [.. actors]);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var run = new SmpModel(new SmpOptions(MaxTurns: 5)).Simulate(space);
        output.WriteLine($"250 actors, {run.Turns} turns: {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        for (var t = 0; t < 5; t++) _ = new SmpModel(new SmpOptions(MaxTurns: 1)).Simulate(space);
        output.WriteLine($"5x 1 turn: {sw.ElapsedMilliseconds} ms");
    }
}
