using System.Text;
using System.Text.Json;
using Peninsula.Core;

namespace Peninsula.Engine.Output;

/// <summary>
/// The one writer of forecast JSON (DESIGN section 7), used by run, forecast and sweep. Numbers are rounded
/// to 6 decimals and written in a fixed key order, so equal results give byte-identical files.
/// </summary>
public static class ForecastJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializes one forecast.</summary>
    public static string Write(ForecastDocument doc)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options)) WriteDocument(w, doc);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Serializes the forecasts of a comparison and their paired differences.</summary>
    public static string WriteComparison(IReadOnlyList<ForecastDocument> forecasts, IReadOnlyList<PairedDifference> differences)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("forecasts");
            foreach (var f in forecasts) WriteDocument(w, f);
            w.WriteEndArray();
            w.WriteStartArray("paired_differences");
            foreach (var d in differences)
            {
                w.WriteStartObject();
                w.WriteString("policy", d.Policy);
                w.WriteString("reference", d.Reference);
                w.WriteString("id", d.OutcomeId);
                w.WriteNumber("within_months", d.WithinMonths);
                w.WritePropertyName("difference");
                Number(w, d.Difference);
                w.WritePropertyName("ci95_mc");
                Pair(w, d.Ci95Mc.Lo, d.Ci95Mc.Hi);
                w.WritePropertyName("ci90_param");
                Pair(w, d.Ci90Param.Lo, d.Ci90Param.Hi);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Writes one forecast object to an open writer (for documents that embed forecasts).</summary>
    public static void WriteDocument(Utf8JsonWriter w, ForecastDocument doc)
    {
        w.WriteStartObject();
        w.WriteString("scenario", doc.Scenario);
        w.WriteString("scenario_sha256", doc.Provenance.ScenarioSha256);
        w.WriteString("policy", doc.Policy);
        w.WriteString("code_version", doc.Provenance.CodeVersion);
        w.WriteString("data_sha256", doc.Provenance.DataSha256);
        w.WriteStartObject("calibration");
        w.WriteString("source", doc.Provenance.Calibration.Source);
        if (doc.Provenance.Calibration.Cutoff is { } cutoff) w.WriteString("cutoff", cutoff); else w.WriteNull("cutoff");
        w.WriteString("sha256", doc.Provenance.Calibration.Sha256);
        w.WriteEndObject();
        w.WriteString("start", doc.Start);
        w.WriteNumber("months", doc.Months);
        w.WriteNumber("runs", doc.Runs);
        w.WriteNumber("parameter_draws", doc.ParameterDraws);
        w.WriteNumber("seed", doc.Seed);
        w.WriteStartArray("level_labels");
        foreach (var l in doc.LevelLabels) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteStartArray("monthly");
        foreach (var m in doc.Monthly)
        {
            w.WriteStartObject();
            w.WriteString("month", m.Month);
            w.WriteStartArray("ladder");
            foreach (var p in m.Ladder) Number(w, p);
            w.WriteEndArray();
            w.WriteStartArray("ladder_ci90");
            foreach (var (lo, hi) in m.LadderCi90) Pair(w, lo, hi);
            w.WriteEndArray();
            w.WritePropertyName("engage");
            Number(w, m.Engage);
            w.WriteStartObject("phase");
            for (var p = 0; p < Phases.Count; p++)
            {
                w.WritePropertyName(Phases.Ids[p]);
                Number(w, m.Phase[p]);
            }
            w.WriteEndObject();
            Quantity(w, "sanctions_pressure", m.SanctionsPressure);
            Quantity(w, "economic_stress", m.EconomicStress);
            Quantity(w, "trust", m.Trust);
            w.WriteStartArray("exceedance");
            foreach (var b in m.Exceedance) Band(w, b);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("outcomes");
        foreach (var o in doc.Outcomes)
        {
            w.WriteStartObject();
            w.WriteString("id", o.Id);
            w.WriteNumber("within_months", o.WithinMonths);
            w.WritePropertyName("p");
            Number(w, o.P);
            w.WritePropertyName("ci95_mc");
            Pair(w, o.Ci95Mc.Lo, o.Ci95Mc.Hi);
            w.WritePropertyName("ci90_param");
            Pair(w, o.Ci90Param.Lo, o.Ci90Param.Hi);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("cumulative");
        foreach (var c in doc.Cumulative)
        {
            w.WriteStartArray(c.Id);
            foreach (var b in c.ByMonth) Band(w, b);
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Band(Utf8JsonWriter w, ProbabilityBand b)
    {
        w.WriteStartObject();
        w.WritePropertyName("p"); Number(w, b.P);
        w.WritePropertyName("band50"); Pair(w, b.Band50.Lo, b.Band50.Hi);
        w.WritePropertyName("band90"); Pair(w, b.Band90.Lo, b.Band90.Hi);
        w.WriteEndObject();
    }

    private static void Quantity(Utf8JsonWriter w, string name, QuantitySummary q)
    {
        w.WriteStartObject(name);
        w.WritePropertyName("mean"); Number(w, q.Mean);
        w.WritePropertyName("q05"); Number(w, q.Q05);
        w.WritePropertyName("q50"); Number(w, q.Q50);
        w.WritePropertyName("q95"); Number(w, q.Q95);
        w.WriteEndObject();
    }

    private static void Pair(Utf8JsonWriter w, double lo, double hi)
    {
        w.WriteStartArray();
        Number(w, lo);
        Number(w, hi);
        w.WriteEndArray();
    }

    /// <summary>Rounded to 6 decimals; NaN written as null.</summary>
    private static void Number(Utf8JsonWriter w, double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x)) { w.WriteNullValue(); return; }
        var r = Math.Round(x, 6);
        if (r == 0) r = 0; // no negative zero
        w.WriteNumberValue(r);
    }
}
