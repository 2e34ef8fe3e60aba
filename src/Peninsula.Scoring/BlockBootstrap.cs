namespace Peninsula.Scoring;

/// <summary>A statistic evaluated on a resampled series, given as indices into the original series.</summary>
/// <param name="indices">Resampled time indices (length = series length; repeats allowed).</param>
public delegate double ResampleStatistic(ReadOnlySpan<int> indices);

/// <summary>Settings of the circular block bootstrap.</summary>
public sealed record BootstrapOptions
{
    /// <summary>Default block length L in time steps (12 months).</summary>
    public const int DefaultBlockLength = 12;

    /// <summary>Default number of bootstrap replicates B.</summary>
    public const int DefaultReplicates = 2000;

    /// <summary>Default two-sided coverage of the percentile interval (90%).</summary>
    public const double DefaultLevel = 0.9;

    /// <summary>Default seed.</summary>
    public const ulong DefaultSeed = 20_170_120;

    /// <summary>The defaults: L = 12, B = 2000, 90%, seed <see cref="DefaultSeed"/>.</summary>
    public static BootstrapOptions Default { get; } = new();

    /// <summary>Block length L ≥ 1; clipped to the series length when longer.</summary>
    public int BlockLength { get; init; } = DefaultBlockLength;

    /// <summary>Number of replicates B ≥ 1.</summary>
    public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>Two-sided coverage of the percentile interval, in (0, 1).</summary>
    public double Level { get; init; } = DefaultLevel;

    /// <summary>Seed of the resampling; the same seed gives the same replicates everywhere.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(BlockLength, 1, nameof(BlockLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(Replicates, 1, nameof(Replicates));
        if (!(Level > 0.0 && Level < 1.0))
            throw new ArgumentOutOfRangeException(nameof(Level), Level, "Coverage must be in (0, 1).");
    }
}

/// <summary>A bootstrap point estimate with its percentile interval.</summary>
/// <param name="Point">The statistic on the original series.</param>
/// <param name="Lower">Lower percentile, (1 − Level)/2 quantile of the replicates (type-7 interpolation).</param>
/// <param name="Upper">Upper percentile, (1 + Level)/2 quantile of the replicates.</param>
/// <param name="Level">Two-sided coverage.</param>
/// <param name="Replicates">Number of replicates drawn.</param>
/// <param name="BlockLength">Block length actually used (after clipping to the series length).</param>
/// <param name="Undefined">Replicates whose statistic was NaN (e.g. 0/0); they are left out of the quantiles.</param>
public sealed record BootstrapInterval(double Point, double Lower, double Upper, double Level, int Replicates, int BlockLength, int Undefined);

