using System.Globalization;
using System.Text;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Estimation.Tests.Support;
using Xunit.Abstractions;

namespace Peninsula.Estimation.Tests;

/// <summary>
/// Parameter recovery at the real sample size and event rarity (DESIGN section 6: 372 months; 127 at ≥1, 111 at ≥2,
/// 74 at ≥3, 35 at ≥4, 14 at ≥5, 6 at 6 in the 1990–2020 record). Features are fixed (generated once from a seed,
/// shaped like the captured ones); labels are drawn by the engine's own rule (ChoiceModels.LadderProbabilities and
/// DrawLevel on the raw features, with the true coefficients mapped to the engine scale); each replicate is refitted
/// with LadderDesign.Build + Problem.Fit. The priors (sd 1 on shared slopes, 2 on rung slopes, standardised scale)
/// shrink estimates toward 0, so a small bias toward 0 is expected and is reported, not hidden.
/// </summary>
public sealed class RecoveryTests(ITestOutputHelper output)
{
    private const int Months = 372;

    /// <summary>Months at level ≥ j, j = 1 … 6, in the 1990–2020 record (labelled by the DESIGN section 3 rule).</summary>
    private static readonly double[] TargetAtLeast = [127, 111, 74, 35, 14, 6];

    /// <summary>
    /// True coefficients on the standardised scale: the record's own estimates at the 2020-12 origin under weakly
    /// informative priors (shared sd 1, rung sd 2), rounded; the moratorium term, which the record barely identifies,
    /// is set to −1. Intercepts are solved for so expected counts hit the targets.
    /// </summary>
    private static readonly Dictionary<string, double> TrueSlopes = new(StringComparer.Ordinal)
    {
        ["ladder.persist"] = 0.15,
        ["ladder.recent"] = 0.15,
        ["ladder.season_cos"] = -0.2,
        ["ladder.season_sin"] = 0.17,
        ["ladder.pipeline"] = -0.45,
        ["ladder.exercise"] = 0.05,
        ["ladder.transition_principal"] = -0.05,
        ["ladder.transition_mediator"] = 0.1,
        ["ladder.need"] = 0.35,
        ["ladder.trust"] = 0.4,
        ["ladder.engaged"] = -0.25,
        ["ladder.inattention"] = -0.1,
        ["ladder.moratorium"] = -1.0,
        ["ladder.agreement"] = -1.0,
        ["ladder.sanction_cost"] = 1.8,
        ["era.kim-il-sung"] = -0.3,
        ["era.kim-jong-il"] = -0.5,
        ["era.kim-jong-un"] = 0.7,
        ["coverage.rung3"] = -0.5,
    };

    /// <summary>The weakly informative priors DESIGN section 6 asks for (the estimator's defaults before the shared sd was tuned).</summary>
    private static readonly LadderPriors WeaklyInformative = new(Intercept: 5.0, Shared: 1.0, Rung: 2.0, Era: 1.0, Coverage: 2.0);

