using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios;

namespace Peninsula.Estimation.Tests.Support;

/// <summary>
/// Estimation frames built without the historical record: the shipped replay scenario (scenarios/history.yaml) moved
/// to a window ending at a chosen cutoff, with made-up governments and observed actions drawn from a seed.
/// </summary>
internal static class SyntheticFrames
{
    private static readonly Lazy<(SimulationSpec Spec, string Sha)> History = new(() =>
    {
        var loaded = ScenarioLoader.Load(Repo.Scenario("history.yaml"));
        if (loaded.Spec is null) throw new InvalidOperationException("history.yaml: " + string.Join("; ", loaded.Errors));
        return (loaded.Spec, loaded.Sha256);
    });

    /// <summary>SHA-256 of the replay scenario's canonical text.</summary>
    public static string HistorySha => History.Value.Sha;

    /// <summary>
    /// A frame of <paramref name="months"/> months ending at <paramref name="cutoff"/>. With
    /// <paramref name="pipelineDisplays"/> false no system is ever displayed, so the pipeline feature is constant.
    /// </summary>
    public static EstimationFrame Build(Month cutoff, int months, int seed, bool pipelineDisplays = true)
    {
        var history = History.Value.Spec;
        var start = cutoff.Plus(-(months - 1));
        Term T(string leader, Month from, Month? to, double engagement) => new(leader, from, to, from.Plus(-2), engagement, "synthetic");
        var spec = history with
        {
            Start = start,
            Months = months,
            Principal = history.Principal with
            {
                Terms = [T("principal-a", start.Plus(-30), start.Plus(months / 3), 0.5), T("principal-b", start.Plus(months / 3), null, 0.3)],
                Successors = [],
                SuccessorElection = null,
            },
            Mediator = history.Mediator! with
            {
                Terms = [T("mediator-a", start.Plus(-20), start.Plus(months / 2), 0.8), T("mediator-b", start.Plus(months / 2), null, 0.2)],
                Successors = [],
                SuccessorElection = null,
            },
            Agreements = [],
            Initial = history.Initial with { AgreementsInForce = [] },
        };
        var rng = new Random(seed);
        var policies = new PolicyPackage[months];
        var observed = new ObservedMonth[months];
        var era = new int[months];
        var partial = new bool[months];
        var ids = new[] { "engagement", "mixed", "pressure" };
        var policy = spec.Policy("mixed")!;
        var phase = Phase.None;
        for (var t = 0; t < months; t++)
        {
            if (t % 15 == 0) policy = spec.Policy(ids[rng.Next(ids.Length)]) ?? throw new InvalidOperationException("history.yaml lacks a package");
            policies[t] = policy;
            var moratorium = t >= months / 3 && t < months / 2;
            var level = Draw(rng, moratorium ? spec.MoratoriumFromLevel - 1 : Ladder.Top);
            var talks = (t / 10) % 4 == 2;
            phase = talks ? Phase.Talks : phase == Phase.Talks ? Phase.Contact : rng.NextDouble() < 0.1 ? Phase.None : phase;
            var moy = start.Plus(t).MonthOfYear;
            observed[t] = new ObservedMonth
            {
                Level = level,
                Engage = talks,
                PrincipalWilling = talks || policy.Engagement > 0,
                UnResolution = level >= 5 && rng.NextDouble() < 0.5,
                Veto = false,
                UnilateralSanctions = level >= 4 ? rng.NextDouble() < 0.5 : rng.NextDouble() < 0.05,
                Phase = phase,
                Moratorium = moratorium,
                PipelineDisplays = pipelineDisplays && rng.NextDouble() < 0.15 ? 1 : 0,
                PipelineTested = level >= 4,
                ExerciseIntensity = moy is 3 or 8 ? 0.5 + 0.5 * rng.NextDouble() : 0.0,
                Disaster = rng.NextDouble() < 0.15,
                BorderClosed = t % 40 >= 28,
                AidDelivered = rng.NextDouble() < 0.1 ? 0.5 : 0.0,
                AgreementMask = 0,
            };
            era[t] = t < months / 4 ? 0 : 1;
            partial[t] = t < months / 6;
        }
        var input = new ReplayInput(spec, spec.Initial, [.. policies], [.. observed]);
        return new EstimationFrame(input, spec.Parameters.Means(), era, ["leader-one", "leader-two"], partial, SplitTheDifferenceZone.Instance);
    }

    /// <summary>The prior parameter set of the replay scenario.</summary>
    public static ParameterSet Priors => History.Value.Spec.Parameters;

    /// <summary>A level with roughly the record's rarity, capped at <paramref name="max"/>.</summary>
    private static int Draw(Random rng, int max)
    {
        var u = rng.NextDouble();
        var level = u < 0.6 ? 0 : u < 0.65 ? 1 : u < 0.75 ? 2 : u < 0.87 ? 3 : u < 0.94 ? 4 : u < 0.98 ? 5 : 6;
        return Math.Min(level, max);
    }
}