/// <summary>
/// Circular moving-block bootstrap (Politis &amp; Romano 1992) over a time series of length n: each
/// replicate concatenates ⌈n/L⌉ blocks of L consecutive time steps starting at uniformly drawn
/// positions, wrapping from n − 1 back to 0, truncated to n steps. Blocks keep the serial dependence
/// of monthly scores within L months, which an i.i.d. bootstrap would destroy.
/// Replicate b draws from its own SplitMix64 stream derived from (seed, b), so results are a pure
/// function of the inputs and options — identical on every machine and independent of evaluation order.
/// </summary>
public static class BlockBootstrap
{
    /// <summary>
    /// Fills <paramref name="destination"/> (length n) with the resampled indices of replicate
    /// <paramref name="replicate"/>.
    /// </summary>
    /// <param name="destination">Receives n indices in [0, n).</param>
    /// <param name="blockLength">Block length L ≥ 1 (clipped to n).</param>
    /// <param name="seed">Seed.</param>
    /// <param name="replicate">Replicate number b ≥ 0.</param>
    public static void FillIndices(Span<int> destination, int blockLength, ulong seed, int replicate)
    {
        var n = destination.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(destination));
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        var length = Math.Min(blockLength, n);
        var rng = SplitMix64.ForStream(seed, (ulong)replicate);
        var pos = 0;
        while (pos < n)
        {
            var t = rng.NextInt(n);
            for (var j = 0; j < length && pos < n; j++)
            {
                destination[pos++] = t;
                if (++t == n) t = 0;
            }
        }
    }

    /// <summary>The B replicate values of a statistic (in replicate order).</summary>
    /// <param name="length">Series length n ≥ 1.</param>
    /// <param name="statistic">Statistic of the resampled indices.</param>
    /// <param name="options">Resampling options; default <see cref="BootstrapOptions.Default"/>.</param>
    public static double[] Replicates(int length, ResampleStatistic statistic, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        options ??= BootstrapOptions.Default;
        options.Validate();
        var values = new double[options.Replicates];
        var indices = new int[length];
        for (var b = 0; b < values.Length; b++)
        {
            FillIndices(indices, options.BlockLength, options.Seed, b);
            values[b] = statistic(indices);
        }
        return values;
    }

    /// <summary>
    /// Generic version: the statistic on the original series (indices 0..n−1) and its percentile interval
    /// over block-bootstrap replicates.
    /// </summary>
    /// <param name="length">Series length n ≥ 1.</param>
    /// <param name="statistic">Statistic of the (resampled) indices.</param>
    /// <param name="options">Resampling options; default <see cref="BootstrapOptions.Default"/>.</param>
    public static BootstrapInterval Estimate(int length, ResampleStatistic statistic, BootstrapOptions? options = null)
    {
        options ??= BootstrapOptions.Default;
        var replicates = Replicates(length, statistic, options);
        var identity = new int[length];
        for (var i = 0; i < length; i++) identity[i] = i;
        return Summarise(statistic(identity), replicates, options, length);
    }

    /// <summary>
    /// Paired skill 1 − Σ model / Σ reference (= 1 − mean / mean) of per-time-step scores of a model and a
    /// reference aligned on the time index, with its block-bootstrap percentile interval. Both series are
    /// resampled with the same indices, so the interval reflects the paired difference.
    /// </summary>
    /// <param name="model">Per-time-step (negatively oriented) scores of the model.</param>
    /// <param name="reference">Per-time-step scores of the reference, same length.</param>
    /// <param name="options">Resampling options; default <see cref="BootstrapOptions.Default"/>.</param>
    public static BootstrapInterval PairedSkill(ReadOnlySpan<double> model, ReadOnlySpan<double> reference, BootstrapOptions? options = null)
    {
        Scores.CheckPaired(model.Length, reference.Length);
        return PairedSkills([model.ToArray()], [reference.ToArray()], options ?? BootstrapOptions.Default)[0];
    }

    /// <summary>
    /// Several paired skills resampled with common indices: skill s is 1 − Σ models[s] / Σ references[s].
    /// All series have the same length.
    /// </summary>
    internal static BootstrapInterval[] PairedSkills(IReadOnlyList<double[]> models, IReadOnlyList<double[]> references, BootstrapOptions options)
    {
        options.Validate();
        var count = models.Count;
        var n = models[0].Length;
        for (var s = 0; s < count; s++)
        {
            if (models[s].Length != n || references[s].Length != n)
                throw new ArgumentException("All score series must have the same length.");
            foreach (var v in models[s]) CheckFinite(v);
            foreach (var v in references[s]) CheckFinite(v);
        }

        var replicates = new double[count][];
        for (var s = 0; s < count; s++) replicates[s] = new double[options.Replicates];
        var indices = new int[n];
        for (var b = 0; b < options.Replicates; b++)
        {
            FillIndices(indices, options.BlockLength, options.Seed, b);
            for (var s = 0; s < count; s++)
            {
                var m = models[s];
                var r = references[s];
                double sm = 0, sr = 0;
                foreach (var i in indices)
                {
                    sm += m[i];
                    sr += r[i];
                }
                replicates[s][b] = Scores.Skill(sm, sr);
            }
        }

        var result = new BootstrapInterval[count];
        for (var s = 0; s < count; s++)
        {
            double sm = 0, sr = 0;
            for (var i = 0; i < n; i++)
            {
                sm += models[s][i];
                sr += references[s][i];
            }
            result[s] = Summarise(Scores.Skill(sm, sr), replicates[s], options, n);
        }
        return result;
    }

    private static void CheckFinite(double v)
    {
        if (!double.IsFinite(v)) throw new ArgumentException($"Scores must be finite; got {v}.");
    }

    private static BootstrapInterval Summarise(double point, double[] replicates, BootstrapOptions options, int length)
    {
        var defined = 0;
        for (var b = 0; b < replicates.Length; b++)
            if (!double.IsNaN(replicates[b])) replicates[defined++] = replicates[b];
        var values = replicates.AsSpan(0, defined);
        values.Sort();
        var tail = (1.0 - options.Level) / 2.0;
        return new BootstrapInterval(
            point,
            Quantile(values, tail),
            Quantile(values, 1.0 - tail),
            options.Level,
            options.Replicates,
            Math.Min(options.BlockLength, length),
            replicates.Length - defined);
    }

    /// <summary>Type-7 (linear interpolation) quantile of sorted values; NaN if empty.</summary>
    internal static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty) return double.NaN;
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var w = h - lo;
        if (lo >= sorted.Length - 1 || w == 0.0) return sorted[Math.Min(lo, sorted.Length - 1)];
        double a = sorted[lo], b = sorted[lo + 1];
        if (a == b) return a;
        if (double.IsInfinity(a) || double.IsInfinity(b)) return w < 0.5 ? a : b;
        return a + w * (b - a);
    }
}
