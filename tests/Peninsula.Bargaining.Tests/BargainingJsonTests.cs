using System.Collections.Immutable;
using System.Text.Json;
using Peninsula.Bargaining.Input;
using Peninsula.Bargaining.Models;
using Peninsula.Bargaining.Tests.Support;

namespace Peninsula.Bargaining.Tests;

public sealed class BargainingJsonTests
{
    [Fact]
    public void Write_KeysComeInTheFixedOrder()
    {
        var space = BdmCsvReader.ReadFile(ReferenceFiles.ExampleActors);
        var result = new ExpectedUtilityModel().Run(space);
        var summary = Sensitivity.Run(new ExpectedUtilityModel(), space, 2, 20, 5);

        using var doc = JsonDocument.Parse(BargainingJson.Write(space, result, summary));
        var root = doc.RootElement;

        Assert.Equal(
            ["format", "model", "scenario", "description", "dimensions", "actors", "turn_count", "forecast", "turns", "notes", "sensitivity"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["name", "capability", "position", "salience"], root.GetProperty("actors")[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["turn", "positions"], root.GetProperty("turns")[0].EnumerateObject().Select(p => p.Name).ToArray());
        // Positions keyed by actor name: {"turns": [{"turn": 0, "positions": {"ACTOR": [x1, ...]}}, ...]}.
        Assert.Equal(space.Stakeholders.Select(a => a.Name), root.GetProperty("turns")[0].GetProperty("positions").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["model", "runs", "spread", "seed", "base_forecast", "dimensions"], root.GetProperty("sensitivity").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["dimension", "mean", "sd", "q05", "q50", "q95"], root.GetProperty("sensitivity").GetProperty("dimensions")[0].EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("peninsula-bargaining/1", root.GetProperty("format").GetString());
        Assert.Equal(10, root.GetProperty("turn_count").GetInt32());
        Assert.Equal(11, root.GetProperty("turns").GetArrayLength());
        Assert.Equal(7.0, root.GetProperty("forecast")[0].GetDouble());
        Assert.Equal(4.144849, root.GetProperty("turns")[10].GetProperty("positions").GetProperty(space.Stakeholders[2].Name)[0].GetDouble());
    }

    [Fact]
    public void Write_SameResult_GivesIdenticalText()
    {
        var space = KtabCsvReader.ReadFile(ReferenceFiles.KtabInput("SOE-Pol-Comp"));

        Assert.Equal(
            BargainingJson.Write(space, new CompromiseModel().Run(space)),
            BargainingJson.Write(space, new CompromiseModel().Run(space)));
    }

    [Fact]
    public void Write_RoundsToSixDecimalsAndWritesNonFiniteAsNull()
    {
        var space = Spaces.OneDimension((1, 10, 50), (1, 20, 50), (1, 30, 50));
        var result = new BargainingResult("x", [ModelSupportTurn(space)], [double.NaN], ["note"]);

        var text = BargainingJson.Write(space, result with { Forecast = [1.23456789] });
        var nan = BargainingJson.Write(space, result);

        Assert.Contains("\"forecast\": [\n    1.234568\n  ]", text, StringComparison.Ordinal);
        Assert.Contains("\"forecast\": [\n    null\n  ]", nan, StringComparison.Ordinal);
        Assert.Contains("\"sensitivity\": null", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MismatchedResult_Throws()
    {
        var space = Spaces.OneDimension((1, 10, 50), (1, 20, 50), (1, 30, 50));
        var result = new BargainingResult("x", [ModelSupportTurn(space)], [1, 2], []);

        Assert.Throws<ArgumentException>(() => BargainingJson.Write(space, result));
    }

    private static ImmutableArray<ImmutableArray<double>> ModelSupportTurn(IssueSpace space) =>
        [.. space.Stakeholders.Select(s => s.Positions)];
}
