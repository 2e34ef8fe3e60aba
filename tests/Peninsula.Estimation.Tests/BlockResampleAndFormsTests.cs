using CsCheck;

namespace Peninsula.Estimation.Tests;

public sealed class BlockResampleTests
{
    [Fact]
    public void Indices_InRange_AndLengthN()
    {
        Gen.Select(Gen.Int[1, 400], Gen.Int[1, 30], Gen.ULong, Gen.Int[0, 1000]).Sample((n, block, seed, rep) =>
        {
            var idx = LadderEstimator.BlockResample(n, block, seed, rep);
            Assert.Equal(n, idx.Length);
            Assert.All(idx, i => Assert.InRange(i, 0, n - 1));
        }, iter: 300, seed: "0000000030Y5");
    }

    [Fact]
    public void DeterministicForSeedAndReplicate()
    {
        Gen.Select(Gen.Int[2, 400], Gen.Int[1, 30], Gen.ULong, Gen.Int[0, 1000]).Sample((n, block, seed, rep) =>
        {
            Assert.Equal(LadderEstimator.BlockResample(n, block, seed, rep), LadderEstimator.BlockResample(n, block, seed, rep));
        }, iter: 100, seed: "0000000030Y6");
    }

    [Fact]
    public void DifferentReplicatesAndSeeds_Differ()
    {
        const int n = 372;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var rep = 0; rep < 200; rep++) Assert.True(seen.Add(string.Join(',', LadderEstimator.BlockResample(n, 12, 1, rep))), $"replicate {rep} repeats an earlier one");
        Assert.NotEqual(LadderEstimator.BlockResample(n, 12, 1, 0), LadderEstimator.BlockResample(n, 12, 2, 0));
    }

    [Fact]
    public void BlocksAreConsecutiveCircularRuns_OfTheBlockLength()
    {
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 40], Gen.ULong, Gen.Int[0, 500]).Sample((n, block, seed, rep) =>
        {
            var idx = LadderEstimator.BlockResample(n, block, seed, rep);
            for (var start = 0; start < n; start += block)
            {
                for (var j = 1; j < block && start + j < n; j++)
                    Assert.Equal((idx[start + j - 1] + 1) % n, idx[start + j]);
            }
        }, iter: 300, seed: "0000000030Y7");
    }

    [Fact]
    public void BlockStarts_AreSpreadOverTheWholeSample()
    {
        // Over many replicates every month is drawn and no month dominates: starts are uniform, wrapping included.
        const int n = 60;
        var counts = new int[n];
        for (var rep = 0; rep < 2000; rep++) foreach (var i in LadderEstimator.BlockResample(n, 12, 7, rep)) counts[i]++;
        var mean = counts.Average();
        Assert.All(counts, c => Assert.InRange(c, 0.8 * mean, 1.2 * mean));
        // Wrap-around happens: some block runs from the last month to the first.
        var wrapped = Enumerable.Range(0, 200).Select(rep => LadderEstimator.BlockResample(n, 12, 7, rep))
            .Any(idx => idx.Zip(idx.Skip(1)).Any(p => p.First == n - 1 && p.Second == 0));
        Assert.True(wrapped);
    }
}

public sealed class ModelFormsTests
{
    [Fact]
    public void Ids_RoundTrip_AndAreDistinct()
    {
        foreach (var form in Enum.GetValues<ModelForm>())
        {
            var id = ModelForms.Id(form);
            Assert.True(ModelForms.TryParse(id, out var back));
            Assert.Equal(form, back);
        }
        Assert.Equal(Enum.GetValues<ModelForm>().Length, ModelForms.Ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["ordered-cr", "strategic-qre"], ModelForms.Ids.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ordered")]
    [InlineData("ORDERED-CR")]
    [InlineData("ordered-cr ")]
    [InlineData("ordered")]
    [InlineData("strategic")]
    public void UnknownIds_DoNotParse(string id)
    {
        Assert.False(ModelForms.TryParse(id, out _));
    }

    [Fact]
    public void UndefinedEnumValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelForms.Id((ModelForm)99));
    }
}
