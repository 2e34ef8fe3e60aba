using System.Collections.Immutable;
using System.Text.Json;
using Peninsula.Core;
using Peninsula.Engine.Output;

namespace Peninsula.Reporting;

/// <summary>A forecast JSON document that cannot be read back; the message is one line naming the source and the field.</summary>
public sealed class ForecastJsonException(string message) : Exception(message);

/// <summary>
/// Reads what <see cref="ForecastJson"/> writes back into <see cref="ForecastDocument"/> and
/// <see cref="PairedDifference"/> values (DESIGN section 7): one forecast, or a comparison
/// (<c>{"forecasts": […], "paired_differences": […]}</c>). Numbers written as null (NaN) come back as NaN, so
/// <c>ForecastJson.Write(Read(text)) == text</c> for anything the writer produced. Extra fields are ignored.
/// </summary>
public static class ForecastJsonReader
{
    /// <summary>Reads one forecast document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">What the text is (a file name, "run 1a2b…"), named in errors.</param>
    /// <exception cref="ForecastJsonException">Malformed JSON or a missing or mistyped field.</exception>
    public static ForecastDocument Read(string json, string source = "forecast JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = Parse(json, source);
        return Document(doc.RootElement, source);
    }

    /// <summary>
    /// Reads a comparison (forecasts and paired differences); a single forecast document is accepted too and
    /// comes back as one forecast without differences.
    /// </summary>
    /// <exception cref="ForecastJsonException">Malformed JSON or a missing or mistyped field.</exception>
    public static (ImmutableArray<ForecastDocument> Forecasts, ImmutableArray<PairedDifference> Differences) ReadComparison(string json, string source = "comparison JSON")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = Parse(json, source);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("forecasts", out _))
            return ([Document(root, source)], []);
        var forecasts = Array(root, "forecasts", source).Select((f, i) => Document(f, $"{source}: forecasts[{i}]")).ToImmutableArray();
        var differences = Array(root, "paired_differences", source).Select((d, i) =>
        {
            var where = $"{source}: paired_differences[{i}]";
            return new PairedDifference(Str(d, "policy", where), Str(d, "reference", where), Str(d, "id", where), Int(d, "within_months", where),
                Num(d, "difference", where), Pair(d, "ci95_mc", where), Pair(d, "ci90_param", where));
        }).ToImmutableArray();
        return (forecasts, differences);
    }

    private static JsonDocument Parse(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new ForecastJsonException($"{source}:{(e.LineNumber ?? 0) + 1}: malformed JSON");
        }
    }

    private static ForecastDocument Document(JsonElement e, string source)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ForecastJsonException($"{source}: expected a forecast object");
        var cal = Obj(e, "calibration", source);
        var calWhere = source + ": calibration";
        var provenance = new Provenance(Str(e, "code_version", source), Str(e, "scenario_sha256", source), Str(e, "data_sha256", source),
            new CalibrationInfo(Str(cal, "source", calWhere), OptStr(cal, "cutoff", calWhere), Str(cal, "sha256", calWhere)));
        var monthly = Array(e, "monthly", source).Select((m, i) => Month(m, $"{source}: monthly[{i}]")).ToImmutableArray();
        var outcomes = Array(e, "outcomes", source).Select((o, i) =>
        {
            var where = $"{source}: outcomes[{i}]";
            return new OutcomeForecast(Str(o, "id", where), Int(o, "within_months", where), Num(o, "p", where), Pair(o, "ci95_mc", where), Pair(o, "ci90_param", where));
        }).ToImmutableArray();
        var cumulative = Obj(e, "cumulative", source).EnumerateObject()
            .Select(p => new CumulativeCurve(p.Name, Elements(p.Value, $"{source}: cumulative.{p.Name}").Select((b, i) => Band(b, $"{source}: cumulative.{p.Name}[{i}]")).ToImmutableArray()))
            .ToImmutableArray();
        var seed = Prop(e, "seed", source);
        if (seed.ValueKind != JsonValueKind.Number || !seed.TryGetUInt64(out var s)) throw Bad(source, "seed", "a non-negative integer");
        return new ForecastDocument(
            Str(e, "scenario", source), Str(e, "policy", source), provenance, Str(e, "start", source), Int(e, "months", source), Int(e, "runs", source),
            Int(e, "parameter_draws", source), s, [.. Array(e, "level_labels", source).Select((l, i) => l.ValueKind == JsonValueKind.String ? l.GetString()! : throw Bad(source, $"level_labels[{i}]", "a string"))],
            monthly, outcomes, cumulative);
    }

    private static MonthlyForecast Month(JsonElement m, string where)
    {
        var phase = Obj(m, "phase", where);
        var phases = ImmutableArray.CreateBuilder<double>(Phases.Count);
        for (var p = 0; p < Phases.Count; p++) phases.Add(Num(phase, Phases.Ids[p], where + ": phase"));
        return new MonthlyForecast(
            Str(m, "month", where),
            [.. Elements(Prop(m, "ladder", where), where + ": ladder").Select((x, i) => Value(x, where, $"ladder[{i}]"))],
            [.. Elements(Prop(m, "ladder_ci90", where), where + ": ladder_ci90").Select((x, i) => PairOf(x, where, $"ladder_ci90[{i}]"))],
            Num(m, "engage", where),
            phases.MoveToImmutable(),
            Quantity(m, "sanctions_pressure", where),
            Quantity(m, "economic_stress", where),
            Quantity(m, "trust", where),
            [.. Elements(Prop(m, "exceedance", where), where + ": exceedance").Select((b, i) => Band(b, $"{where}: exceedance[{i}]"))]);
    }

    private static QuantitySummary Quantity(JsonElement m, string name, string where)
    {
        var q = Obj(m, name, where);
        var w = $"{where}: {name}";
        return new QuantitySummary(Num(q, "mean", w), Num(q, "q05", w), Num(q, "q50", w), Num(q, "q95", w));
    }

    private static ProbabilityBand Band(JsonElement b, string where) =>
        new(Num(b, "p", where), Pair(b, "band50", where), Pair(b, "band90", where));

    private static JsonElement Prop(JsonElement e, string name, string where)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new ForecastJsonException($"{where}: expected an object");
        return e.TryGetProperty(name, out var v) ? v : throw new ForecastJsonException($"{where}: missing field '{name}'");
    }

    private static JsonElement Obj(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind == JsonValueKind.Object ? v : throw Bad(where, name, "an object");
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw Bad(where, name, "an array");
    }

    private static JsonElement.ArrayEnumerator Elements(JsonElement v, string where) =>
        v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : throw new ForecastJsonException($"{where}: expected an array");

    private static string Str(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Bad(where, name, "a string");
    }

    private static string? OptStr(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => v.GetString(),
            _ => throw Bad(where, name, "a string or null"),
        };
    }

    private static int Int(JsonElement e, string name, string where)
    {
        var v = Prop(e, name, where);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : throw Bad(where, name, "an integer");
    }

    private static double Num(JsonElement e, string name, string where) => Value(Prop(e, name, where), where, name);

    private static double Value(JsonElement v, string where, string name) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.Null => double.NaN,
        _ => throw Bad(where, name, "a number or null"),
    };

    private static (double Lo, double Hi) Pair(JsonElement e, string name, string where) => PairOf(Prop(e, name, where), where, name);

    private static (double Lo, double Hi) PairOf(JsonElement v, string where, string name)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 2) throw Bad(where, name, "a pair [lo, hi]");
        return (Value(v[0], where, name), Value(v[1], where, name));
    }

    private static ForecastJsonException Bad(string where, string name, string expected) => new($"{where}: field '{name}' must be {expected}");
}
