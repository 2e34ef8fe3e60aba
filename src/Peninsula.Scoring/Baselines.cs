namespace Peninsula.Scoring;

/// <summary>
/// A reference forecast fixed at a forecast origin: for each lead h = 1, 2, … months after the origin,
/// a categorical distribution over the K ladder levels, and the probability that a level ≥ k occurs
/// at least once in months origin + 1 … origin + h (first occurrence within h months).
/// Implementations are immutable, hold their own copy of the data they were built from, and are
/// thread-safe.
/// </summary>
public interface IBaseline
{
    /// <summary>Stable identifier, one of <see cref="BaselineIds"/>.</summary>
    string Id { get; }

    /// <summary>Number of levels K.</summary>
    int Categories { get; }

    /// <summary>Forecast distribution over levels 0..K−1 of month origin + <paramref name="lead"/> (a fresh array).</summary>
    /// <param name="lead">Lead in months, ≥ 1.</param>
    double[] Distribution(int lead);

    /// <summary>
    /// P(some month in origin + 1 … origin + <paramref name="h"/> has level ≥ <paramref name="k"/>).
    /// 1 for k = 0 (h ≥ 1), 0 for k = K or h = 0; non-decreasing in h.
    /// </summary>
    /// <param name="k">Threshold level, 0..K.</param>
    /// <param name="h">Horizon in months, ≥ 0.</param>
    double ProbabilityWithin(int k, int h);
}

/// <summary>Identifiers of the built-in baselines.</summary>
public static class BaselineIds
{
    /// <summary>Long-run frequencies of all months up to the origin.</summary>
    public const string LongRun = "long-run";

    /// <summary>Frequencies of the months from a caller-chosen start index to the origin.</summary>
    public const string RecentRate = "recent-rate";

    /// <summary>Frequencies of the last 12 months up to the origin.</summary>
    public const string Last12 = "last-12";

    /// <summary>First-order Markov chain on the levels.</summary>
    public const string Markov = "markov";

    /// <summary>Month-of-year climatology shrunk toward the long-run rate.</summary>
    public const string Seasonal = "seasonal";

    /// <summary>Exponentially weighted frequencies.</summary>
    public const string Ewma = "ewma";
}

/// <summary>Tuning constants of the baselines (the defaults are the documented ones).</summary>
public sealed record BaselineOptions
{
    /// <summary>Default Jeffreys pseudo-count added to every level's count (½).</summary>
    public const double DefaultSmoothing = 0.5;

    /// <summary>Default window of the "last 12 months" baseline.</summary>
    public const int DefaultRecentWindow = 12;

    /// <summary>Default pseudo-count (in months) shrinking each month-of-year toward the long-run rate.</summary>
    public const double DefaultSeasonalPseudoCount = 12.0;

    /// <summary>Default half-life of the EWMA weights, in months.</summary>
    public const double DefaultEwmaHalfLife = 12.0;

    /// <summary>The defaults.</summary>
    public static BaselineOptions Default { get; } = new();

    /// <summary>
    /// Pseudo-count s &gt; 0 added to each level (frequency baselines: q_j = (c_j + s)/(n + K s)) and to
    /// each cell of a Markov transition row (Dirichlet(s) prior). ½ is the Jeffreys prior.
    /// </summary>
    public double Smoothing { get; init; } = DefaultSmoothing;

    /// <summary>Number of most recent months used by <see cref="BaselineIds.Last12"/>.</summary>
    public int RecentWindow { get; init; } = DefaultRecentWindow;

    /// <summary>
    /// Pseudo-count α of the seasonal baseline: q_{m,j} = (c_{m,j} + α π_j)/(n_m + α), with π the
    /// smoothed long-run distribution and n_m the number of past months with month-of-year m.
    /// </summary>
    public double SeasonalPseudoCount { get; init; } = DefaultSeasonalPseudoCount;

    /// <summary>Half-life H in months of the EWMA: a month d months before the origin weighs 2^(−d/H).</summary>
    public double EwmaHalfLife { get; init; } = DefaultEwmaHalfLife;

