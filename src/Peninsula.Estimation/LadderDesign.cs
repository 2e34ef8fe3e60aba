using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;

namespace Peninsula.Estimation;

/// <summary>
/// Normal priors of the ladder model (mean 0, on the standardised scale; the same at every origin): weakly
/// informative for intercepts and rung-specific terms, shrinking for the shared slopes, whose sd was chosen on the
/// pre-2021 back-tests (docs/model.md, "Choosing the configuration").
/// </summary>
/// <param name="Intercept">Sd of the rung intercepts.</param>
/// <param name="Shared">Sd of a shared slope per standard deviation of its feature.</param>
/// <param name="Rung">Sd of a rung-specific slope per root-mean-square of its feature (these separate: wider).</param>
/// <param name="Era">Sd of an era's common shift of all rungs.</param>
/// <param name="Coverage">Sd of the rung-3 shift for months with an incomplete record.</param>
public sealed record LadderPriors(double Intercept = 5.0, double Shared = 0.15, double Rung = 2.0, double Era = 1.0, double Coverage = 2.0);

/// <summary>Kinds of coefficient in the ladder model.</summary>
public enum CoefficientKind
{
    /// <summary>Rung intercept αⱼ.</summary>
    Intercept,
    /// <summary>Era shift δₑ (all rungs).</summary>
    Era,
    /// <summary>Rung-3 shift for incomplete-record months.</summary>
    Coverage,
    /// <summary>Shared slope (all rungs).</summary>
    Shared,
    /// <summary>Rung-specific slope.</summary>
    Rung,
}

/// <summary>One coefficient of the fitted model.</summary>
/// <param name="Name">Name (engine parameter name where there is one).</param>
/// <param name="Kind">Kind.</param>
/// <param name="Index">Rung (intercepts), era, or feature index.</param>
/// <param name="PriorSd">Prior sd on the standardised scale (prior mean 0).</param>
public sealed record DesignCoefficient(string Name, CoefficientKind Kind, int Index, double PriorSd);

/// <summary>Centring and scale of each captured feature, fixed from the estimation sample (pre-origin data only).</summary>
/// <param name="Mean">Mean of each shared feature (0 for rung-specific features: they are only scaled).</param>
/// <param name="Scale">Standard deviation of each shared feature; root mean square over all months and rungs of each rung-specific one; 0 = no information: excluded.</param>
public sealed record Standardization(double[] Mean, double[] Scale)
{
    /// <summary>Computes the standardisation of a sample.</summary>
    public static Standardization Of(LadderSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var f = FeatureFunction.FeatureCount;
        var mean = new double[f];
        var scale = new double[f];
        var n = sample.Count;
        for (var k = 0; k < FeatureFunction.SharedCount; k++)
        {
            double s = 0, s2 = 0;
            for (var t = 0; t < n; t++) s += sample.Feature(t, k);
            var m = s / n;
            for (var t = 0; t < n; t++) { var d = sample.Feature(t, k) - m; s2 += d * d; }
            mean[k] = m;
            scale[k] = Clean(Math.Sqrt(s2 / Math.Max(1, n - 1)));
        }
        for (var l = 0; l < FeatureFunction.RungCount; l++)
        {
            // Rung-specific features are zero in most rows: they are scaled (not centred) by their root mean square
            // over every month and rung, so "0 = absent" keeps its meaning and the prior is per typical size of the
            // feature. A feature that is zero on every rung a month's likelihood reaches (its risk set: rungs
            // 1 … min(level + 1, 6)) carries no information and is excluded (scale 0).
            double s2 = 0;
            var seen = false;
            for (var t = 0; t < n; t++)
            {
                for (var j = 1; j <= Ladder.Top; j++)
                {
                    var v = sample.Feature(t, RungFeature(j, l));
                    s2 += v * v;
                    if (v != 0.0 && j <= sample.Levels[t] + 1) seen = true;
                }
            }
            scale[FeatureFunction.SharedCount + l] = seen ? Clean(Math.Sqrt(s2 / (Ladder.Top * n))) : 0.0;
        }
        return new Standardization(mean, scale);
    }

    /// <summary>Index in a captured feature row of rung-specific feature <paramref name="l"/> at rung <paramref name="j"/>.</summary>
    public static int RungFeature(int j, int l) => FeatureFunction.SharedCount + (j - 1) * FeatureFunction.RungCount + l;

