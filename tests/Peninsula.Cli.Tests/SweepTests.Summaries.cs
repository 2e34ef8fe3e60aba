using System.Text.Json;
using Peninsula.Storage;

namespace Peninsula.Cli.Tests;

/// <summary>The sensitivity and ranking summaries agree with the cells, and the cells with the stored runs.</summary>
public sealed partial class SweepTests
{
    [Fact]
    public void Sweep_Summaries_ConsistentWithTheCellsAndTheStore()
    {
        var output = Path.Combine(_dir, "out");
        var r = Ok(Sweep("--grid", $"policy={Principled},{Patience},maximum-pressure", "--grid", "exercise_scale=0,1", "--runs", "400", "--db", Db, "--out", output));
        var json = Json(output);
        var cells = json.GetProperty("cells").EnumerateArray().ToList();
        var headline = json.GetProperty("headline").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        double P(JsonElement cell, string id) => Outcome(cell, id).GetProperty("p").GetDouble();

        // Each cell's P is the one stored with its run.
        using (var store = RunStores.Open(Db))
        {
            foreach (var cell in cells)
            {
                var stored = JsonDocument.Parse(store.LoadForecast(cell.GetProperty("run_id").GetString()!)!).RootElement.GetProperty("outcomes").EnumerateArray();
                foreach (var id in headline)
                {
                    var o = stored.First(x => x.GetProperty("id").GetString() == id && x.GetProperty("within_months").GetInt32() == 12);
                    Assert.Equal(o.GetProperty("p").GetDouble(), P(cell, id), 6);
                }
            }
        }

        // Each value's level is the mean of its cells, its change the difference of means, its swing the spread of the changes.
        foreach (var key in json.GetProperty("sensitivity").EnumerateArray())
        {
            var name = key.GetProperty("key").GetString()!;
            var values = key.GetProperty("values").EnumerateArray().ToList();
            List<JsonElement> With(string value) => [.. cells.Where(c => c.GetProperty("grid").GetProperty(name).GetString() == value)];
            var first = With(values[0].GetProperty("value").GetString()!);
            foreach (var id in headline)
            {
                var changes = new List<double>();
                foreach (var value in values)
                {
                    var mine = With(value.GetProperty("value").GetString()!);
                    Assert.Equal(cells.Count / values.Count, mine.Count);
                    var o = Outcome(value, id);
                    Assert.Equal(mine.Average(c => P(c, id)), o.GetProperty("p").GetDouble(), 5);
                    var change = o.GetProperty("vs_first").GetProperty("difference").GetDouble();
                    Assert.Equal(mine.Average(c => P(c, id)) - first.Average(c => P(c, id)), change, 5);
                    changes.Add(change);
                }
                var swing = key.GetProperty("swing").EnumerateArray().First(s => s.GetProperty("id").GetString() == id);
                Assert.Equal(changes.Max() - changes.Min(), swing.GetProperty("width").GetDouble(), 5);
                Assert.Equal(changes.Min(), swing.GetProperty("low").GetDouble(), 5);
                Assert.Equal(changes.Max(), swing.GetProperty("high").GetDouble(), 5);
            }
        }

        // The ranking's order is the packages by decreasing mean P, and it is printed.
        var ranking = json.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(headline.Count, ranking.Count);
        foreach (var rank in ranking)
        {
            var id = rank.GetProperty("id").GetString()!;
            var p = rank.GetProperty("p").EnumerateArray().Select(x => x.GetDouble()).ToList();
            Assert.Equal(p.OrderByDescending(x => x), p);
            var order = rank.GetProperty("order").EnumerateArray().Select(x => x.GetString()!).ToList();
            for (var i = 0; i < order.Count; i++)
                Assert.Equal(cells.Where(c => c.GetProperty("grid").GetProperty("policy").GetString() == order[i]).Average(c => P(c, id)), p[i], 5);
            var draws = rank.GetProperty("draws").GetInt32();
            Assert.InRange(rank.GetProperty("same_order_draws").GetInt32(), 0, draws);
            Assert.All(rank.GetProperty("pairs").EnumerateArray(), pair =>
                Assert.InRange(pair.GetProperty("clearly_reversed_draws").GetInt32(), 0, pair.GetProperty("reversed_draws").GetInt32()));
        }
        Assert.Contains("Ranking of the packages in each of the 10 parameter draws", r.Output, StringComparison.Ordinal);
        Assert.Contains("Sensitivity: change against each key's first value", r.Output, StringComparison.Ordinal);
    }
}
