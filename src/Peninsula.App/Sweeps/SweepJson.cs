using System.Text;
using System.Globalization;
using System.Text.Json;

namespace Peninsula.App;

/// <summary>
/// Writes a sweep as <c>sweep.json</c>: provenance, the grid, every cell with its headline outcomes (with per-draw
/// probabilities and paired differences against the base cell), the sensitivity to each key and the ranking of the
/// swept packages across parameter draws; each cell names the file holding its whole forecast (<see cref="CellFile"/>). Numbers are rounded to 6 decimals in a fixed key order and nothing depends
/// on timing, host, thread count or whether a cell was read back from the store, so equal sweeps give equal bytes.
/// </summary>
public static class SweepJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Where cell <paramref name="index"/>'s whole forecast (every outcome, window and month, as <c>run --out</c> writes
    /// it) is written, relative to sweep.json: <c>cells/0000.json</c> for the base cell.
    /// </summary>
    public static string CellFile(int index) => "cells/" + index.ToString("0000", CultureInfo.InvariantCulture) + ".json";

    /// <summary>Serializes the sweep.</summary>
    public static string Write(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) Write(w, report);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter w, SweepReport r)
    {
        var session = r.Plan.Session;
        w.WriteStartObject();
        w.WriteString("kind", "sweep");
        w.WriteString("scenario", session.Spec.Name);
        w.WriteString("scenario_sha256", session.Loaded.Sha256);
        w.WriteString("code_version", r.Provenance.CodeVersion);
        w.WriteString("data_sha256", r.Provenance.DataSha256);
        w.WriteStartObject("calibration");
        w.WriteString("source", r.Provenance.Calibration.Source);
        if (r.Provenance.Calibration.Cutoff is { } cutoff) w.WriteString("cutoff", cutoff); else w.WriteNull("cutoff");
        w.WriteString("sha256", r.Provenance.Calibration.Sha256);
        w.WriteEndObject();
        w.WriteString("start", r.Start);
        w.WriteNumber("months", r.Months);
        w.WriteNumber("runs_per_cell", r.Runs);
        w.WriteNumber("parameter_draws", r.ParameterDraws);
        w.WriteNumber("seed", r.Seed);
        w.WriteString("base_policy", r.Plan.BasePolicy);
        w.WriteStartArray("grid");
        foreach (var axis in r.Plan.Axes)
        {
            w.WriteStartObject();
            w.WriteString("key", axis.Key);
            w.WriteStartArray("values");
            foreach (var v in axis.Values) w.WriteStringValue(v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("headline");
        for (var h = 0; h < r.Headline.Length; h++) Outcome(w, r, h, null);
        w.WriteEndArray();

        w.WriteStartArray("cells");
        foreach (var cell in r.Cells)
        {
            w.WriteStartObject();
            w.WriteNumber("index", cell.Cell.Index);
            w.WriteStartObject("grid");
            foreach (var (key, value) in cell.Cell.Assignments) w.WriteString(key, value);
            w.WriteEndObject();
            w.WriteString("package", cell.Cell.BasePolicy);
            w.WriteString("run_id", cell.RunId);
            w.WriteString("scenario_sha256", cell.Cell.Session.Loaded.Sha256);
            w.WriteStartArray("outcomes");
            for (var h = 0; h < r.Headline.Length; h++)
            {
                var o = cell.Outcomes[h];
                Outcome(w, r, h, () =>
                {
                    w.WritePropertyName("p");
                    Number(w, o.P);
                    w.WritePropertyName("ci95_mc");
                    Pair(w, o.Ci95Mc);
                    w.WritePropertyName("ci90_param");
                    Pair(w, o.Ci90Param);
                    w.WriteStartArray("per_draw");
                    foreach (var p in o.PerDraw) Number(w, p);
                    w.WriteEndArray();
                    w.WriteStartObject("vs_base");
                    Difference(w, o.VsBase);
                    w.WritePropertyName("ci95_mc_unpaired");
                    Pair(w, o.Ci95McUnpaired);
                    w.WriteEndObject();
                });
            }
            w.WriteEndArray();
            w.WriteString("forecast", CellFile(cell.Cell.Index));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("sensitivity");
        foreach (var s in r.Sensitivity)
        {
            w.WriteStartObject();
            w.WriteString("key", s.Key);
            w.WriteStartArray("values");
            foreach (var v in s.Values)
            {
                w.WriteStartObject();
                w.WriteString("value", v.Value);
                w.WriteStartArray("outcomes");
                for (var h = 0; h < r.Headline.Length; h++)
                {
                    Outcome(w, r, h, () =>
                    {
                        w.WritePropertyName("p");
                        Number(w, v.Level[h].Value);
                        w.WritePropertyName("ci95_mc");
                        Pair(w, v.Level[h].Ci95Mc);
                        w.WritePropertyName("ci90_param");
                        Pair(w, v.Level[h].Ci90Param);
                        w.WriteStartObject("vs_first");
                        Difference(w, v.VsFirst[h]);
                        w.WriteEndObject();
                    });
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("swing");
            for (var h = 0; h < r.Headline.Length; h++)
            {
                var sw = s.Swings[h];
                Outcome(w, r, h, () =>
                {
                    w.WritePropertyName("low");
                    Number(w, sw.Low);
                    w.WriteString("low_value", sw.LowValue);
                    w.WritePropertyName("high");
                    Number(w, sw.High);
                    w.WriteString("high_value", sw.HighValue);
                    w.WritePropertyName("width");
                    Number(w, sw.Width);
                });
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (r.Ranking.IsEmpty)
        {
            w.WriteNull("ranking");
        }
        else
        {
            w.WriteStartArray("ranking");
            for (var h = 0; h < r.Headline.Length; h++)
            {
                var k = r.Ranking[h];
                Outcome(w, r, h, () =>
                {
                    w.WriteStartArray("order");
                    foreach (var p in k.Order) w.WriteStringValue(p);
                    w.WriteEndArray();
                    w.WriteStartArray("p");
                    foreach (var p in k.P) Number(w, p);
                    w.WriteEndArray();
                    w.WriteNumber("draws", r.ParameterDraws);
                    w.WriteNumber("same_order_draws", k.SameOrderDraws);
                    w.WriteStartObject("first_draws");
                    for (var i = 0; i < k.Order.Length; i++) w.WriteNumber(k.Order[i], k.FirstDraws[i]);
                    w.WriteEndObject();
                    w.WriteStartArray("pairs");
                    foreach (var pair in k.Pairs)
                    {
                        w.WriteStartObject();
                        w.WriteString("higher", pair.Higher);
                        w.WriteString("lower", pair.Lower);
                        w.WriteNumber("reversed_draws", pair.Reversed);
                        w.WriteNumber("clearly_reversed_draws", pair.ClearlyReversed);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                });
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Outcome(Utf8JsonWriter w, SweepReport r, int h, Action? body)
    {
        w.WriteStartObject();
        w.WriteString("id", r.OutcomeId(h));
        w.WriteNumber("within_months", r.Headline[h].Window);
        body?.Invoke();
        w.WriteEndObject();
    }

    private static void Difference(Utf8JsonWriter w, Estimate e)
    {
        w.WritePropertyName("difference");
        Number(w, e.Value);
        w.WritePropertyName("ci95_mc");
        Pair(w, e.Ci95Mc);
        w.WritePropertyName("ci90_param");
        Pair(w, e.Ci90Param);
    }

    private static void Pair(Utf8JsonWriter w, (double Lo, double Hi) pair)
    {
        w.WriteStartArray();
        Number(w, pair.Lo);
        Number(w, pair.Hi);
        w.WriteEndArray();
    }

    /// <summary>Rounded to 6 decimals; NaN written as null (as in the forecast JSON).</summary>
    private static void Number(Utf8JsonWriter w, double x)
    {
        if (!double.IsFinite(x))
        {
            w.WriteNullValue();
            return;
        }
        var r = Math.Round(x, 6);
        if (r == 0) r = 0; // no negative zero
        w.WriteNumberValue(r);
    }
}
