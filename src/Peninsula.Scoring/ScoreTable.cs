namespace Peninsula.Scoring;

/// <summary>A range of leads in months, inclusive at both ends (e.g. 1–6).</summary>
/// <param name="Name">Display name, e.g. "1-6".</param>
/// <param name="MinLead">First lead, ≥ 1.</param>
/// <param name="MaxLead">Last lead, ≥ <paramref name="MinLead"/>.</param>
public sealed record LeadBucket(string Name, int MinLead, int MaxLead)
{
    /// <summary>The usual buckets: 1–6, 7–12, 13–24 and 25–48 months.</summary>
    public static IReadOnlyList<LeadBucket> Default { get; } =
    [
        new("1-6", 1, 6),
        new("7-12", 7, 12),
        new("13-24", 13, 24),
        new("25-48", 25, 48),
    ];

    /// <summary>Whether <paramref name="lead"/> falls in the bucket.</summary>
    /// <param name="lead">Lead in months.</param>
    public bool Contains(int lead) => lead >= MinLead && lead <= MaxLead;
}

/// <summary>Forecast probabilities of one binary target from one reference source, aligned with the cases.</summary>
/// <param name="Id">Source identifier (e.g. a <see cref="BaselineIds"/> value).</param>
/// <param name="Probabilities">One probability per case.</param>
public sealed record NamedProbabilities(string Id, double[] Probabilities);

/// <summary>All cases of one binary target in one lead bucket.</summary>
/// <param name="Target">Target name, e.g. "≥3" or "6".</param>
/// <param name="LeadBucket">Lead bucket name, e.g. "1-6".</param>
/// <param name="Times">Time index of each case (e.g. month number of the forecast origin or target month); the block bootstrap resamples these.</param>
/// <param name="Outcomes">Whether the event happened, per case.</param>
/// <param name="Model">The model's probability per case.</param>
/// <param name="References">Each reference's probabilities per case.</param>
public sealed record BinaryForecastGroup(
    string Target,
    string LeadBucket,
    int[] Times,
    bool[] Outcomes,
    double[] Model,
    IReadOnlyList<NamedProbabilities> References);

/// <summary>Categorical forecasts over the full ladder from one reference source, aligned with the cases.</summary>
/// <param name="Id">Source identifier.</param>
/// <param name="Distributions">One distribution over levels 0..K−1 per case.</param>
public sealed record NamedDistributions(string Id, IReadOnlyList<double[]> Distributions);

/// <summary>All full-ladder cases of one lead bucket.</summary>
/// <param name="LeadBucket">Lead bucket name.</param>
/// <param name="Times">Time index of each case.</param>
/// <param name="Outcomes">Observed level per case.</param>
/// <param name="Model">The model's distribution per case.</param>
/// <param name="References">Each reference's distributions per case.</param>
public sealed record OrdinalForecastGroup(
    string LeadBucket,
    int[] Times,
    int[] Outcomes,
    IReadOnlyList<double[]> Model,
    IReadOnlyList<NamedDistributions> References);

/// <summary>Scores of one source on one binary target and lead bucket.</summary>
/// <param name="Id">Source identifier (<see cref="ScoreTableOptions.ModelId"/> for the model).</param>
/// <param name="Brier">Mean Brier score.</param>
/// <param name="LogScore">Mean floored log score (nats, lower is better).</param>
/// <param name="Decomposition">Murphy decomposition and reliability-diagram data.</param>
public sealed record SourceScores(string Id, double Brier, double LogScore, BrierDecomposition Decomposition);

/// <summary>The model's skill against one reference, with block-bootstrap intervals.</summary>
/// <param name="ReferenceId">The reference.</param>
/// <param name="BrierSkill">1 − BS_model / BS_ref.</param>
/// <param name="LogSkill">1 − LS_model / LS_ref.</param>
public sealed record SkillVersus(string ReferenceId, BootstrapInterval BrierSkill, BootstrapInterval LogSkill);

/// <summary>One row of the binary score table.</summary>
/// <param name="Target">Target name.</param>
/// <param name="LeadBucket">Lead bucket name.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="Events">Number of cases whose event happened.</param>
/// <param name="TimeSteps">Length of the resampled time axis (max time − min time + 1).</param>
/// <param name="Model">The model's scores.</param>
/// <param name="References">Each reference's scores, in input order.</param>
/// <param name="Skill">The model's skill against each reference, in input order.</param>
public sealed record BinaryScoreRow(
    string Target,
    string LeadBucket,
    int Cases,
    int Events,
    int TimeSteps,
    SourceScores Model,
    IReadOnlyList<SourceScores> References,
    IReadOnlyList<SkillVersus> Skill);

/// <summary>A named score value.</summary>
/// <param name="Id">Source identifier.</param>
/// <param name="Value">The score.</param>
public sealed record NamedScore(string Id, double Value);

