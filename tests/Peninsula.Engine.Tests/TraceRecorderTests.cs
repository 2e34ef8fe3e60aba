using Peninsula.Core;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class TraceRecorderTests
{
    [Fact]
    public void Record_FirstRuns_SameStorylinesAsTheFullRun()
    {
        var request = TestSpecs.Request(runs: 1000, months: 18, seed: 8, draws: 5, batchSize: 300);
        var full = MonteCarloRunner.Run(request, new RunOptions(2));

        var trace = TraceRecorder.Record(request, 25);

        Assert.Equal(25 * 18, trace.Count);
        foreach (var run in trace.GroupBy(m => m.Run))
        {
            var months = run.ToArray();
            var firstGe3 = Array.FindIndex(months, m => m.Level >= 3);
            var firstTalks = Array.FindIndex(months, m => m.Phase is Phase.Talks or Phase.Summit or Phase.Framework or Phase.Implementation);
            Assert.Equal(full.FirstMonth[(int)Outcomes.Event.LevelGe3 * request.Runs + run.Key], firstGe3);
            Assert.Equal(full.FirstMonth[(int)Outcomes.Event.Talks * request.Runs + run.Key], firstTalks);
            Assert.All(months, m => Assert.Equal(1.0, m.LadderProbabilities.Sum(), 1e-12));
        }
    }
}
