using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class BatchResultTests
{
    private static BatchResult SimulatedBatch()
    {
        var request = TestSpecs.Request(runs: 900, months: 12, seed: 3, draws: 4, batchSize: 400);
        var coefficients = MonteCarloRunner.DrawCoefficients(request);
        var months = MonthContext.Build(request.Spec, request.Spec.PolicyOf(request.PolicyId), request.Months);
        return BatchSimulator.Run(request, coefficients, months, 1, SplitTheDifferenceZone.Instance); // runs 400-799, draws 1-3
    }

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsEveryField()
    {
        var batch = SimulatedBatch();

        var copy = BatchResult.Deserialize(batch.Serialize());

        Assert.Equal((1, 400, 400, 12, 1, 3), (copy.BatchIndex, copy.FirstRun, copy.RunCount, copy.Months, copy.DrawLo, copy.DrawCount));
        Assert.Equal((batch.BatchIndex, batch.FirstRun, batch.RunCount, batch.Months, batch.DrawLo, batch.DrawCount),
            (copy.BatchIndex, copy.FirstRun, copy.RunCount, copy.Months, copy.DrawLo, copy.DrawCount));
        Assert.Equal(batch.Ladder, copy.Ladder);
        Assert.Equal(batch.Engage, copy.Engage);
        Assert.Equal(batch.Phase, copy.Phase);
        Assert.Equal(batch.Histograms, copy.Histograms);
        Assert.Equal(RunAssert.Bits(batch.Sums), RunAssert.Bits(copy.Sums));
        Assert.Equal(batch.FirstMonth, copy.FirstMonth);
        Assert.Equal(batch.DrawLadder, copy.DrawLadder);
        Assert.Equal(batch.Serialize(), copy.Serialize());
    }

    [Fact]
    public void Deserialize_UnknownFormatVersion_ThrowsInvalidDataException()
    {
        var payload = SimulatedBatch().Serialize();
        payload[0] = 99;

        Assert.Throws<InvalidDataException>(() => BatchResult.Deserialize(payload));
    }

    [Fact]
    public void Deserialize_TruncatedPayload_Throws()
    {
        var payload = SimulatedBatch().Serialize();

        foreach (var length in new[] { 0, 10, 28, 29, 40, payload.Length / 2 })
        {
            var e = Record.Exception(() => BatchResult.Deserialize(payload[..length]));
            Assert.True(e is EndOfStreamException or InvalidDataException, $"{length} bytes: {e?.GetType().Name ?? "no exception"}");
        }
    }

    [Fact]
    public void Deserialize_CorruptBodyOrImpossibleShape_ThrowsInvalidDataException()
    {
        var payload = SimulatedBatch().Serialize();
        var corrupt = (byte[])payload.Clone();
        for (var i = 30; i < corrupt.Length; i += 7) corrupt[i] ^= 0x5A;
        Assert.ThrowsAny<Exception>(() => BatchResult.Deserialize(corrupt));

        var huge = (byte[])payload.Clone();
        BitConverter.GetBytes(int.MaxValue).CopyTo(huge, 12); // run count
        Assert.Throws<InvalidDataException>(() => BatchResult.Deserialize(huge));
    }

    [Fact]
    public void Deserialize_FormatOnePayloadOfEarlierVersions_ReadsEveryField()
    {
        // Format 1 as earlier versions wrote it: every field one by one with a BinaryWriter, uncompressed.
        var batch = SimulatedBatch();
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms))
        {
            w.Write(1);
            w.Write(batch.BatchIndex); w.Write(batch.FirstRun); w.Write(batch.RunCount); w.Write(batch.Months); w.Write(batch.DrawLo); w.Write(batch.DrawCount);
            foreach (var a in new[] { batch.Ladder, batch.Engage, batch.Phase, batch.Histograms }) foreach (var v in a) w.Write(v);
            foreach (var v in batch.Sums) w.Write(v);
            foreach (var v in batch.FirstMonth) w.Write(v);
            foreach (var v in batch.DrawLadder) w.Write(v);
        }

        var copy = BatchResult.Deserialize(ms.ToArray());

        Assert.Equal(batch.Serialize(), copy.Serialize());
        Assert.Equal(RunAssert.Bits(batch.Sums), RunAssert.Bits(copy.Sums));
        Assert.Equal(batch.FirstMonth, copy.FirstMonth);
    }

    [Fact]
    public void Serialize_MostlyEmptyHistograms_IsSeveralTimesSmallerThanTheRawArrays()
    {
        var batch = SimulatedBatch();
        var raw = 4L * (batch.Ladder.Length + batch.Engage.Length + batch.Phase.Length + batch.Histograms.Length + batch.DrawLadder.Length)
            + 8L * batch.Sums.Length + 2L * batch.FirstMonth.Length;

        Assert.True(batch.Serialize().Length * 3 < raw, $"{batch.Serialize().Length} bytes for {raw} raw");
    }

    [Fact]
    public void Run_Batch_CountsEveryRunOncePerMonth()
    {
        var batch = SimulatedBatch();

        for (var t = 0; t < batch.Months; t++)
        {
            Assert.Equal(batch.RunCount, batch.Ladder.Skip(t * Ladder.Levels).Take(Ladder.Levels).Sum());
            Assert.Equal(batch.RunCount, batch.Phase.Skip(t * Phases.Count).Take(Phases.Count).Sum());
            for (var q = 0; q < BatchResult.Quantities; q++)
                Assert.Equal(batch.RunCount, batch.Histograms.Skip((q * batch.Months + t) * BatchResult.Bins).Take(BatchResult.Bins).Sum());
        }
        Assert.Equal(batch.RunCount * batch.Months, batch.DrawLadder.Sum());
    }

    [Theory]
    [InlineData(0, 0.0, 0)]
    [InlineData(0, 0.999, 199)]
    [InlineData(0, 1.0, 199)] // saturated pressure stays in the last bin
    [InlineData(1, 0.5, 100)]
    [InlineData(2, -1.0, 0)]
    [InlineData(2, 0.0, 100)]
    [InlineData(2, 1.0, 199)]
    public void Bin_Value_ItsEqualWidthBin(int quantity, double value, int bin)
    {
        Assert.Equal(bin, BatchResult.Bin(quantity, value));
        Assert.InRange(value, BatchResult.BinLow(quantity, bin), BatchResult.BinLow(quantity, bin) + BatchResult.BinWidth(quantity));
    }
}
