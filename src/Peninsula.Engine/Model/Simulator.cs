using Peninsula.Core;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>
/// The step loop. It is deliberately tiny: initialisation, then each month the modules in a fixed,
/// documented order (docs/model.md, "Step order").
/// </summary>
public static class Simulator
{
    /// <summary>The modules in the order a month's step applies them.</summary>
    public static IReadOnlyList<IMechanism> StepOrder => Order;

    private static readonly IMechanism[] Order =
    [
        new ExogenousModule(),
        new ExerciseModule(),
        new ChallengerModule(),
        new PrincipalModule(),
        new CouncilModule(),
        new NegotiationModule(),
        new AgreementModule(),
        new SanctionsModule(),
        new EconomyModule(),
        new TrustModule(),
        new AttentionModule(),
        new PipelineModule(),
        new MoratoriumModule(),
        new MemoryModule(),
    ];

    /// <summary>
    /// Sets every run of the block to the initial state and draws its run-level uncertainties (how long a
    /// border closure lasts, who succeeds the known governments).
    /// </summary>
    public static void Initialize(SimState s, SimulationSpec spec, InitialState init, Coefficients[] coefficients, RandomSource random)
    {
        var agreementIndex = spec.Agreements.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        for (var r = 0; r < s.Runs; r++)
        {
            var k = s.Draw[r];
            var i = s.RunIndex[r];
            var c = coefficients[k];
            s.Level[r] = init.LastLevel;
            s.LastLevel[r] = init.LastLevel;
            s.Recent[r] = init.RecentActivity;
            s.Engaged[r] = false;
            s.EngagedLast[r] = init.Phase is not (Phase.None or Phase.Collapsed);
            s.PrincipalWilling[r] = false;
            s.ProvocationMemory[r] = 0;
            s.Phase[r] = init.Phase;
            s.PhaseMonths[r] = 0;
            s.HoldLeft[r] = 0;
            s.StepsDone[r] = 0;
            s.CooldownLeft[r] = 0;
            s.MonthsSinceProgress[r] = 0;
            s.TermsScope[r] = 0;
            s.TermsRelief[r] = 0;
            s.FrameworkStrength[r] = 0;
            s.UnLayers[r] = init.UnSanctions;
            s.UniLayers[r] = init.UnilateralSanctions;
            s.Enforcement[r] = init.Enforcement;
            s.Relief[r] = init.Relief;
            s.Pressure[r] = FeatureFunction.SanctionsPressure(c, init.UnSanctions, init.UnilateralSanctions, init.Enforcement, init.Relief);
            s.Stress[r] = init.EconomicStress;
            s.TrustChallenger[r] = init.TrustChallenger;
            s.TrustPrincipal[r] = init.TrustPrincipal;
            s.Attention[r] = init.Attention;
            s.Capability[r] = init.Capability;
            s.Pipeline[r] = init.Pipeline;
            s.Moratorium[r] = init.Moratorium;
            s.MessageDelivered[r] = false;
            s.Events[r] = MonthEvents.None;
            for (var a = 0; a < s.AgreementCount; a++) s.AgreementInForce[r * s.AgreementCount + a] = false;
            foreach (var id in init.AgreementsInForce) s.AgreementInForce[r * s.AgreementCount + agreementIndex[id]] = true;

            var ex = spec.Exogenous;
            if (ex.BorderClosedAtStart && ex.BorderClosureRemaining is { } d)
            {
                var (u, _) = random.Uniform2(k, i, Decisions.InitialMonth, Decisions.BorderClosure);
                var z = random.Normal(k, i, Decisions.InitialMonth, Decisions.BorderClosure + 1000);
                s.BorderClosedMonths[r] = (int)Math.Round(d.Sample(u, z));
            }
            else
            {
                s.BorderClosedMonths[r] = 0;
            }
            s.MediatorSuccessorEngagement[r] = spec.Mediator is { } med
                ? DrawSuccessor(med, random.Uniform(k, i, Decisions.InitialMonth, Decisions.MediatorSuccessor))
                : 0.0;
            s.PrincipalSuccessorEngagement[r] = DrawSuccessor(spec.Principal, random.Uniform(k, i, Decisions.InitialMonth, Decisions.PrincipalSuccessor));
        }
    }

    /// <summary>Inverse-CDF draw of a successor government's engagement score.</summary>
    public static double DrawSuccessor(AdministrationSchedule schedule, double u)
    {
        if (schedule.Successors.IsEmpty) return schedule.Terms.IsEmpty ? 0.5 : schedule.Terms[^1].Engagement;
        var acc = 0.0;
        foreach (var o in schedule.Successors)
        {
            acc += o.Probability;
            if (u < acc) return o.Engagement;
        }
        return schedule.Successors[^1].Engagement;
    }

    /// <summary>Advances every run of the block by one month.</summary>
    public static void Step(StepContext ctx)
    {
        foreach (var module in Order) module.Apply(ctx); // an array: no enumerator allocated per step
    }
}
