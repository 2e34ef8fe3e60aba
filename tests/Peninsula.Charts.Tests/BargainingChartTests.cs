namespace Peninsula.Charts.Tests;

public class BargainingChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => BargainingChart.Create(SampleData.Bargaining()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Turn (bargaining round)",
            "Position on denuclearisation steps (0–100 scale)", "Actor 01 (govt)", "Actor 34 (govt)");
        Artefacts.Write("bargaining-34-actors", Sample.Value);
    }

    [Fact]
    public void Create_FortyActors_EveryActorInLegend()
    {
        ChartImage chart = BargainingChart.Create(SampleData.Bargaining(actors: 40));
        ChartAssert.ValidPng(chart);
        ChartAssert.SvgHasText(chart, [.. SampleData.Bargaining(actors: 40).Actors.Select(a => a.Actor)]);
        Artefacts.Write("bargaining-40-actors", chart);
    }

    [Fact]
    public void Look_FortyActors_AllDistinct()
    {
        var looks = Enumerable.Range(0, 40).Select(i => BargainingChart.Look(i, ChartStyle.OkabeIto.Length)).ToList();
        Assert.Equal(40, looks.Distinct().Count());
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, BargainingChart.Create(SampleData.Bargaining(shift: 1)));

    [Fact]
    public void Create_SingleActor_Renders() =>
        ChartAssert.ValidPng(BargainingChart.Create(SampleData.Bargaining(actors: 1, turns: 1)));

    [Fact]
    public void Create_NoActors_Throws() =>
        ChartAssert.Invalid(() => BargainingChart.Create(SampleData.Bargaining() with { Actors = [] }), "BargainingChartData.Actors");

    [Fact]
    public void Create_TurnCountMismatch_Throws()
    {
        BargainingChartData data = SampleData.Bargaining();
        ActorTrajectory shorter = data.Actors[7] with { Positions = data.Actors[7].Positions.RemoveAt(11) };
        ChartAssert.Invalid(() => BargainingChart.Create(data with { Actors = data.Actors.SetItem(7, shorter) }),
            "BargainingChartData.Actors[7].Positions");
    }

    [Theory]
    [InlineData(100.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Create_PositionOutOfScale_Throws(double value)
    {
        BargainingChartData data = SampleData.Bargaining();
        ActorTrajectory bad = data.Actors[3] with { Positions = data.Actors[3].Positions.SetItem(2, value) };
        ChartAssert.Invalid(() => BargainingChart.Create(data with { Actors = data.Actors.SetItem(3, bad) }),
            "BargainingChartData.Actors[3].Positions[2]");
    }
}