    internal void Validate()
    {
        if (!(Smoothing > 0.0 && double.IsFinite(Smoothing)))
            throw new ArgumentOutOfRangeException(nameof(Smoothing), Smoothing, "Smoothing must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(RecentWindow, 1, nameof(RecentWindow));
        if (!(SeasonalPseudoCount >= 0.0 && double.IsFinite(SeasonalPseudoCount)))
            throw new ArgumentOutOfRangeException(nameof(SeasonalPseudoCount), SeasonalPseudoCount, "Pseudo-count must be non-negative.");
        if (!(EwmaHalfLife > 0.0 && double.IsFinite(EwmaHalfLife)))
            throw new ArgumentOutOfRangeException(nameof(EwmaHalfLife), EwmaHalfLife, "Half-life must be positive.");
    }
}

/// <summary>
/// Builds the reference forecasts at a forecast origin. Every builder sees only the labels it is given:
/// <c>labels[t]</c> is the level (0..K−1) of month t, oldest first, and the last entry is the origin
/// month; <c>monthOfYear[t]</c> (1..12) is its calendar month and must advance by one each month.
/// To forecast from an earlier origin, pass a prefix (e.g. <c>labels.AsSpan(0, origin + 1)</c>).
/// <para>
/// Memoryless baselines (all but Markov) forecast each future month independently with q_m, so
/// P(level ≥ k within h) = 1 − Π_{m=1..h} (1 − Q_k(m)), Q_k(m) = Σ_{j≥k} q_{m,j}.
/// </para>
/// </summary>
public static class Baselines
{
    /// <summary>
    /// All six baselines, in the order LongRun, RecentRate, Last12, Markov, Seasonal, EWMA.
    /// </summary>
    /// <param name="labels">Levels of months 0..n−1 up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month (1..12) of each of those months.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="recentStartIndex">First month index used by RecentRate (≥ 0; ≥ n means no data, hence uniform).</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IReadOnlyList<IBaseline> CreateAll(
        ReadOnlySpan<int> labels,
        ReadOnlySpan<int> monthOfYear,
        int categories,
        int recentStartIndex,
        BaselineOptions? options = null) =>
        [
            LongRun(labels, monthOfYear, categories, options),
            RecentRate(labels, monthOfYear, categories, recentStartIndex, options),
            Last12(labels, monthOfYear, categories, options),
            Markov(labels, monthOfYear, categories, options),
            Seasonal(labels, monthOfYear, categories, options),
            Ewma(labels, monthOfYear, categories, options),
        ];