/// <summary>The model's skill against one reference.</summary>
/// <param name="ReferenceId">The reference.</param>
/// <param name="Skill">1 − S_model / S_ref with its block-bootstrap interval.</param>
public sealed record NamedSkill(string ReferenceId, BootstrapInterval Skill);

/// <summary>Ranked probability scores of one lead bucket (full ladder).</summary>
/// <param name="LeadBucket">Lead bucket name.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="TimeSteps">Length of the resampled time axis.</param>
/// <param name="ModelRps">The model's mean RPS (normalised by K − 1).</param>
/// <param name="References">Each reference's mean RPS, in input order.</param>
/// <param name="Skill">The model's ranked probability skill against each reference.</param>
public sealed record RpsRow(
    string LeadBucket,
    int Cases,
    int TimeSteps,
    double ModelRps,
    IReadOnlyList<NamedScore> References,
    IReadOnlyList<NamedSkill> Skill);

/// <summary>Settings of <see cref="ScoreTable"/>.</summary>
public sealed record ScoreTableOptions
{
    /// <summary>The defaults.</summary>
    public static ScoreTableOptions Default { get; } = new();

    /// <summary>Identifier given to the model's scores.</summary>
    public string ModelId { get; init; } = "model";

    /// <summary>Log-score floor ε; default <see cref="Scores.DefaultLogFloor"/>.</summary>
    public double LogFloor { get; init; } = Scores.DefaultLogFloor;

    /// <summary>Equal-width bins of the Murphy decomposition; default <see cref="MurphyDecomposition.DefaultBins"/>.</summary>
    public int Bins { get; init; } = MurphyDecomposition.DefaultBins;

    /// <summary>Coverage of the reliability-diagram frequency intervals; default 90%.</summary>
    public double FrequencyLevel { get; init; } = BinomialInterval.DefaultLevel;

    /// <summary>Method of the reliability-diagram frequency intervals; default Jeffreys.</summary>
    public FrequencyInterval FrequencyInterval { get; init; } = FrequencyInterval.Jeffreys;

    /// <summary>Block-bootstrap settings; every group is resampled with the same seed (common random numbers).</summary>
    public BootstrapOptions Bootstrap { get; init; } = BootstrapOptions.Default;
}

/// <summary>
/// Scores a model against reference forecasts, per target and lead bucket. Skill intervals come from
/// the circular block bootstrap over the time axis: case scores are summed per time index on the axis
/// min(Times)..max(Times) (months with no case contribute nothing), whole blocks of months are resampled,
/// and skill is 1 − Σ model / Σ reference over the resampled months — so cases sharing a month (or
/// neighbouring months) stay together. Brier and log skills against all references share the same
/// resampled indices. Returns plain records; rendering is the caller's job.
/// </summary>
public static class ScoreTable
{
    /// <summary>Largest time axis accepted (max − min + 1).</summary>
    public const int MaxTimeSteps = 1_000_000;

    /// <summary>Scores every group.</summary>
    /// <param name="groups">One group per (target, lead bucket).</param>
    /// <param name="options">Settings; default <see cref="ScoreTableOptions.Default"/>.</param>
    public static IReadOnlyList<BinaryScoreRow> Binary(IEnumerable<BinaryForecastGroup> groups, ScoreTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = new List<BinaryScoreRow>();
        foreach (var g in groups) rows.Add(Binary(g, options));
        return rows;
    }

    /// <summary>Scores one (target, lead bucket) group.</summary>
    /// <param name="group">The cases.</param>
    /// <param name="options">Settings; default <see cref="ScoreTableOptions.Default"/>.</param>
    public static BinaryScoreRow Binary(BinaryForecastGroup group, ScoreTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        options ??= ScoreTableOptions.Default;
        var n = group.Outcomes.Length;
        Scores.CheckPaired(group.Model.Length, n);
        Scores.CheckPaired(group.Times.Length, n);
        CheckReferences(group.References.Select(r => (r.Id, r.Probabilities.Length)), n, options.ModelId);

        var (origin, steps) = TimeAxis(group.Times);
        var model = Source(options.ModelId, group.Model, group.Outcomes, options, group.Times, origin, steps, out var modelBrier, out var modelLog);
        var refs = new List<SourceScores>(group.References.Count);
        var models = new List<double[]>();
        var references = new List<double[]>();
        foreach (var r in group.References)
        {
            refs.Add(Source(r.Id, r.Probabilities, group.Outcomes, options, group.Times, origin, steps, out var refBrier, out var refLog));
            models.Add(modelBrier);
            references.Add(refBrier);
            models.Add(modelLog);
            references.Add(refLog);
        }

        var intervals = models.Count == 0 ? [] : BlockBootstrap.PairedSkills(models, references, options.Bootstrap);
        var skill = new List<SkillVersus>(refs.Count);
        for (var i = 0; i < refs.Count; i++) skill.Add(new SkillVersus(refs[i].Id, intervals[2 * i], intervals[2 * i + 1]));

        var events = 0;
        foreach (var o in group.Outcomes) if (o) events++;
        return new BinaryScoreRow(group.Target, group.LeadBucket, n, events, steps, model, refs, skill);
    }