    /// <summary>
    /// Features shaped like the captured ones (fixed seed): persistence (an autocorrelated campaign indicator and
    /// its EWMA), season, pipeline counts, the exercise calendar, transition windows, AR(1) stress, trust and
    /// attention, blocks of talks; rung terms: a moratorium on rungs 5–6, agreements in force on rungs ≥ 4, an
    /// expected sanctions cost rising with the rung; the negotiation-risk term is zero (history never used the lever).
    /// </summary>
    internal static LadderSample RealisticSample(int seed = 2024)
    {
        var rng = new Random(seed);
        var f = new double[Months * Samples.F];
        double[] calendar = [0, 0, 1.0, 0.4, 0, 0, 0, 0.7, 0, 0.3, 0.3, 0];
        var centre = calendar.Average();
        var campaign = false;
        var recent = 0.0;
        var pipeline = 0;
        double stress = 0.5, trust = -0.2, attention = 0.4;
        var era = new int[Months];
        var partial = new bool[Months];
        for (var t = 0; t < Months; t++)
        {
            var m = Month.Of(1990, 1).Plus(t);
            var row = f.AsSpan(t * Samples.F, Samples.F);
            campaign = rng.NextDouble() < (campaign ? 0.55 : 0.1);
            row[0] = (campaign ? 1.0 : 0.0) - 0.2;
            recent = 0.8 * recent + 0.2 * (campaign ? 1.0 : 0.0);
            row[1] = recent - 0.2;
            var angle = 2 * Math.PI * (m.MonthOfYear - 1) / 12.0;
            row[2] = Math.Cos(angle);
            row[3] = Math.Sin(angle);
            if (rng.NextDouble() < 0.06) pipeline++;
            if (pipeline > 0 && rng.NextDouble() < 0.05) pipeline--;
            row[4] = Math.Log(1 + pipeline) - Math.Log(2);
            row[5] = calendar[m.MonthOfYear - 1] * (0.7 + 0.6 * rng.NextDouble()) - centre;
            row[6] = (m.Year % 4 == 0 && m.MonthOfYear >= 11) || (m.Year % 4 == 1 && m.MonthOfYear <= 6) ? 1 : 0;
            row[7] = (m.Year % 5 == 2 && m.MonthOfYear == 12) || (m.Year % 5 == 3 && m.MonthOfYear <= 8) ? 1 : 0;
            stress = Math.Clamp(0.9 * stress + 0.1 * 0.55 + 0.05 * Samples.Normal(rng), 0, 1);
            row[8] = stress - 0.5;
            trust = Math.Clamp(0.95 * trust + 0.05 * Samples.Normal(rng), -1, 1);
            row[9] = trust;
            row[10] = (t / 18) % 3 == 1 ? 1 : 0;
            attention = Math.Clamp(0.8 * attention + 0.2 * 0.45 + 0.1 * Samples.Normal(rng), 0, 1);
            row[11] = 0.5 - attention;
            var moratorium = t is >= 115 and < 150 or >= 340;
            var agreement = t is >= 57 and < 155 ? 0.6 : t is >= 200 and < 215 ? 0.4 : 0.0;
            var cost = 0.05 + 0.1 * rng.NextDouble();
            for (var j = 1; j <= 6; j++)
            {
                var o = Samples.S + (j - 1) * Samples.R;
                row[o] = moratorium && j >= 5 ? 1 : 0;
                row[o + 1] = j >= 4 ? agreement : 0;
                row[o + 2] = j >= 4 ? cost * (j - 3) : 0;
                row[o + 3] = 0;
            }
            era[t] = t < 54 ? 0 : t < 264 ? 1 : 2;
            partial[t] = t < 240;
        }
        return new LadderSample(
            [.. Enumerable.Range(0, Months).Select(t => Month.Of(1990, 1).Plus(t))],
            new int[Months], f, era, ["kim-il-sung", "kim-jong-il", "kim-jong-un"], partial);
    }

    /// <summary>Per-month ladder probabilities under θ, by the engine's rule (per era and coverage).</summary>
    private static double[][] EngineProbabilities(LadderSample sample, LadderDesign design, double[] theta)
    {
        var cache = new Dictionary<(int, bool), Coefficients>();
        var result = new double[sample.Count][];
        for (var t = 0; t < sample.Count; t++)
        {
            var key = (sample.Era[t], sample.PartialCoverage[t]);
            if (!cache.TryGetValue(key, out var c)) cache[key] = c = Samples.EngineCoefficients(design, theta, key.Item1, key.Item2);
            var p = new double[Ladder.Levels];
            var row = sample.Features.AsSpan(t * Samples.F, Samples.F);
            ChoiceModels.LadderProbabilities(c, row[..Samples.S], row[Samples.S..], p);
            result[t] = p;
        }
        return result;
    }

