namespace Peninsula.Scenarios.Tests;

public sealed class ScenarioErrorTests
{
    [Fact]
    public void ToString_UsesFileNameLinePathAndMessage()
    {
        var error = new ScenarioError("/some/folder/transition-2021.yaml", 42, "policies.aid-first.aid.start", "'2021-13' is not a month");
        Assert.Equal("transition-2021.yaml:42: policies.aid-first.aid.start: '2021-13' is not a month", error.ToString());
    }

    [Fact]
    public void ToString_WithoutPath_LeavesThePathOut()
    {
        var error = new ScenarioError("scenarios/x.yaml", 1, "", "the file is empty");
        Assert.Equal("x.yaml:1: the file is empty", error.ToString());
    }
}
