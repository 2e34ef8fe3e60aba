using System.Collections.Immutable;
using System.Text.Json;
using Peninsula.Core;

namespace Peninsula.Reporting;

/// <summary>One forecast-probability bin of a reliability table (all values in [0, 1]; NaN when not written).</summary>
public sealed record BacktestBin(double Lower, double Upper, int Count, double MeanForecast, double Observed, double IntervalLower, double IntervalUpper);

/// <summary>The scores of one forecast source (the model or a baseline) on one target and lead bucket.</summary>
public sealed record BacktestScores(string Id, double Brier, double Log, double Reliability, double Resolution, double Uncertainty, ImmutableArray<BacktestBin> Bins);

/// <summary>A skill with its block-bootstrap interval at <paramref name="Level"/> (e.g. 0.9).</summary>
public sealed record SkillInterval(double Point, double Lower, double Upper, double Level);

/// <summary>Brier and log skill of the model against one baseline.</summary>
public sealed record BacktestSkill(string Reference, SkillInterval Brier, SkillInterval Log);

/// <summary>Scores of P(level ≥ k) (target "≥3", "≥4", "≥5", "6") at one lead bucket ("1-6", …, "1-48").</summary>
public sealed record BacktestBinaryRow(string Target, string Lead, int Cases, int Events, BacktestScores Model, ImmutableArray<BacktestScores> References, ImmutableArray<BacktestSkill> Skill);

/// <summary>Ranked probability score of the ladder at one lead bucket, with skill against each baseline.</summary>
public sealed record BacktestRpsRow(string Lead, int Cases, double Model, ImmutableArray<(string Reference, double Rps)> References, ImmutableArray<(string Reference, SkillInterval Skill)> Skill);

/// <summary>P(first level ≥ k within h months of the origin): model and baselines beside what happened.</summary>
public sealed record BacktestWindow(int Level, int WithinMonths, double Model, ImmutableArray<(string Baseline, double P)> Baselines, bool Happened);

/// <summary>One rolling origin: fitted on data up to <paramref name="Origin"/>, scored on the next <paramref name="Months"/> months.</summary>
public sealed record BacktestOrigin(Month Origin, string Scenario, string Policy, int Months, string CalibrationSha256, ImmutableArray<BacktestWindow> Windows)
{
    /// <summary>The last month scored.</summary>
    public Month LastScored => Origin.Plus(Months);
}

