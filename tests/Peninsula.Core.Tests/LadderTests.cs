namespace Peninsula.Core.Tests;

public class LadderTests
{
    [Fact]
    public void DefaultLabels_OnePerLevel_FromNoneToNuclearTest()
    {
        Assert.Equal(Ladder.Levels, Ladder.DefaultLabels.Count);
        Assert.Equal(Ladder.Levels - 1, Ladder.Top);
        Assert.Equal("none", Ladder.DefaultLabels[0]);
        Assert.Equal("nuclear test", Ladder.DefaultLabels[Ladder.Top]);
        Assert.Equal(Ladder.Levels, Ladder.DefaultLabels.Distinct(StringComparer.Ordinal).Count());
    }
}
