using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Estimation;

/// <summary>
/// The months a ladder model is fitted on: each month's observed level, the features the engine's feature
/// function produced for it during the forced replay, its era and whether its record is complete.
/// </summary>
/// <param name="Months">Calendar months, oldest first.</param>
/// <param name="Levels">Observed ladder level of each month (0–6).</param>
/// <param name="Features">Row t: <see cref="FeatureFunction.FeatureCount"/> features captured before month t's choice.</param>
/// <param name="Era">Era index of each month (0 … <see cref="EraNames"/>.Length − 1).</param>
/// <param name="EraNames">Era labels.</param>
/// <param name="PartialCoverage">Whether month t's record of rung-3 acts is incomplete (coverage indicator).</param>
public sealed record LadderSample(
    ImmutableArray<Month> Months,
    int[] Levels,
    double[] Features,
    int[] Era,
    ImmutableArray<string> EraNames,
    bool[] PartialCoverage)
{
    /// <summary>Number of months.</summary>
    public int Count => Months.Length;

    /// <summary>Feature f of month t.</summary>
    public double Feature(int t, int f) => Features[t * FeatureFunction.FeatureCount + f];

    /// <summary>The sample restricted to the given month indices, in the given order (bootstrap resamples).</summary>
    public LadderSample Select(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var n = indices.Count;
        var f = FeatureFunction.FeatureCount;
        var features = new double[n * f];
        for (var i = 0; i < n; i++) Array.Copy(Features, indices[i] * f, features, i * f, f);
        return new LadderSample(
            [.. indices.Select(i => Months[i])],
            [.. indices.Select(i => Levels[i])],
            features,
            [.. indices.Select(i => Era[i])],
            EraNames,
            [.. indices.Select(i => PartialCoverage[i])]);
    }

    /// <summary>Checks shapes and ranges; throws <see cref="ArgumentException"/> naming the first problem.</summary>
    public void Validate()
    {
        var n = Months.Length;
        if (n == 0) throw new ArgumentException("the sample has no months");
        if (Levels.Length != n || Era.Length != n || PartialCoverage.Length != n || Features.Length != n * FeatureFunction.FeatureCount)
            throw new ArgumentException("sample arrays differ in length");
        for (var t = 0; t < n; t++)
        {
            if (Levels[t] is < 0 or > Ladder.Top) throw new ArgumentException($"{Months[t]}: level {Levels[t]} is outside 0-{Ladder.Top}");
            if (Era[t] < 0 || Era[t] >= EraNames.Length) throw new ArgumentException($"{Months[t]}: era {Era[t]} is undefined");
        }
    }
}
