using System.Text;
using System.Text.Json;

namespace Peninsula.Bargaining;

/// <summary>
/// Writes a bargaining result as JSON for the CLI, keys in a fixed order so equal results give byte-identical
/// files: <c>format</c>, <c>model</c>, <c>scenario</c>, <c>description</c>, <c>dimensions</c>, <c>actors</c>
/// (name, capability, position, salience), <c>turns</c>, <c>forecast</c> (one value per dimension),
/// <c>trajectory</c> (per turn, positions [actor][dimension]), <c>notes</c> and <c>sensitivity</c> (null, or the
/// runs, spread, seed, base forecast and per-dimension mean, sd, q05, q50, q95). Numbers are rounded to 6 decimals;
/// a non-finite number is written as null.
/// </summary>
public static class BargainingJson
{
    /// <summary>The format tag written first.</summary>
    public const string Format = "peninsula-bargaining/1";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises <paramref name="result"/> of a model run on <paramref name="space"/>, with an optional sensitivity summary.</summary>
    public static string Write(IssueSpace space, BargainingResult result, SensitivitySummary? sensitivity = null)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, Options))
            Write(w, space, result, sensitivity);
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>Writes the document object to an open writer (for documents that embed it).</summary>
    public static void Write(Utf8JsonWriter w, IssueSpace space, BargainingResult result, SensitivitySummary? sensitivity = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Forecast.Length != space.DimensionCount)
            throw new ArgumentException($"the result has {result.Forecast.Length} forecasts for {space.DimensionCount} dimensions", nameof(result));
        foreach (var turn in result.Trajectory)
        {
            if (turn.Length != space.ActorCount || turn.Any(row => row.Length != space.DimensionCount))
                throw new ArgumentException("the trajectory does not match the issue space's actors and dimensions", nameof(result));
        }
        if (sensitivity is not null && sensitivity.Dimensions.Length != space.DimensionCount)
            throw new ArgumentException("the sensitivity summary does not match the issue space's dimensions", nameof(sensitivity));

        w.WriteStartObject();
        w.WriteString("format", Format);
        w.WriteString("model", result.Model);
        w.WriteString("scenario", space.Name);
        w.WriteString("description", space.Description);
        w.WriteStartArray("dimensions");
        foreach (var d in space.Dimensions)
            w.WriteStringValue(d);
        w.WriteEndArray();
        w.WriteStartArray("actors");
        foreach (var a in space.Stakeholders)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WritePropertyName("capability");
            Number(w, a.Capability);
            Numbers(w, "position", a.Positions);
            Numbers(w, "salience", a.Saliences);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("turn_count", result.Turns);
        Numbers(w, "forecast", result.Forecast);
        // Positions by turn keyed by actor: {"turns": [{"turn": 0, "positions": {"ACTOR": [x1, ...]}}, ...]}.
        w.WriteStartArray("turns");
        for (var t = 0; t < result.Trajectory.Length; t++)
        {
            w.WriteStartObject();
            w.WriteNumber("turn", t);
            w.WriteStartObject("positions");
            for (var a = 0; a < space.ActorCount; a++) Numbers(w, space.Stakeholders[a].Name, result.Trajectory[t][a]);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("notes");
        foreach (var n in result.Notes)
            w.WriteStringValue(n);
        w.WriteEndArray();
        if (sensitivity is null)
        {
            w.WriteNull("sensitivity");
        }
        else
        {
            w.WriteStartObject("sensitivity");
            w.WriteString("model", sensitivity.Model);
            w.WriteNumber("runs", sensitivity.Runs);
            w.WritePropertyName("spread");
            Number(w, sensitivity.Spread);
            w.WriteNumber("seed", sensitivity.Seed);
            Numbers(w, "base_forecast", sensitivity.BaseForecast);
            w.WriteStartArray("dimensions");
            foreach (var d in sensitivity.Dimensions)
            {
                w.WriteStartObject();
                w.WriteString("dimension", d.Dimension);
                w.WritePropertyName("mean"); Number(w, d.Mean);
                w.WritePropertyName("sd"); Number(w, d.Sd);
                w.WritePropertyName("q05"); Number(w, d.Q05);
                w.WritePropertyName("q50"); Number(w, d.Q50);
                w.WritePropertyName("q95"); Number(w, d.Q95);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Numbers(Utf8JsonWriter w, string name, IEnumerable<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            Number(w, v);
        w.WriteEndArray();
    }

    /// <summary>Rounded to 6 decimals (negative zero written as 0); non-finite written as null.</summary>
    private static void Number(Utf8JsonWriter w, double x)
    {
        if (!double.IsFinite(x))
        {
            w.WriteNullValue();
            return;
        }
        var rounded = Math.Round(x, 6);
        if (rounded == 0)
            rounded = 0; // no negative zero
        w.WriteNumberValue(rounded);
    }
}
