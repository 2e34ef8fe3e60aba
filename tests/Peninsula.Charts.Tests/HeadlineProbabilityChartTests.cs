namespace Peninsula.Charts.Tests;

public class HeadlineProbabilityChartTests
{
    private static readonly Lazy<ChartImage> Sample = new(() => HeadlineProbabilityChart.Create(SampleData.Headline()));

    [Fact]
    public void Create_Sample_RendersPngAndSvg()
    {
        ChartAssert.ValidPng(Sample.Value);
        ChartAssert.SvgHasText(Sample.Value, Sample.Value.Title, "Probability (%)", "Headline outcome",
            "principled diplomacy", "arms control first", "90% interval (parameter uncertainty)");
        Artefacts.Write("headline-probabilities", Sample.Value);
    }

    [Fact]
    public void Create_DifferentData_DifferentImage() =>
        ChartAssert.DifferentImages(Sample.Value, HeadlineProbabilityChart.Create(SampleData.Headline(shift: 0.03)));

    [Fact]
    public void Create_Empty_Throws() =>
        ChartAssert.Invalid(() => HeadlineProbabilityChart.Create(SampleData.Headline() with { Probabilities = [] }),
            "HeadlineProbabilityData.Probabilities");

    [Fact]
    public void Create_MissingCell_Throws()
    {
        HeadlineProbabilityData data = SampleData.Headline();
        ArgumentException ex = ChartAssert.Invalid(
            () => HeadlineProbabilityChart.Create(data with { Probabilities = data.Probabilities.RemoveAt(5) }),
            "HeadlineProbabilityData.Probabilities");
        Assert.Contains("talks within 24 months", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ProbabilityNaN_Throws()
    {
        HeadlineProbabilityData data = SampleData.Headline();
        ChartAssert.Invalid(
            () => HeadlineProbabilityChart.Create(data with { Probabilities = data.Probabilities.SetItem(2, data.Probabilities[2] with { Probability = double.NaN }) }),
            "HeadlineProbabilityData.Probabilities[2].Probability");
    }

    [Fact]
    public void Create_LowerWithoutUpper_Throws()
    {
        HeadlineProbabilityData data = SampleData.Headline();
        ChartAssert.Invalid(
            () => HeadlineProbabilityChart.Create(data with { Probabilities = data.Probabilities.SetItem(0, data.Probabilities[0] with { Upper = null }) }),
            "HeadlineProbabilityData.Probabilities[0].Lower");
    }
}
