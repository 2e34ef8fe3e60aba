using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// The hot loop allocates nothing: after the first month, a month's step of a whole batch (every module, the draws
/// taken block-wide when many runs need them, the aggregation) allocates no bytes on the simulating thread. Counts bytes,
/// not time.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(TestSpecs.PrincipledDiplomacy)]
    [InlineData(TestSpecs.TopDownSummitry)]
    public void Step_AfterTheFirstMonth_AllocatesNothing(string policy)
    {
        var request = TestSpecs.Request(policy: policy, runs: 1000, months: 48, seed: 3, draws: 10, batchSize: 1000);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(request.Spec, request.Spec.PolicyOf(request.PolicyId), request.Months);
        BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance); // first use of every path
        // The tiered JIT may allocate a few bytes on this thread once, when a method reaches its call count mid-run (seen:
        // 24 bytes in one month when this test ran alone, none with DOTNET_TieredCompilation=0). That happens once; an
        // allocation in the hot loop happens in every run. So the batch is measured up to five times, the tiering
        // queue given time to drain between attempts, and one attempt without a byte allocated after the first month passes.
        long[] perMonth = [];
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var marks = new long[request.Months];
            var t = 0;
            BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, _ => marks[t++] = GC.GetAllocatedBytesForCurrentThread());
            perMonth = [.. marks.Zip(marks.Skip(1), (a, b) => b - a)];
            if (perMonth.All(bytes => bytes == 0)) break;
            Thread.Sleep(200);
        }
        Assert.All(perMonth, bytes => Assert.Equal(0, bytes));
    }
}
