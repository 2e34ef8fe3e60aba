using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// Pins what the engine computes for two fixed requests, so that a change meant only to make it faster (vector lanes,
/// block-wide draws, draws skipped where they decide nothing, cache blocks) cannot change a result unnoticed. The
/// digests were computed by the per-run engine before any of those (commit 9bff915) and the current engine must match
/// them bit for bit. They cover the batch's arrays themselves (not the compressed payload, whose bytes may depend on the zlib build).
/// A change to the model itself changes them on purpose: rerun this test, check the change is the one intended, and
/// update the digests in the same commit.
/// </summary>
public sealed class EngineRegressionTests
{
    private static string Digest(BatchResult b)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(MemoryMarshal.AsBytes(b.Ladder.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.Engage.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.Phase.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.Histograms.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.Sums.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.FirstMonth.AsSpan()));
        sha.AppendData(MemoryMarshal.AsBytes(b.DrawLadder.AsSpan()));
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static BatchResult Batch(string policy, int batchIndex)
    {
        var request = TestSpecs.Request(policy: policy, runs: 1500, months: 36, seed: 77, draws: 7, batchSize: 700);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(request.Spec, request.Spec.PolicyOf(request.PolicyId), request.Months);
        return BatchSimulator.Run(request, coefficients, months, batchIndex, SplitTheDifferenceZone.Instance);
    }

    [Theory]
    [InlineData(TestSpecs.PrincipledDiplomacy, 1, "ADB7E55565FA3E8BBFB8A5240145A3C0486AAD2B4D4492EF5AA7F5706A6B2E63")]
    [InlineData(TestSpecs.TopDownSummitry, 2, "9ADB4AD92947D5109B8F46778AFA86AFCFEAC07D89BBD269F49A8F3CD5AAF69A")]
    public void Batch_FixedRequest_ComputesThePinnedAggregates(string policy, int batchIndex, string expected)
    {
        Assert.Equal(expected, Digest(Batch(policy, batchIndex)));
    }

    [Fact]
    public void Batches_WorkerReusesBlockArrays_SameAggregatesAsFreshArrays()
    {
        // Two requests (two policies, whose blocks have the same shapes), batches of 700 runs (blocks of 256, 256 and 188),
        // interleaved on one thread, with an observed batch between them: every batch must equal the one simulated with
        // freshly allocated arrays.
        var a = TestSpecs.Request(policy: TestSpecs.PrincipledDiplomacy, runs: 2100, months: 24, seed: 5, draws: 7, batchSize: 700);
        var b = TestSpecs.Request(policy: TestSpecs.TopDownSummitry, runs: 2100, months: 24, seed: 5, draws: 7, batchSize: 700);
        var ca = MonteCarloRunner.DrawCoefficients(a);
        var cb = MonteCarloRunner.DrawCoefficients(b);
        var ma = MonthContext.Build(a.Spec, a.Spec.PolicyOf(a.PolicyId), a.Months);
        var mb = MonthContext.Build(b.Spec, b.Spec.PolicyOf(b.PolicyId), b.Months);
        (SimulationRequest, Coefficients[], MonthContext[], int)[] sequence =
            [(a, ca, ma, 0), (a, ca, ma, 1), (b, cb, mb, 0), (a, ca, ma, 2), (b, cb, mb, 2), (b, cb, mb, 1), (a, ca, ma, 1)];
        string[] Run(bool reuse)
        {
            BatchSimulator.ReuseBlocks = reuse;
            try
            {
                return [.. sequence.Select((x, i) =>
                {
                    if (i == 3) BatchSimulator.Run(x.Item1, x.Item2, x.Item3, 0, SplitTheDifferenceZone.Instance, observer: _ => { });
                    var batch = BatchSimulator.Run(x.Item1, x.Item2, x.Item3, x.Item4, SplitTheDifferenceZone.Instance);
                    return $"{Digest(batch)} {batch.LogitDecisions}";
                })];
            }
            finally
            {
                BatchSimulator.ReuseBlocks = true;
            }
        }
        var fresh = Run(reuse: false);
        var reused = Run(reuse: true);
        Assert.Equal(fresh, reused);
        Assert.Equal(fresh[1], fresh[^1]); // the same batch, simulated twice
    }
}
