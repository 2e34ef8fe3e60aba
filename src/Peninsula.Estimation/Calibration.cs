using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Peninsula.Core;

namespace Peninsula.Estimation;

/// <summary>A fitted standardisation entry.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Mean">Centre (0 for rung-specific features).</param>
/// <param name="Scale">Scale.</param>
public sealed record StandardizationEntry(string Feature, double Mean, double Scale);

/// <summary>
/// A calibration: what <c>peninsula fit</c> writes and forecasts read. It records the cutoff, the data's SHA-256,
/// the form, every estimate with both standard errors, and the engine parameters' values and covariance.
/// No timestamps, host names or code version: the same data and options give the same bytes.
/// </summary>
public sealed record Calibration(
    string Form,
    Month Cutoff,
    Month WindowStart,
    int Months,
    string DataSha256,
    string HistorySha256,
    int BootstrapReplicates,
    int BootstrapUsed,
    int BlockLength,
    ulong Seed,
    bool RegimeRisk,
    LadderPriors Priors,
    string OptimizerMethod,
    string OptimizerExit,
    int OptimizerIterations,
    double GradientNorm,
    double LogLikelihood,
    double Aic,
    int ParametersEstimated,
    double EffectiveParameters,
    ImmutableArray<string> Eras,
    string CurrentEra,
    double RegimeVariance,
    ImmutableArray<StandardizationEntry> Standardization,
    ImmutableArray<Estimate> Estimates,
    ImmutableArray<string> EngineNames,
    ImmutableArray<double> EngineValues,
    ImmutableArray<double> EngineSeBootstrap,
    double[,] EngineCovariance,
    ImmutableArray<string> Warnings)
{
    /// <summary>Format id written in every file.</summary>
    public const string FormatId = "peninsula-calibration/1";

    /// <summary>Largest calibration file accepted, in bytes (1 MiB; a fitted calibration is about 20 kB). Larger files are refused unread.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Deepest JSON nesting accepted (a calibration nests 3 levels).</summary>
    public const int MaxDepth = 16;

    /// <summary>Builds the document of a fit.</summary>
    public static Calibration FromFit(LadderFitResult fit, FitOptions options, Month cutoff, string dataSha256, string historySha256)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(options);
        var std = new List<StandardizationEntry>();
        for (var k = 0; k < Engine.Model.FeatureFunction.SharedCount; k++)
            std.Add(new(Engine.Model.FeatureFunction.SharedNames[k], fit.Design.Standardization.Mean[k], fit.Design.Standardization.Scale[k]));
        for (var l = 0; l < Engine.Model.FeatureFunction.RungCount; l++)
            std.Add(new(Engine.Model.FeatureFunction.RungNames[l], 0.0, fit.Design.Standardization.Scale[Engine.Model.FeatureFunction.SharedCount + l]));
        return new Calibration(
            ModelForms.Id(fit.Form), cutoff, fit.Sample.Months[0], fit.Sample.Count, dataSha256, historySha256,
            options.BootstrapReplicates, fit.BootstrapUsed, options.BlockLength, options.Seed, options.RegimeRisk, options.LadderPriors,
            fit.Ladder.Method, fit.Ladder.ExitReason, fit.Ladder.Iterations, fit.Ladder.GradientNorm,
            fit.LogLikelihood, fit.Aic, fit.ParameterCount, fit.EffectiveParameters,
            fit.Sample.EraNames, fit.CurrentEra, fit.RegimeVariance, [.. std], fit.Estimates,
            fit.EngineNames, [.. fit.EngineValues], [.. fit.EngineSeBootstrap], fit.EngineCovariance, fit.Warnings);
    }

    /// <summary>
    /// The prior parameter set with the calibrated parameters' means and covariance block replaced (cross
    /// covariances with unfitted parameters are zero). Values are clamped to each parameter's bounds.
    /// </summary>
    public ParameterSet Apply(ParameterSet priors)
    {
        ArgumentNullException.ThrowIfNull(priors);
        var n = priors.Count;
        var cov = priors.Covariance.ToArray();
        var specs = priors.Specs.ToArray();
        var idx = new int[EngineNames.Length];
        for (var i = 0; i < idx.Length; i++)
        {
            idx[i] = priors.IndexOf(EngineNames[i]);
            if (idx[i] < 0) throw new CalibrationException($"calibration parameter '{EngineNames[i]}' is not a model parameter");
        }
        for (var i = 0; i < idx.Length; i++)
        {
            var p = idx[i];
            for (var j = 0; j < n; j++) { cov[p, j] = 0; cov[j, p] = 0; }
        }
        for (var i = 0; i < idx.Length; i++)
        {
            var s = specs[idx[i]];
            var value = Math.Clamp(EngineValues[i], s.Lower, s.Upper);
            specs[idx[i]] = s with
            {
                Mean = value,
                Sd = Math.Sqrt(Math.Max(0, EngineCovariance[i, i])),
                Rationale = $"fitted: {Form} on {WindowStart}..{Cutoff} ({Months} months), calibration data sha256 {DataSha256[..Math.Min(12, DataSha256.Length)]}",
            };
            for (var j = 0; j < idx.Length; j++) cov[idx[i], idx[j]] = EngineCovariance[i, j];
        }
        return new ParameterSet(specs, cov);
    }

    /// <summary>Serializes with a fixed key order and round-trip numbers.</summary>
    public string ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", FormatId);
            w.WriteString("form", Form);
            w.WriteString("cutoff", Cutoff.ToString());
            w.WriteString("window_start", WindowStart.ToString());
            w.WriteNumber("months", Months);
            w.WriteString("data_sha256", DataSha256);
            w.WriteString("history_scenario_sha256", HistorySha256);
            w.WriteStartObject("options");
            w.WriteNumber("bootstrap_replicates", BootstrapReplicates);
            w.WriteNumber("bootstrap_used", BootstrapUsed);
            w.WriteNumber("block_length", BlockLength);
            w.WriteNumber("seed", Seed);
            w.WriteBoolean("regime_risk", RegimeRisk);
            w.WriteStartObject("prior_sd");
            w.WriteNumber("intercept", Priors.Intercept);
            w.WriteNumber("shared", Priors.Shared);
            w.WriteNumber("rung", Priors.Rung);
            w.WriteNumber("era", Priors.Era);
            w.WriteNumber("coverage", Priors.Coverage);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("optimizer");
            w.WriteString("method", OptimizerMethod);
            w.WriteString("exit_reason", OptimizerExit);
            w.WriteNumber("iterations", OptimizerIterations);
            Num(w, "gradient_norm", GradientNorm);
            w.WriteEndObject();
            Num(w, "log_likelihood", LogLikelihood);
            Num(w, "aic", Aic);
            w.WriteNumber("parameters_estimated", ParametersEstimated);
            Num(w, "effective_parameters", EffectiveParameters);
            w.WriteStartArray("eras");
            foreach (var e in Eras) w.WriteStringValue(e);
            w.WriteEndArray();
            w.WriteString("current_era", CurrentEra);
            Num(w, "regime_variance", RegimeVariance);
            w.WriteStartArray("standardization");
            foreach (var s in Standardization)
            {
                w.WriteStartObject();
                w.WriteString("feature", s.Feature);
                Num(w, "mean", s.Mean);
                Num(w, "scale", s.Scale);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("estimates");
            foreach (var e in Estimates)
            {
                w.WriteStartObject();
                w.WriteString("name", e.Name);
                w.WriteString("scale", e.Scale);
                Num(w, "value", e.Value);
                Num(w, "se_hessian", e.SeHessian);
                Num(w, "se_bootstrap", e.SeBootstrap);
                Num(w, "prior_sd", e.PriorSd);
                if (e.Warning is null) w.WriteNull("warning"); else w.WriteString("warning", e.Warning);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("engine");
            w.WriteStartArray("names");
            foreach (var nme in EngineNames) w.WriteStringValue(nme);
            w.WriteEndArray();
            Array(w, "values", EngineValues);
            Array(w, "se_bootstrap", EngineSeBootstrap);
            w.WriteStartArray("covariance");
            for (var i = 0; i < EngineNames.Length; i++)
            {
                w.WriteStartArray();
                for (var j = 0; j < EngineNames.Length; j++) NumValue(w, EngineCovariance[i, j]);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("warnings");
            foreach (var x in Warnings) w.WriteStringValue(x);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    /// <summary>SHA-256 of the serialized calibration (hex).</summary>
    public string Sha256() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <summary>
    /// Reads a calibration file. Every problem is a <see cref="CalibrationException"/> whose message is one line
    /// naming the file, the line and the field.
    /// </summary>
    public static Calibration Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        string text;
        try { text = ReadBounded(path, name); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CalibrationException($"{OneLineText.Printable(name, 200)}: cannot read the calibration ({OneLineText.Printable(e.Message.Split('\n')[0].Trim(), 300)})");
        }
        return Parse(text, name);
    }

    /// <summary>
    /// The file's text (UTF-8, invalid bytes replaced), read by <see cref="Core.BoundedFile"/> so that neither a huge file
    /// nor a device that never ends is held in memory: more than <see cref="MaxBytes"/> is a <see cref="CalibrationException"/>.
    /// </summary>
    private static string ReadBounded(string path, string name)
    {
        var bytes = (Core.BoundedFile.ReadAllBytes(path, MaxBytes)
            ?? throw new CalibrationException($"{name}:1: the file is larger than {MaxBytes >> 20} MiB")).AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Parses calibration JSON text; <paramref name="name"/> names the file in errors.</summary>
    public static Calibration Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxBytes) throw new CalibrationException($"{name}:1: the text is longer than {MaxBytes >> 20} Mi characters");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new CalibrationException($"{name}:{(e.LineNumber ?? 0) + 1}: malformed JSON ({FirstSentence(e.Message)})");
        }
        catch (ArgumentException e)
        {
            throw new CalibrationException($"{name}:1: not valid text ({FirstSentence(e.Message)})");
        }
        using (doc)
        {
            CheckStrings(text, name);
            var r = new Reader(doc.RootElement, name, text);
            if (r.Str("format") != FormatId) throw r.Error("format", $"expected '{FormatId}'");
            var form = r.Str("form");
            if (!ModelForms.TryParse(form, out _)) throw r.Error("form", $"unknown form '{Show(form)}' (known: {string.Join(", ", ModelForms.Ids)})");
            var cutoff = r.MonthOf("cutoff");
            var start = r.MonthOf("window_start");
            var opt = r.Obj("options");
            var prior = opt.Obj("prior_sd");
            var optim = r.Obj("optimizer");
            var engine = r.Obj("engine");
            var names = engine.Strings("names");
            var values = engine.Numbers("values");
            var seBoot = engine.Numbers("se_bootstrap");
            if (values.Length != names.Length) throw engine.Error("values", $"has {values.Length} entries for {names.Length} names");
            if (seBoot.Length != names.Length) throw engine.Error("se_bootstrap", $"has {seBoot.Length} entries for {names.Length} names");
            if (names.Distinct(StringComparer.Ordinal).Count() != names.Length) throw engine.Error("names", "a parameter is listed twice");
            var cov = engine.Matrix("covariance", names.Length);
            foreach (var v in values) if (!double.IsFinite(v)) throw engine.Error("values", "must be finite numbers");
            var estimates = r.Array("estimates").Select(e => new Estimate(
                e.Str("name"), e.Str("scale"), e.Num("value"), e.Num("se_hessian"), e.Num("se_bootstrap"), e.Num("prior_sd"), e.OptStr("warning"))).ToImmutableArray();
            var std = r.Array("standardization").Select(e => new StandardizationEntry(e.Str("feature"), e.Num("mean"), e.Num("scale"))).ToImmutableArray();
            var cal = new Calibration(
                form, cutoff, start, r.Int("months"), r.Str("data_sha256"), r.Str("history_scenario_sha256"),
                opt.Int("bootstrap_replicates"), opt.Int("bootstrap_used"), opt.Int("block_length"), opt.ULong("seed"), opt.Bool("regime_risk"),
                new LadderPriors(prior.Num("intercept"), prior.Num("shared"), prior.Num("rung"), prior.Num("era"), prior.Num("coverage")),
                optim.Str("method"), optim.Str("exit_reason"), optim.Int("iterations"), optim.Num("gradient_norm"),
                r.Num("log_likelihood"), r.Num("aic"), r.Int("parameters_estimated"), r.Num("effective_parameters"),
                r.Strings("eras"), r.Str("current_era"), r.Num("regime_variance"), std, estimates,
                names, values, seBoot, cov, r.Strings("warnings"));
            if (start > cutoff) throw r.Error("window_start", $"{start} is after the cutoff {cutoff}");
            try { _ = new ParameterSet(names.Select((n, i) => new ParameterSpec(n, values[i], Math.Sqrt(Math.Max(0, cov[i, i])), double.NegativeInfinity, double.PositiveInfinity, "")), cov); }
            catch (ArgumentException) { throw engine.Error("covariance", "is not positive semi-definite"); }
            return cal;
        }
    }

    /// <summary>
    /// Every key and string must decode to text: an escaped lone surrogate (<c>"\uD800"</c>) parses as JSON but makes
    /// <see cref="JsonElement.GetString"/> and property lookups throw, so it is refused here, at its line.
    /// </summary>
    private static void CheckStrings(string text, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                reader.GetString();
            }
            catch (InvalidOperationException)
            {
                var line = bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n') + 1;
                throw new CalibrationException($"{name}:{line}: malformed JSON (an escaped lone UTF-16 surrogate in a {(reader.TokenType == JsonTokenType.PropertyName ? "key" : "string")})");
            }
        }
    }

    /// <summary>User text echoed in a message, kept on one line.</summary>
    private static string Show(string text) => OneLineText.Printable(text, 40);

    private static string FirstSentence(string message)
    {
        // System.Text.Json quotes the offending token, which may hold control characters: escape them.
        var line = message.Split('\n')[0].Trim();
        var cut = line.IndexOf(" Path:", StringComparison.Ordinal);
        return OneLineText.Printable(cut > 0 ? line[..cut].TrimEnd('.') : line.TrimEnd('.'), 200);
    }

    private static void Num(Utf8JsonWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        NumValue(w, v);
    }

    private static void NumValue(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteRawValue(v.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteNullValue();
    }

    private static void Array(Utf8JsonWriter w, string name, ImmutableArray<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) NumValue(w, v);
        w.WriteEndArray();
    }

    /// <summary>Reads fields of one JSON object with errors naming the line of the object.</summary>
    private sealed class Reader(JsonElement element, string file, string text, string path = "")
    {
        public CalibrationException Error(string field, string message) =>
            new($"{file}:{LineOf(field)}: {Path(field)}: {message}");

        private string Path(string field) => path.Length == 0 ? field : path + "." + field;

        private int LineOf(string field)
        {
            // Best effort: the first line where the quoted key appears.
            var key = "\"" + field + "\"";
            var at = text.IndexOf(key, StringComparison.Ordinal);
            return at < 0 ? 1 : text.AsSpan(0, at).Count('\n') + 1;
        }

        private JsonElement Get(string field, JsonValueKind kind)
        {
            if (element.ValueKind != JsonValueKind.Object) throw new CalibrationException($"{file}:1: {path}: must be an object");
            if (!element.TryGetProperty(field, out var v)) throw Error(field, "is missing");
            if (v.ValueKind != kind && !(kind == JsonValueKind.True && v.ValueKind == JsonValueKind.False))
                throw Error(field, $"must be {Describe(kind)}");
            return v;
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            JsonValueKind.True => "true or false",
            _ => kind.ToString(),
        };

        public string Str(string field) => Get(field, JsonValueKind.String).GetString()!;

        public string? OptStr(string field) =>
            element.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public bool Bool(string field) => Get(field, JsonValueKind.True).GetBoolean();

        public double Num(string field)
        {
            if (element.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Null) return double.NaN;
            return Get(field, JsonValueKind.Number).GetDouble();
        }

        public int Int(string field)
        {
            var v = Get(field, JsonValueKind.Number);
            if (!v.TryGetInt32(out var i) || i < 0) throw Error(field, "must be a non-negative integer");
            return i;
        }

        public ulong ULong(string field)
        {
            var v = Get(field, JsonValueKind.Number);
            return v.TryGetUInt64(out var u) ? u : throw Error(field, "must be a non-negative integer");
        }

        public Month MonthOf(string field)
        {
            var s = Str(field);
            return Month.TryParse(s, out var m) ? m : throw Error(field, $"'{Show(s)}' is not a month YYYY-MM");
        }

        public Reader Obj(string field) => new(Get(field, JsonValueKind.Object), file, text, Path(field));

        public IEnumerable<Reader> Array(string field) =>
            Get(field, JsonValueKind.Array).EnumerateArray().Select((e, i) => new Reader(e, file, text, $"{Path(field)}[{i}]")).ToList();

        public ImmutableArray<string> Strings(string field) =>
            [.. Get(field, JsonValueKind.Array).EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Error(field, "must hold strings"))];

        public ImmutableArray<double> Numbers(string field) =>
            [.. Get(field, JsonValueKind.Array).EnumerateArray().Select(e => e.ValueKind switch
            {
                JsonValueKind.Number => e.GetDouble(),
                JsonValueKind.Null => double.NaN,
                _ => throw Error(field, "must hold numbers"),
            })];

        public double[,] Matrix(string field, int n)
        {
            var rows = Get(field, JsonValueKind.Array).EnumerateArray().ToList();
            if (rows.Count != n) throw Error(field, $"has {rows.Count} rows, expected {n}");
            // Every row's shape is checked before the n×n matrix is allocated: n rows of [] with n names must not
            // allocate n² doubles.
            for (var i = 0; i < n; i++)
            {
                if (rows[i].ValueKind != JsonValueKind.Array || rows[i].GetArrayLength() != n) throw Error(field, $"row {i + 1} must hold {n} numbers");
            }
            var m = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                var j = 0;
                foreach (var e in rows[i].EnumerateArray())
                {
                    if (e.ValueKind != JsonValueKind.Number) throw Error(field, $"row {i + 1} must hold numbers");
                    m[i, j++] = e.GetDouble();
                }
            }
            for (var i = 0; i < n; i++)
                for (var j = 0; j < i; j++)
                    if (Math.Abs(m[i, j] - m[j, i]) > 1e-9 * (1 + Math.Abs(m[i, j]))) throw Error(field, $"is not symmetric at ({i + 1}, {j + 1})");
            return m;
        }
    }
}

/// <summary>A calibration file that cannot be used; the message is one line naming file, line and field.</summary>
public sealed class CalibrationException(string message) : Exception(message);
