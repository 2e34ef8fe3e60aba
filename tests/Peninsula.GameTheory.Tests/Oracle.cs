using System.Text.Json;

namespace Peninsula.GameTheory.Tests;

/// <summary>Reference values loaded at test time from Oracles/oracles.json in the output directory.</summary>
internal static class Oracle
{
    public const double Tolerance = 1e-8;

    private static readonly Lazy<JsonElement> RootValue = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Oracles", "oracles.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.Clone();
    });

    public static JsonElement Root => RootValue.Value;

    public static JsonElement NormalForm(int i) => Root.GetProperty("normal_form")[i];

    public static JsonElement Mle(int i) => Root.GetProperty("mle")[i];

    public static JsonElement AgentQre(int i) => Root.GetProperty("agent_qre_extensive")[i];

    public static JsonElement GamesR => Root.GetProperty("games_R");

    public static TheoryData<int> Indices(string section)
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty(section).GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    public static double[] Vector(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];

    public static double[][] Matrix(JsonElement e) => [.. e.EnumerateArray().Select(Vector)];

    public static NormalFormGame Game(JsonElement c) =>
        new(Matrix(c.GetProperty("payoffs_P1[row][col]")), Matrix(c.GetProperty("payoffs_P2[row][col]")));

    /// <summary>The normal-form game of an mle case: the normal_form case with the same file name.</summary>
    public static NormalFormGame GameOfFile(string file) =>
        Game(Root.GetProperty("normal_form").EnumerateArray().First(c => c.GetProperty("file").GetString() == file));

    public static double MaxAbsDiff(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        Assert.Equal(a.Count, b.Count);
        return a.Zip(b, (x, y) => Math.Abs(x - y)).Max();
    }
}