    /// <summary>The true θ: the slopes above, intercepts solved rung by rung (bisection) so E[#months ≥ j] hits the target.</summary>
    internal static (LadderSample Sample, LadderDesign Layout, double[] Theta) Truth()
    {
        var sample = RealisticSample();
        var layout = LadderDesign.Build(AllRungs(sample), new LadderPriors());
        var theta = layout.Coefficients.Select(c => TrueSlopes.TryGetValue(c.Name, out var v) ? v : 0.0).ToArray();
        Assert.All(layout.Coefficients.Where(c => c.Kind != CoefficientKind.Intercept), c => Assert.True(TrueSlopes.ContainsKey(c.Name), c.Name));
        for (var j = 1; j <= 6; j++)
        {
            var at = layout.IndexOf("ladder.alpha." + j);
            double lo = -12, hi = 12;
            for (var it = 0; it < 80; it++)
            {
                theta[at] = 0.5 * (lo + hi);
                var expected = EngineProbabilities(sample, layout, theta).Sum(p => p.Skip(j).Sum());
                if (expected < TargetAtLeast[j - 1]) lo = theta[at]; else hi = theta[at];
            }
        }
        return (sample, layout, theta);
    }

    /// <summary>
    /// The sample with every month at the top level, so every rung is in the risk set: the layout (coefficients and
    /// standardisation) then does not depend on which rungs one replicate happened to reach.
    /// </summary>
    private static LadderSample AllRungs(LadderSample sample) => sample with { Levels = [.. sample.Levels.Select(_ => 6)] };

    private static int[] DrawLevels(double[][] probabilities, int seed)
    {
        var rng = new Random(seed);
        return [.. probabilities.Select(p => ChoiceModels.DrawLevel(p, rng.NextDouble()))];
    }

    [Fact]
    public void TrueModel_ReproducesTheRecordsEventRarity()
    {
        var (sample, layout, theta) = Truth();
        var p = EngineProbabilities(sample, layout, theta);
        for (var j = 1; j <= 6; j++) Assert.Equal(TargetAtLeast[j - 1], p.Sum(x => x.Skip(j).Sum()), 1e-6);
        // And a simulated history is of the same order (6 nuclear-test months in 372 is the binding rarity).
        var levels = DrawLevels(p, 1);
        output.WriteLine("one simulated history, months at >= j: " + string.Join(", ", Enumerable.Range(1, 6).Select(j => levels.Count(l => l >= j))));
        Assert.InRange(levels.Count(l => l >= 3), 50, 100);
        Assert.InRange(levels.Count(l => l == 6), 1, 15);
    }

    [Fact]
    public void Recovery_At372Months_100Replicates_WeaklyInformativePriors() => Recover(100, WeaklyInformative);

    /// <summary>
    /// The same check under the estimator's shipped default priors (shared-slope sd 0.15, chosen on back-tests for
    /// forecast skill): these shrink by design, and this test measures by how much at the record's own magnitudes.
    /// </summary>
    [Fact]
    public void Recovery_At372Months_100Replicates_ShippedDefaultPriors() => Recover(100, new LadderPriors(), shrinkageOnly: true);

    [Fact]
    [Trait("Category", "Slow")]
    public void Recovery_At372Months_1000Replicates_WeaklyInformativePriors() => Recover(1000, WeaklyInformative);

