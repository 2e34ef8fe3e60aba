namespace Peninsula.Core.Tests;

public class PhasesTests
{
    [Fact]
    public void Ids_OnePerPhase_LowercaseEnumNamesInOrder()
    {
        var phases = Enum.GetValues<Phase>();

        Assert.Equal(Phases.Count, phases.Length);
        Assert.Equal(Phases.Count, Phases.Ids.Count);
        for (var i = 0; i < phases.Length; i++)
        {
            Assert.Equal(i, (int)phases[i]);
            Assert.Equal(phases[i].ToString().ToLowerInvariant(), Phases.Ids[i]);
        }
    }
}
