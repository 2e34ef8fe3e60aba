using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Tests.Support;

/// <summary>
/// A small block of runs (parameter draw 0, run indices 0…n−1) initialised from the spec, with a step
/// context on a chosen month, so one module can be applied to hand-set state.
/// </summary>
internal sealed class ModuleHarness
{
    public ModuleHarness(SimulationSpec spec, string policyId = TestSpecs.PrincipledDiplomacy, int runs = 1, int month = 0, ulong seed = 7)
    {
        Spec = spec;
        Policy = spec.PolicyOf(policyId);
        Coefficients = [spec.CentralCoefficients()];
        State = new SimState(runs, spec.Agreements.Length);
        for (var r = 0; r < runs; r++)
        {
            State.RunIndex[r] = r;
            State.Draw[r] = 0;
        }
        Random = new RandomSource(seed);
        Simulator.Initialize(State, spec, spec.Initial, Coefficients, Random);
        Context = new StepContext(State, spec, Policy, Coefficients, Random, SplitTheDifferenceZone.Instance);
        Months = MonthContext.Build(spec, Policy, Math.Max(spec.Months, month + 1));
        SetMonth(month);
    }

    public SimulationSpec Spec { get; }
    public PolicyPackage Policy { get; }
    public Coefficients[] Coefficients { get; }
    public Coefficients C => Coefficients[0];
    public SimState State { get; }
    public RandomSource Random { get; }
    public StepContext Context { get; }
    public MonthContext[] Months { get; }
    public int Runs => State.Runs;

    /// <summary>Moves the context to month offset <paramref name="t"/> and clears the month's events.</summary>
    public void SetMonth(int t)
    {
        Context.Month = Months[t];
        Array.Fill(State.Events, MonthEvents.None);
    }

    /// <summary>Sets something on every run.</summary>
    public void ForAll(Action<int> set)
    {
        for (var r = 0; r < Runs; r++) set(r);
    }

    /// <summary>Applies one module to the block.</summary>
    public void Apply(IMechanism module) => module.Apply(Context);
}