/// <summary>
/// A back-test as <c>peninsula backtest --out</c> writes it (docs/backtest-FORM.json): the origins, scores of the
/// monthly P(level ≥ k) and of the ladder against six baselines, with reliability bins and bootstrap intervals.
/// </summary>
/// <param name="File">Where it was read from.</param>
/// <param name="Form">Model form scored ("ordered-cr", "strategic-qre").</param>
/// <param name="Horizon">Months forecast after each origin.</param>
/// <param name="Runs">Monte Carlo runs per origin.</param>
/// <param name="ParameterDraws">Parameter draws per origin.</param>
/// <param name="Seed">Seed.</param>
/// <param name="DataSha256">SHA-256 of the data folder scored against.</param>
/// <param name="Origins">The origins, in order.</param>
/// <param name="Binary">Scores of P(level ≥ k) per target and lead bucket.</param>
/// <param name="Rps">Ranked probability scores per lead bucket.</param>
public sealed record BacktestSummary(
    string File, string Form, int Horizon, int Runs, int ParameterDraws, ulong Seed, string DataSha256,
    ImmutableArray<BacktestOrigin> Origins, ImmutableArray<BacktestBinaryRow> Binary, ImmutableArray<BacktestRpsRow> Rps)
{
    /// <summary>The lead bucket pooling every lead.</summary>
    public const string AllLeads = "1-48";

    /// <summary>The last month any origin scored (what the back-test knows of the record); null without origins.</summary>
    public Month? LastScored => Origins.IsEmpty ? null : Origins.Max(o => o.LastScored);

    /// <summary>The lead bucket pooling every lead: <see cref="AllLeads"/> when present, else the last bucket.</summary>
    public string PooledLead => Binary.Any(r => r.Lead == AllLeads) ? AllLeads : Binary.IsEmpty ? AllLeads : Binary[^1].Lead;

    /// <summary>Reads a back-test JSON file (format peninsula-backtest/1).</summary>
    /// <exception cref="ForecastJsonException">Unreadable, malformed or of another format (message names the file and field).</exception>
    public static BacktestSummary Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ForecastJsonException($"{name}: cannot read ({e.Message.ReplaceLineEndings(" ")})");
        }
        return Parse(text, path);
    }

    /// <summary>Parses back-test JSON text; <paramref name="path"/> names it in errors.</summary>
    public static BacktestSummary Parse(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = Path.GetFileName(path);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var r = doc.RootElement;
            if (Str(r, "format") != "peninsula-backtest/1") throw new ForecastJsonException($"{name}: format: expected 'peninsula-backtest/1'");
            var origins = r.GetProperty("origins").EnumerateArray().Select(o => new BacktestOrigin(
                Core.Month.Parse(Str(o, "origin")), Str(o, "scenario"), Str(o, "policy"), o.GetProperty("months").GetInt32(), Str(o, "calibration_sha256"),
                [.. o.GetProperty("windows").EnumerateArray().Select(w => new BacktestWindow(
                    w.GetProperty("level").GetInt32(), w.GetProperty("within_months").GetInt32(), Num(w.GetProperty("model")),
                    [.. w.GetProperty("baselines").EnumerateObject().Select(b => (b.Name, Num(b.Value)))], w.GetProperty("happened").GetBoolean()))])).ToImmutableArray();
            var binary = r.GetProperty("binary").EnumerateArray().Select(b => new BacktestBinaryRow(
                Str(b, "target"), Str(b, "lead"), b.GetProperty("cases").GetInt32(), b.GetProperty("events").GetInt32(), Scores(b.GetProperty("model")),
                [.. b.GetProperty("references").EnumerateArray().Select(Scores)],
                [.. b.GetProperty("skill").EnumerateArray().Select(s => new BacktestSkill(Str(s, "reference"), Interval(s.GetProperty("brier")), Interval(s.GetProperty("log"))))])).ToImmutableArray();
            var rps = r.GetProperty("rps").EnumerateArray().Select(x => new BacktestRpsRow(
                Str(x, "lead"), x.GetProperty("cases").GetInt32(), Num(x.GetProperty("model")),
                [.. x.GetProperty("references").EnumerateObject().Select(p => (p.Name, Num(p.Value)))],
                [.. x.GetProperty("skill").EnumerateArray().Select(s => (Str(s, "reference"), Interval(s.GetProperty("skill"))))])).ToImmutableArray();
            return new BacktestSummary(path, Str(r, "form"), r.GetProperty("horizon").GetInt32(), r.GetProperty("runs").GetInt32(),
                r.GetProperty("parameter_draws").GetInt32(), r.GetProperty("seed").GetUInt64(), Str(r, "data_sha256"), origins, binary, rps);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ForecastJsonException($"{name}: not a readable back-test ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static BacktestScores Scores(JsonElement s) => new(
        Str(s, "id"), Num(s.GetProperty("brier")), Num(s.GetProperty("log")), Num(s.GetProperty("reliability")), Num(s.GetProperty("resolution")),
        Num(s.GetProperty("uncertainty")),
        [.. s.GetProperty("bins").EnumerateArray().Select(b => new BacktestBin(
            Num(b.GetProperty("lo")), Num(b.GetProperty("hi")), b.GetProperty("count").GetInt32(), Num(b.GetProperty("mean_forecast")),
            Num(b.GetProperty("observed")), Num(b.GetProperty("ci_lo")), Num(b.GetProperty("ci_hi"))))]);

    private static SkillInterval Interval(JsonElement i) =>
        new(Num(i.GetProperty("point")), Num(i.GetProperty("lo")), Num(i.GetProperty("hi")), Num(i.GetProperty("level")));

    private static string Str(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException($"field '{name}' is null");

    private static double Num(JsonElement e) => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble();

    /// <summary>The origins as text, e.g. "2000-12, 2004-12, 2008-12".</summary>
    public string OriginList => string.Join(", ", Origins.Select(o => o.Origin.ToString()));
}
