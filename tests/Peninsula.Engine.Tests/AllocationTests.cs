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
        var marks = new long[request.Months];
        var t = 0;
        BatchSimulator.Run(request, coefficients, months, 0, SplitTheDifferenceZone.Instance, _ => marks[t++] = GC.GetAllocatedBytesForCurrentThread());
        var perMonth = marks.Zip(marks.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(perMonth, bytes => Assert.Equal(0, bytes));
    }
}