    /// <summary>Long-run rate: q_j = (c_j + s)/(n + K s) over all months, s = ½.</summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline LongRun(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        return new MemorylessBaseline(BaselineIds.LongRun, [Frequencies(labels, categories, options.Smoothing)], monthOfYear[^1]);
    }

    /// <summary>Recent rate: smoothed frequencies of months <paramref name="startIndex"/> … origin.</summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="startIndex">First month used (e.g. the index of January 2010); ≥ n gives the uniform prior.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline RecentRate(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, int startIndex, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        ArgumentOutOfRangeException.ThrowIfNegative(startIndex);
        var window = startIndex >= labels.Length ? [] : labels[startIndex..];
        return new MemorylessBaseline(BaselineIds.RecentRate, [Frequencies(window, categories, options.Smoothing)], monthOfYear[^1]);
    }

    /// <summary>Last 12 months: smoothed frequencies of the last <see cref="BaselineOptions.RecentWindow"/> months (fewer if not available).</summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline Last12(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        var window = labels[Math.Max(0, labels.Length - options.RecentWindow)..];
        return new MemorylessBaseline(BaselineIds.Last12, [Frequencies(window, categories, options.Smoothing)], monthOfYear[^1]);
    }

    /// <summary>
    /// First-order Markov chain: P_ij = (c_ij + s)/(c_i + K s) from all transitions labels[t−1] → labels[t]
    /// up to the origin (Dirichlet(s) prior per row, s = ½), propagated from the origin month's level.
    /// </summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline Markov(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        var counts = new double[categories, categories];
        for (var t = 1; t < labels.Length; t++) counts[labels[t - 1], labels[t]]++;
        var p = new double[categories][];
        for (var i = 0; i < categories; i++)
        {
            var rowTotal = 0.0;
            for (var j = 0; j < categories; j++) rowTotal += counts[i, j];
            p[i] = new double[categories];
            for (var j = 0; j < categories; j++)
                p[i][j] = (counts[i, j] + options.Smoothing) / (rowTotal + categories * options.Smoothing);
        }
        return new MarkovBaseline(p, labels[^1]);
    }

    /// <summary>
    /// Seasonal climatology: q_{m,j} = (c_{m,j} + α π_j)/(n_m + α) for calendar month m, with π the
    /// long-run distribution and α = <see cref="BaselineOptions.SeasonalPseudoCount"/> (12).
    /// </summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline Seasonal(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        var longRun = Frequencies(labels, categories, options.Smoothing);
        var counts = new double[12, categories];
        var totals = new double[12];
        for (var t = 0; t < labels.Length; t++)
        {
            counts[monthOfYear[t] - 1, labels[t]]++;
            totals[monthOfYear[t] - 1]++;
        }
        var alpha = options.SeasonalPseudoCount;
        var table = new double[12][];
        for (var m = 0; m < 12; m++)
        {
            table[m] = new double[categories];
            if (totals[m] + alpha == 0.0)
            {
                Array.Copy(longRun, table[m], categories);
                continue;
            }
            for (var j = 0; j < categories; j++)
                table[m][j] = (counts[m, j] + alpha * longRun[j]) / (totals[m] + alpha);
        }
        return new MemorylessBaseline(BaselineIds.Seasonal, table, monthOfYear[^1]);
    }

    /// <summary>
    /// Exponentially weighted frequencies: a month d months before the origin (d = 0 for the origin)
    /// weighs w = 2^(−d/H), H = <see cref="BaselineOptions.EwmaHalfLife"/> (12); q_j = (Σ w 1[level = j] + s)/(Σ w + K s).
    /// </summary>
    /// <param name="labels">Levels up to and including the origin.</param>
    /// <param name="monthOfYear">Calendar month of each.</param>
    /// <param name="categories">K ≥ 2.</param>
    /// <param name="options">Constants; default <see cref="BaselineOptions.Default"/>.</param>
    public static IBaseline Ewma(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options = null)
    {
        options = Check(labels, monthOfYear, categories, options);
        var weights = new double[categories];
        var total = 0.0;
        var n = labels.Length;
        for (var t = 0; t < n; t++)
        {
            var w = Math.Pow(2.0, -(n - 1 - t) / options.EwmaHalfLife);
            weights[labels[t]] += w;
            total += w;
        }
        var q = new double[categories];
        for (var j = 0; j < categories; j++)
            q[j] = (weights[j] + options.Smoothing) / (total + categories * options.Smoothing);
        return new MemorylessBaseline(BaselineIds.Ewma, [q], monthOfYear[^1]);
    }

    /// <summary>Convenience: P(level ≥ k in month origin + lead) = Σ_{j≥k} Distribution(lead)_j.</summary>
    /// <param name="baseline">The baseline.</param>
    /// <param name="k">Threshold level, 0..K.</param>
    /// <param name="lead">Lead in months, ≥ 1.</param>
    public static double ProbabilityAtLeast(this IBaseline baseline, int k, int lead)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        CheckThreshold(k, baseline.Categories);
        var d = baseline.Distribution(lead);
        var sum = 0.0;
        for (var j = k; j < d.Length; j++) sum += d[j];
        return Math.Min(1.0, sum);
    }

    internal static void CheckThreshold(int k, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, categories);
    }

    internal static void CheckLead(int lead) => ArgumentOutOfRangeException.ThrowIfLessThan(lead, 1);

    private static double[] Frequencies(ReadOnlySpan<int> labels, int categories, double smoothing)
    {
        var counts = new double[categories];
        foreach (var l in labels) counts[l]++;
        var denominator = labels.Length + categories * smoothing;
        for (var j = 0; j < categories; j++) counts[j] = (counts[j] + smoothing) / denominator;
        return counts;
    }

    private static BaselineOptions Check(ReadOnlySpan<int> labels, ReadOnlySpan<int> monthOfYear, int categories, BaselineOptions? options)
    {
        options ??= BaselineOptions.Default;
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 2);
        if (labels.IsEmpty) throw new ArgumentException("At least the origin month's label is required.", nameof(labels));
        if (monthOfYear.Length != labels.Length)
            throw new ArgumentException($"{labels.Length} labels but {monthOfYear.Length} months of year.", nameof(monthOfYear));
        for (var t = 0; t < labels.Length; t++)
        {
            if (labels[t] < 0 || labels[t] >= categories)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[t], $"Label of month {t} is outside 0..{categories - 1}.");
            if (monthOfYear[t] is < 1 or > 12)
                throw new ArgumentOutOfRangeException(nameof(monthOfYear), monthOfYear[t], $"Month of year of month {t} is outside 1..12.");
            if (t > 0 && monthOfYear[t] != monthOfYear[t - 1] % 12 + 1)
                throw new ArgumentException($"Months must be consecutive: month {t} is {monthOfYear[t]} after {monthOfYear[t - 1]}.", nameof(monthOfYear));
        }
        return options;
    }
}

