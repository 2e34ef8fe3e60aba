using Peninsula.Cli.Infrastructure;

namespace Peninsula.Cli.Tests;

/// <summary>Grid parsing and the one-line errors for bad input.</summary>
public sealed partial class SweepTests
{
    private static void OneLineError(CliRunner.Outcome r, params string[] expected)
    {
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Errors.Trim().Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got: {r.Errors}");
        Assert.StartsWith("peninsula: ", lines[0], StringComparison.Ordinal);
        foreach (var e in expected) Assert.Contains(e, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", r.Errors.Replace("at least", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo=1,2", "--grid foo: unknown key", "policy, message, message_start")]
    [InlineData("demand", "--grid 'demand': expected KEY=V1,V2", "exercise_scale")]
    [InlineData("demand=", "--grid demand: no values", "")]
    [InlineData("demand=40,,60", "--grid demand: empty value", "")]
    [InlineData("demand=40,40", "--grid demand: the value '40' is listed twice", "")]
    [InlineData("message=maybe", "--grid message: 'maybe' is not on or off", "")]
    [InlineData("channels=new-york++via-seoul", "--grid channels:", "joined by '+'")]
    [InlineData("policy=nope", "--grid policy: unknown package 'nope'", "strategic-patience")]
    [InlineData("demand=40,150", "--grid demand=150:", "demand")]
    [InlineData("talks=sideways", "--grid talks=sideways:", "bottom-up")]
    [InlineData("aid_level=abc", "--grid aid_level=abc:", "number")]
    [InlineData("message_start=2021-13", "--grid message_start=2021-13:", "month")]
    [InlineData("channels=new-york+nowhere", "--grid channels=new-york+nowhere:", "nowhere")]
    public void Grid_BadInput_OneLineErrorNamingTheKey(string grid, string expected, string also)
    {
        OneLineError(Sweep("--grid", grid, "--db", Db), expected, also);
        Assert.False(File.Exists(Db), "nothing is stored when the grid is refused");
    }

    [Fact]
    public void Grid_Missing_SaysItIsRequiredAndListsTheKeys() =>
        OneLineError(Sweep("--db", Db), "--grid is required", "policy, message");

    [Fact]
    public void Grid_KeyTwice_AsksForOneList() =>
        OneLineError(Sweep("--grid", "demand=40", "--grid", "demand=100", "--db", Db), "--grid demand: the key is given twice");

    [Fact]
    public void Grid_MessageDetailOnAPackageWithoutMessage_SaysToTurnItOn() =>
        OneLineError(Sweep("--grid", "message_start=2021-03,2021-06", "--policy", Patience, "--db", Db), "--grid message_start:", "sends no opening message", "--grid message=on");

    [Fact]
    public void Grid_PolicyKeyAndPolicyOption_Refused() =>
        OneLineError(Sweep("--grid", $"policy={Principled},{Patience}", "--policy", Patience, "--db", Db), "--policy cannot be used with --grid policy");

    [Theory]
    [InlineData("0", "--posterior-draws must be at least 1")]
    [InlineData("500", "--posterior-draws (500) cannot exceed --runs (200)")]
    public void PosteriorDraws_OutOfRange_OneLineError(string draws, string expected) =>
        OneLineError(Sweep("--grid", "demand=40,100", "--posterior-draws", draws, "--db", Db), expected);

    [Fact]
    public void Out_IsAFile_OneLineError()
    {
        var file = Path.Combine(_dir, "taken");
        File.WriteAllText(file, "");
        OneLineError(Sweep("--grid", "demand=40,100", "--db", Db, "--out", file), "--out:", "is a file");
    }

    [Fact]
    public void Out_ParentMissing_OneLineError() =>
        OneLineError(Sweep("--grid", "demand=40,100", "--db", Db, "--out", Path.Combine(_dir, "no", "such")), "--out: folder", "does not exist");

    [Fact]
    public void Parse_KeysAndSwitches_Normalised()
    {
        var axes = LeverGrid.Parse(["Message-Start=2021-02, 2021-06", "message=ON,no", "channels=new-york + via-seoul,new-york", "policy=a,b"]);
        Assert.Equal(["message_start", "message", "channels", "policy"], axes.Select(a => a.Key).ToArray());
        Assert.Equal(["2021-02", "2021-06"], axes[0].Values.ToArray());
        Assert.Equal(["on", "off"], axes[1].Values.ToArray());
        Assert.Equal(["new-york+via-seoul", "new-york"], axes[2].Values.ToArray());
        Assert.Equal(16, LeverGrid.CellCount(axes));
    }

    [Fact]
    public void Parse_TooManyCells_Refused()
    {
        var values = string.Join(',', Enumerable.Range(0, 40).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var e = Assert.Throws<UserErrorException>(() => LeverGrid.Parse([$"demand={values}", $"pressure={values}"]));
        Assert.Contains("1600 cells", e.Message, StringComparison.Ordinal);
        Assert.Contains($"limit of {LeverGrid.MaxCells}", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every grid of 1–3 keys with 1–4 values (deterministic pseudo-random choices) parses to axes whose Cartesian
    /// product has the product of the value counts as cells, keys and values in the order given.
    /// </summary>
    [Fact]
    public void Parse_RandomValidGrids_CellCountIsTheProduct()
    {
        var random = new Random(20261129);
        string[] numeric = ["demand", "relief_offer", "normalization_offer", "pressure", "engagement", "aid_level", "exercise_scale", "mediator_coordination"];
        for (var trial = 0; trial < 200; trial++)
        {
            var keys = numeric.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            var specs = keys.Select(k => $"{k}={string.Join(',', Enumerable.Range(0, random.Next(1, 5)).Select(i => (i * 0.25).ToString(System.Globalization.CultureInfo.InvariantCulture)))}").ToList();
            var axes = LeverGrid.Parse(specs);
            Assert.Equal(keys, axes.Select(a => a.Key).ToList());
            var expected = specs.Aggregate(1L, (n, s) => n * s.Split('=')[1].Split(',').Length);
            Assert.Equal(expected, LeverGrid.CellCount(axes));
        }
    }
}