    private static double Clean(double sd) => sd < 1e-9 ? 0.0 : sd;
}

/// <summary>
/// The continuation-ratio ladder as binary observations: month t at level y contributes, for each rung
/// j ≤ min(y + 1, 6), "went on past rung j" (y ≥ j) with η = αⱼ + δ_era + κ·1[j = 3, incomplete record] + Σ b·x̃ + Σ g·z̃ⱼ,
/// features standardised on the sample. Exactly the model <see cref="ChoiceModels.LadderProbabilities"/> simulates.
/// </summary>
public sealed class LadderDesign
{
    private LadderDesign(ImmutableArray<DesignCoefficient> coefficients, Standardization standardization, ImmutableArray<string> excluded, PenalizedLogit problem, int[] rowMonth, double upperScale)
    {
        UpperScale = upperScale;
        Coefficients = coefficients;
        Standardization = standardization;
        Excluded = excluded;
        Problem = problem;
        RowMonth = rowMonth;
    }

    /// <summary>The coefficients, in vector order.</summary>
    public ImmutableArray<DesignCoefficient> Coefficients { get; }

    /// <summary>Weight of the shared slopes at rungs ≥ <see cref="ChoiceModels.UpperRung"/> (<c>ladder.upper_scale</c>).</summary>
    public double UpperScale { get; }

    /// <summary>The standardisation used.</summary>
    public Standardization Standardization { get; }

    /// <summary>Features left out because they do not vary in the sample, with the reason.</summary>
    public ImmutableArray<string> Excluded { get; }

    /// <summary>The penalised logistic problem.</summary>
    public PenalizedLogit Problem { get; }

    /// <summary>Month index of each binary row.</summary>
    public int[] RowMonth { get; }

