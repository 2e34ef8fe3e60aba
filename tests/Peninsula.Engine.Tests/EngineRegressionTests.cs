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
}
