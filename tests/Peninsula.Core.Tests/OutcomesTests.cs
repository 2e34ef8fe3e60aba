namespace Peninsula.Core.Tests;

public class OutcomesTests
{
    public static TheoryData<Outcomes.Event> AllEvents()
    {
        var data = new TheoryData<Outcomes.Event>();
        foreach (var ev in Enum.GetValues<Outcomes.Event>()) data.Add(ev);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllEvents))]
    public void TryParse_IdOfEveryEvent_RoundTripsToThatEvent(Outcomes.Event ev)
    {
        var id = Outcomes.Ids[(int)ev];

        Assert.True(Outcomes.TryParse(id, out var parsed), id);
        Assert.Equal(ev, parsed);
    }

    [Theory]
    [InlineData("level>=3", Outcomes.Event.LevelGe3)]
    [InlineData("level6", Outcomes.Event.Level6)]
    [InlineData("un_resolution", Outcomes.Event.UnResolution)]
    [InlineData("veto", Outcomes.Event.Veto)]
    public void TryParse_KnownId_ReturnsDocumentedEvent(string id, Outcomes.Event expected)
    {
        Assert.True(Outcomes.TryParse(id, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Talks")]
    [InlineData(" talks")]
    [InlineData("level>=6")]
    [InlineData("LevelGe3")]
    public void TryParse_UnknownId_ReturnsFalse(string id)
    {
        Assert.False(Outcomes.TryParse(id, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Ids_OnePerEvent_CountsAgreeAndIdsAreUnique()
    {
        Assert.Equal(Outcomes.EventCount, Enum.GetValues<Outcomes.Event>().Length);
        Assert.Equal(Outcomes.EventCount, Outcomes.Ids.Count);
        Assert.Equal(Outcomes.Ids.Count, Outcomes.Ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Windows_FixedHorizons_PositiveAndIncreasing()
    {
        Assert.Equal(new[] { 6, 12, 24, 48 }, Outcomes.Windows);
    }
}