    /// <summary>Ranked probability scores of every lead bucket.</summary>
    /// <param name="groups">One group per lead bucket.</param>
    /// <param name="options">Settings; default <see cref="ScoreTableOptions.Default"/>.</param>
    public static IReadOnlyList<RpsRow> Rps(IEnumerable<OrdinalForecastGroup> groups, ScoreTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = new List<RpsRow>();
        foreach (var g in groups) rows.Add(Rps(g, options));
        return rows;
    }

    /// <summary>Ranked probability scores (normalised by K − 1) of one lead bucket, with skill intervals.</summary>
    /// <param name="group">The cases.</param>
    /// <param name="options">Settings; default <see cref="ScoreTableOptions.Default"/>.</param>
    public static RpsRow Rps(OrdinalForecastGroup group, ScoreTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        options ??= ScoreTableOptions.Default;
        var n = group.Outcomes.Length;
        Scores.CheckPaired(group.Model.Count, n);
        Scores.CheckPaired(group.Times.Length, n);
        CheckReferences(group.References.Select(r => (r.Id, r.Distributions.Count)), n, options.ModelId);

        var (origin, steps) = TimeAxis(group.Times);
        var k = group.Model[0].Length;
        var modelSeries = RpsSeries(group.Model, group.Outcomes, group.Times, origin, steps, k, out var modelRps);
        var refScores = new List<NamedScore>(group.References.Count);
        var models = new List<double[]>();
        var references = new List<double[]>();
        foreach (var r in group.References)
        {
            references.Add(RpsSeries(r.Distributions, group.Outcomes, group.Times, origin, steps, k, out var refRps));
            models.Add(modelSeries);
            refScores.Add(new NamedScore(r.Id, refRps));
        }
        var intervals = models.Count == 0 ? [] : BlockBootstrap.PairedSkills(models, references, options.Bootstrap);
        var skill = new List<NamedSkill>(refScores.Count);
        for (var i = 0; i < refScores.Count; i++) skill.Add(new NamedSkill(refScores[i].Id, intervals[i]));
        return new RpsRow(group.LeadBucket, n, steps, modelRps, refScores, skill);
    }

    private static SourceScores Source(
        string id,
        double[] probabilities,
        bool[] outcomes,
        ScoreTableOptions options,
        int[] times,
        int origin,
        int steps,
        out double[] brierByTime,
        out double[] logByTime)
    {
        brierByTime = new double[steps];
        logByTime = new double[steps];
        double brier = 0, log = 0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            var b = Scores.Brier(probabilities[i], outcomes[i]);
            var l = Scores.Log(probabilities[i], outcomes[i], options.LogFloor);
            brier += b;
            log += l;
            brierByTime[times[i] - origin] += b;
            logByTime[times[i] - origin] += l;
        }
        var decomposition = MurphyDecomposition.Decompose(probabilities, outcomes, options.Bins, options.FrequencyLevel, options.FrequencyInterval);
        return new SourceScores(id, brier / outcomes.Length, log / outcomes.Length, decomposition);
    }

    private static double[] RpsSeries(IReadOnlyList<double[]> distributions, int[] outcomes, int[] times, int origin, int steps, int k, out double mean)
    {
        var series = new double[steps];
        var sum = 0.0;
        for (var i = 0; i < outcomes.Length; i++)
        {
            if (distributions[i].Length != k)
                throw new ArgumentException($"Case {i} has {distributions[i].Length} categories, expected {k}.", nameof(distributions));
            var s = Scores.RankedProbability(distributions[i], outcomes[i]);
            series[times[i] - origin] += s;
            sum += s;
        }
        mean = sum / outcomes.Length;
        return series;
    }

    private static (int Origin, int Steps) TimeAxis(int[] times)
    {
        int min = times[0], max = times[0];
        foreach (var t in times)
        {
            min = Math.Min(min, t);
            max = Math.Max(max, t);
        }
        var steps = (long)max - min + 1;
        if (steps > MaxTimeSteps)
            throw new ArgumentException($"Time indices span {steps} steps; at most {MaxTimeSteps} are supported.", nameof(times));
        return (min, (int)steps);
    }

    private static void CheckReferences(IEnumerable<(string Id, int Length)> references, int cases, string modelId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { modelId };
        foreach (var (id, length) in references)
        {
            if (!seen.Add(id)) throw new ArgumentException($"Duplicate source id '{id}'.", nameof(references));
            if (length != cases) throw new ArgumentException($"Reference '{id}' has {length} forecasts for {cases} cases.", nameof(references));
        }
    }
}
