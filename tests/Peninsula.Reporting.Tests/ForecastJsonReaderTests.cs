using Peninsula.Engine.Output;

namespace Peninsula.Reporting.Tests;

public sealed class ForecastJsonReaderTests
{
    [Fact]
    public void Read_WrittenForecast_WritesBackByteIdentical()
    {
        var json = ForecastJson.Write(TestData.Forecast);
        var back = ForecastJsonReader.Read(json, "f.json");
        Assert.Equal(json, ForecastJson.Write(back));
        Assert.Equal(TestData.Forecast.Policy, back.Policy);
        Assert.Equal(TestData.Forecast.Monthly.Length, back.Monthly.Length);
        Assert.Equal(TestData.Forecast.Provenance.Calibration.Cutoff, back.Provenance.Calibration.Cutoff);
    }

    [Fact]
    public void ReadComparison_WrittenComparison_WritesBackByteIdentical()
    {
        var c = TestData.Comparison;
        var json = ForecastJson.WriteComparison(c.Forecasts, c.Differences);
        var (forecasts, differences) = ForecastJsonReader.ReadComparison(json, "c.json");
        Assert.Equal(c.Forecasts.Count, forecasts.Length);
        Assert.Equal(c.Differences.Count, differences.Length);
        Assert.Equal(json, ForecastJson.WriteComparison(forecasts, differences));
    }

    [Fact]
    public void ReadComparison_SingleForecast_OneForecastNoDifferences()
    {
        var (forecasts, differences) = ForecastJsonReader.ReadComparison(ForecastJson.Write(TestData.Forecast));
        Assert.Single(forecasts);
        Assert.Empty(differences);
    }

    [Fact]
    public void Read_NullNumber_ComesBackAsNaN()
    {
        var json = ForecastJson.Write(TestData.Forecast);
        var i = json.IndexOf("\"engage\": ", StringComparison.Ordinal) + "\"engage\": ".Length;
        var j = json.IndexOf(',', i);
        var back = ForecastJsonReader.Read(json[..i] + "null" + json[j..]);
        Assert.True(double.IsNaN(back.Monthly[0].Engage));
    }

    [Fact]
    public void Read_Malformed_OneLineNamingTheSource()
    {
        var e = Assert.Throws<ForecastJsonException>(() => ForecastJsonReader.Read("{\"scenario\": ", "run 1234abcd"));
        Assert.StartsWith("run 1234abcd:", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Read_MissingField_NamesTheField()
    {
        var json = ForecastJson.Write(TestData.Forecast).Replace("\"parameter_draws\"", "\"draws\"", StringComparison.Ordinal);
        var e = Assert.Throws<ForecastJsonException>(() => ForecastJsonReader.Read(json, "f.json"));
        Assert.Contains("parameter_draws", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WrongType_NamesTheFieldAndWhere()
    {
        var json = ForecastJson.Write(TestData.Forecast);
        var i = json.IndexOf("\"ladder\": [", StringComparison.Ordinal) + "\"ladder\": [".Length;
        var bad = json[..i] + "\"x\"" + json[json.IndexOf(',', i)..];
        var e = Assert.Throws<ForecastJsonException>(() => ForecastJsonReader.Read(bad, "f.json"));
        Assert.Contains("monthly[0]", e.Message, StringComparison.Ordinal);
        Assert.Contains("ladder[0]", e.Message, StringComparison.Ordinal);
    }
}