    /// <param name="shrinkageOnly">
    /// Under the shipped shrinkage priors the estimates are biased toward zero by design (the prior sd was chosen on
    /// back-tests for forecast skill): then assert only that the prior shrinks — the mean estimate lies between zero
    /// and the truth, never beyond it or of the other sign — and report the measured bias and coverage.
    /// </param>
    private void Recover(int replicates, LadderPriors priors, bool shrinkageOnly = false)
    {
        var (sample, layout, truth) = Truth();
        var probabilities = EngineProbabilities(sample, layout, truth);
        var k = truth.Length;
        var estimates = new List<double[]>();
        var ses = new List<double[]>();
        var dataSes = new List<double[]>();
        var covered = new int[k];
        var priorLayout = LadderDesign.Build(AllRungs(sample), priors);
        var priorSd = priorLayout.Problem.PriorSd; // the priors of this run (the layout's are the defaults)
        for (var rep = 0; rep < replicates; rep++)
        {
            var simulated = sample with { Levels = DrawLevels(probabilities, 10_000 + rep) };
            var design = LadderDesign.Build(simulated, priors, priorLayout);
            Assert.Equal(Samples.Names(layout), Samples.Names(design));
            var fit = design.Problem.Fit();
            Assert.True(fit.GradientNorm < 1e-5, $"replicate {rep}: gradient {fit.GradientNorm}");
            var se = Enumerable.Range(0, k).Select(i => Math.Sqrt(fit.Covariance[i, i])).ToArray();
            for (var i = 0; i < k; i++) if (Math.Abs(fit.Theta[i] - truth[i]) <= 1.6448536269514722 * se[i]) covered[i]++;
            estimates.Add(fit.Theta);
            ses.Add(se);
            // What the data alone say (prior precision removed; diagonal approximation): decides what is asserted,
            // so the same coefficients are asserted whatever the prior.
            dataSes.Add([.. Enumerable.Range(0, k).Select(i => 1.0 / Math.Sqrt(Math.Max(1e-12, 1.0 / (se[i] * se[i]) - 1.0 / (design.Problem.PriorSd[i] * design.Problem.PriorSd[i]))))]);
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"recovery over {replicates} replicates (standardised scale; prior mean 0; {priors})");
        report.AppendLine("coefficient                  truth    mean    bias  bias/priorSd  mean se  se/priorSd  data se  sd(est)  cover90   (data se: median over replicates of the se without the prior)");
        var failures = new List<string>();
        for (var i = 0; i < k; i++)
        {
            var c = layout.Coefficients[i];
            var mean = estimates.Average(e => e[i]);
            var sdEst = Math.Sqrt(estimates.Sum(e => (e[i] - mean) * (e[i] - mean)) / (replicates - 1));
            var meanSe = ses.Average(s => s[i]);
            var bias = mean - truth[i];
            var coverage = (double)covered[i] / replicates;
            var dataSe = Median(dataSes.Select(s => s[i]));
            var informative = Informative(c, dataSe);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{c.Name,-27} {truth[i],6:0.000} {mean,7:0.000} {bias,7:0.000} {bias / priorSd[i],12:0.000} {meanSe,8:0.000} {meanSe / priorSd[i],10:0.000} {dataSe,8:0.000} {sdEst,8:0.000} {coverage,7:P0}{(informative ? "  asserted" : "")}");
            if (!informative) continue;
            if (shrinkageOnly)
            {
                var slack = 0.25 * sdEst / Math.Sqrt(replicates) * 4; // Monte Carlo error of the mean, generously
                if (mean * truth[i] < -slack * Math.Abs(truth[i]) || Math.Abs(mean) > Math.Abs(truth[i]) + slack)
                    failures.Add($"{c.Name}: mean estimate {mean:0.000} is not between 0 and the truth {truth[i]:0.000}");
                continue;
            }
            if (Math.Abs(bias) >= 0.25 * priorSd[i]) failures.Add($"{c.Name}: bias {bias:0.000} is {Math.Abs(bias) / priorSd[i]:0.00} prior sd");
            if (coverage < 0.80) failures.Add($"{c.Name}: 90% Hessian intervals cover the truth in {coverage:P0} of replicates");
        }
        output.WriteLine(report.ToString());
        // The slopes every form relies on must be among the asserted ones.
        foreach (var name in new[] { "ladder.persist", "ladder.season_cos", "ladder.trust", "ladder.engaged", "ladder.agreement" })
        {
            var i = layout.IndexOf(name);
            Assert.True(Informative(layout.Coefficients[i], Median(dataSes.Select(s => s[i]))), $"{name} carries too little information to be asserted");
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures) + Environment.NewLine + report);
    }

    /// <summary>
    /// "Real information": a shared or rung-specific slope whose data-only standard error is under half the weakly
    /// informative prior sd (0.5 for shared slopes, 1 for rung-specific ones).
    /// </summary>
    private static bool Informative(DesignCoefficient c, double dataSe) => c.Kind switch
    {
        CoefficientKind.Shared => dataSe < 0.5 * WeaklyInformative.Shared,
        CoefficientKind.Rung => dataSe < 0.5 * WeaklyInformative.Rung,
        _ => false,
    };

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }
}