    /// <summary>Index of a coefficient by name, or −1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < Coefficients.Length; i++) if (Coefficients[i].Name == name) return i;
        return -1;
    }

    /// <summary>
    /// Builds the design. With <paramref name="layout"/> (a design built on the full sample) the same coefficients
    /// and standardisation are used, so bootstrap refits are comparable.
    /// </summary>
    public static LadderDesign Build(LadderSample sample, LadderPriors priors, LadderDesign? layout = null, double? upperScale = null)
    {
        var w = upperScale ?? layout?.UpperScale ?? 1.0;
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(priors);
        sample.Validate();
        var std = layout?.Standardization ?? Standardization.Of(sample);
        ImmutableArray<DesignCoefficient> coefficients;
        ImmutableArray<string> excluded;
        if (layout is not null)
        {
            coefficients = layout.Coefficients;
            excluded = layout.Excluded;
        }
        else
        {
            (coefficients, excluded) = Layout(sample, std, priors);
        }

        var p = coefficients.Length;
        var rows = new List<double>();
        var y = new List<double>();
        var rowMonth = new List<int>();
        var d = new double[p];
        for (var t = 0; t < sample.Count; t++)
        {
            var level = sample.Levels[t];
            for (var j = 1; j <= Math.Min(level + 1, Ladder.Top); j++)
            {
                Row(sample, std, coefficients, t, j, d, w);
                rows.AddRange(d);
                y.Add(level >= j ? 1.0 : 0.0);
                rowMonth.Add(t);
            }
        }
        var problem = new PenalizedLogit(
            [.. rows], [.. y], p, new double[p], [.. coefficients.Select(c => c.PriorSd)]);
        return new LadderDesign(coefficients, std, excluded, problem, [.. rowMonth], w);
    }

    /// <summary>Fills <paramref name="d"/> with the design row of month t at rung j (shared columns weighted by <paramref name="upperScale"/> at the upper rungs).</summary>
    public static void Row(LadderSample sample, Standardization std, ImmutableArray<DesignCoefficient> coefficients, int t, int j, Span<double> d, double upperScale = 1.0)
    {
        var w = j >= ChoiceModels.UpperRung ? upperScale : 1.0;
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(std);
        for (var i = 0; i < coefficients.Length; i++)
        {
            var c = coefficients[i];
            d[i] = c.Kind switch
            {
                CoefficientKind.Intercept => c.Index == j ? 1.0 : 0.0,
                CoefficientKind.Era => sample.Era[t] == c.Index ? 1.0 : 0.0,
                CoefficientKind.Coverage => j == 3 && sample.PartialCoverage[t] ? 1.0 : 0.0,
                CoefficientKind.Shared => w * (sample.Feature(t, c.Index) - std.Mean[c.Index]) / std.Scale[c.Index],
                CoefficientKind.Rung => sample.Feature(t, Standardization.RungFeature(j, c.Index)) / std.Scale[FeatureFunction.SharedCount + c.Index],
                _ => 0.0,
            };
        }
    }

    private static (ImmutableArray<DesignCoefficient>, ImmutableArray<string>) Layout(LadderSample sample, Standardization std, LadderPriors priors)
    {
        var list = new List<DesignCoefficient>();
        var excluded = new List<string>();
        for (var j = 1; j <= Ladder.Top; j++) list.Add(new("ladder.alpha." + j, CoefficientKind.Intercept, j, priors.Intercept));
        for (var e = 0; e < sample.EraNames.Length; e++)
        {
            if (sample.Era.Contains(e)) list.Add(new("era." + sample.EraNames[e], CoefficientKind.Era, e, priors.Era));
        }
        var partial = sample.PartialCoverage.Count(x => x);
        if (partial > 0 && partial < sample.Count) list.Add(new("coverage.rung3", CoefficientKind.Coverage, 3, priors.Coverage));
        else excluded.Add(partial == 0 ? "coverage.rung3: every month has a complete record" : "coverage.rung3: no month has a complete record (absorbed by ladder.alpha.3)");
        for (var k = 0; k < FeatureFunction.SharedCount; k++)
        {
            var name = "ladder." + FeatureFunction.SharedNames[k];
            if (std.Scale[k] > 0) list.Add(new(name, CoefficientKind.Shared, k, priors.Shared));
            else excluded.Add(name + ": constant in the sample");
        }
        for (var l = 0; l < FeatureFunction.RungCount; l++)
        {
            var name = "ladder." + FeatureFunction.RungNames[l];
            if (std.Scale[FeatureFunction.SharedCount + l] > 0) list.Add(new(name, CoefficientKind.Rung, l, priors.Rung));
            else excluded.Add(name + ": zero in every likelihood row of the sample");
        }
        return ([.. list], [.. excluded]);
    }

    /// <summary>
    /// The linear map from the standardised coefficients to the engine's ladder parameters for forecasts made in
    /// era <paramref name="era"/> with the record's coverage <paramref name="partialCoverage"/>: returns the engine
    /// names and the matrix A (names × coefficients) with engine = A·θ.
    /// </summary>
    public (ImmutableArray<string> Names, double[,] Map) EngineMap(int era, bool partialCoverage)
    {
        var names = new List<string>();
        for (var j = 1; j <= Ladder.Top; j++) names.Add("ladder.alpha." + j);
        foreach (var c in Coefficients.Where(c => c.Kind is CoefficientKind.Shared or CoefficientKind.Rung)) names.Add(c.Name);
        var a = new double[names.Count, Coefficients.Length];
        for (var i = 0; i < Coefficients.Length; i++)
        {
            var c = Coefficients[i];
            switch (c.Kind)
            {
                case CoefficientKind.Intercept:
                    a[c.Index - 1, i] = 1.0;
                    break;
                case CoefficientKind.Era when c.Index == era:
                    for (var j = 0; j < Ladder.Top; j++) a[j, i] = 1.0;
                    break;
                case CoefficientKind.Coverage when partialCoverage:
                    a[2, i] = 1.0;
                    break;
                case CoefficientKind.Shared:
                {
                    var row = names.IndexOf(c.Name);
                    var s = Standardization.Scale[c.Index];
                    a[row, i] = 1.0 / s;
                    // Centring moves into the intercepts: w·b·(x − m)/s = w·(b/s)·x − w·b·m/s.
                    for (var j = 0; j < Ladder.Top; j++) a[j, i] = -(j + 1 >= ChoiceModels.UpperRung ? UpperScale : 1.0) * Standardization.Mean[c.Index] / s;
                    break;
                }
                case CoefficientKind.Rung:
                    a[names.IndexOf(c.Name), i] = 1.0 / Standardization.Scale[FeatureFunction.SharedCount + c.Index];
                    break;
                default:
                    break;
            }
        }
        return ([.. names], a);
    }
}