/// <summary>Independent months with a distribution that depends at most on the calendar month.</summary>
internal sealed class MemorylessBaseline : IBaseline
{
    private readonly double[][] _rows;     // 1 row (constant) or 12 rows (January..December)
    private readonly double[][] _tails;    // _tails[row][k] = Σ_{j≥k} q_j, k = 0..K
    private readonly int _originMonth;     // 1..12

    public MemorylessBaseline(string id, double[][] rows, int originMonth)
    {
        Id = id;
        _rows = rows;
        _originMonth = originMonth;
        Categories = rows[0].Length;
        _tails = new double[rows.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            var tail = new double[Categories + 1];
            for (var k = Categories - 1; k >= 0; k--) tail[k] = tail[k + 1] + rows[r][k];
            tail[0] = 1.0;
            _tails[r] = tail;
        }
    }

    public string Id { get; }

    public int Categories { get; }

    public double[] Distribution(int lead)
    {
        Baselines.CheckLead(lead);
        return (double[])_rows[Row(lead)].Clone();
    }

    public double ProbabilityWithin(int k, int h)
    {
        Baselines.CheckThreshold(k, Categories);
        ArgumentOutOfRangeException.ThrowIfNegative(h);
        if (h == 0 || k == Categories) return 0.0;
        if (k == 0) return 1.0;
        var none = 1.0;
        for (var m = 1; m <= h; m++) none *= 1.0 - Math.Min(1.0, _tails[Row(m)][k]);
        return 1.0 - none;
    }

    private int Row(int lead) => _rows.Length == 1 ? 0 : (_originMonth - 1 + lead) % 12;
}

/// <summary>A first-order Markov chain started from the origin month's level.</summary>
internal sealed class MarkovBaseline : IBaseline
{
    private readonly double[][] _p;
    private readonly int _start;

    public MarkovBaseline(double[][] transitions, int start)
    {
        _p = transitions;
        _start = start;
        Categories = transitions.Length;
    }

    public string Id => BaselineIds.Markov;

    public int Categories { get; }

    public double[] Distribution(int lead)
    {
        Baselines.CheckLead(lead);
        var k = Categories;
        var v = (double[])_p[_start].Clone();
        var next = new double[k];
        for (var step = 2; step <= lead; step++)
        {
            Array.Clear(next);
            for (var i = 0; i < k; i++)
            {
                var vi = v[i];
                if (vi == 0.0) continue;
                var row = _p[i];
                for (var j = 0; j < k; j++) next[j] += vi * row[j];
            }
            (v, next) = (next, v);
        }
        return v;
    }

    /// <summary>
    /// Levels ≥ k are made absorbing: with Q the transition matrix restricted to levels &lt; k, the
    /// probability of no month ≥ k in h steps is P[start, &lt;k] Q^(h−1) 1 (the origin month itself does not count).
    /// </summary>
    public double ProbabilityWithin(int k, int h)
    {
        Baselines.CheckThreshold(k, Categories);
        ArgumentOutOfRangeException.ThrowIfNegative(h);
        if (h == 0 || k == Categories) return 0.0;
        if (k == 0) return 1.0;
        var v = new double[k];
        var next = new double[k];
        Array.Copy(_p[_start], v, k);
        for (var step = 2; step <= h; step++)
        {
            Array.Clear(next);
            for (var i = 0; i < k; i++)
            {
                var vi = v[i];
                if (vi == 0.0) continue;
                var row = _p[i];
                for (var j = 0; j < k; j++) next[j] += vi * row[j];
            }
            (v, next) = (next, v);
        }
        var survive = 0.0;
        for (var i = 0; i < k; i++) survive += v[i];
        return Math.Clamp(1.0 - survive, 0.0, 1.0);
    }
}
