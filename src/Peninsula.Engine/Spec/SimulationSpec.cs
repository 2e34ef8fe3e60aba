using System.Collections.Immutable;
using Peninsula.Core;

namespace Peninsula.Engine.Spec;

/// <summary>
/// Everything the engine needs to simulate one scenario: the compiled, validated form of a scenario file.
/// Country-free: actors are ids with roles.
/// </summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Start">First simulated month.</param>
/// <param name="Months">Default horizon in months (1–600).</param>
/// <param name="Roles">Role assignment.</param>
/// <param name="Principal">The principal's government schedule.</param>
/// <param name="Mediator">The mediator's government schedule, if there is a mediator.</param>
/// <param name="TransitionWindowMonths">Months after an inauguration counted as a transition window (the months between election and inauguration count too).</param>
/// <param name="UnTriggerLevel">Ladder level from which the council takes up a resolution.</param>
/// <param name="MoratoriumFromLevel">Lowest ladder level a testing moratorium covers.</param>
/// <param name="ExerciseCalendar">Planned exercise intensity by month of year (January … December), 0 = none, 1 = a full-scale field exercise all month.</param>
/// <param name="Agreements">Named agreements.</param>
/// <param name="Initial">Initial state.</param>
/// <param name="Exogenous">Exogenous drivers.</param>
/// <param name="BaseAttention">Principal's attention target before the package's boost: 1 minus competing priorities, 0–1.</param>
/// <param name="ImplementationSteps">Number of reciprocal steps in an implementation sequence.</param>
/// <param name="Parameters">Model parameters with covariance.</param>
/// <param name="Policies">Policy packages in declaration order.</param>
/// <param name="LevelLabels">Labels of the ladder's seven levels.</param>
/// <param name="Zone">How the agreement zone is answered, when the scenario names a bargaining model (else the simple rule).</param>
public sealed record SimulationSpec(
    string Name,
    Month Start,
    int Months,
    RoleAssignment Roles,
    AdministrationSchedule Principal,
    AdministrationSchedule? Mediator,
    int TransitionWindowMonths,
    int UnTriggerLevel,
    int MoratoriumFromLevel,
    ImmutableArray<double> ExerciseCalendar,
    ImmutableArray<AgreementSpec> Agreements,
    InitialState Initial,
    ExogenousSpec Exogenous,
    double BaseAttention,
    int ImplementationSteps,
    ParameterSet Parameters,
    ImmutableArray<PolicyPackage> Policies,
    ImmutableArray<string> LevelLabels,
    AgreementZoneSpec? Zone = null)
{
    /// <summary>The package with the given id, or null.</summary>
    public PolicyPackage? Policy(string id) => Policies.FirstOrDefault(p => p.Id == id);
}

/// <summary>A scenario's choice of bargaining model for the agreement zone (the engine only carries it).</summary>
/// <param name="Model">Model id.</param>
/// <param name="IssueSpace">Issue-space file, as written in the scenario (relative to the scenario file).</param>
/// <param name="Challenger">Stakeholder standing for the challenger.</param>
/// <param name="Principal">Stakeholder standing for the principal.</param>
/// <param name="Scope">Scope dimension name, or null for the first.</param>
/// <param name="Relief">Relief dimension name, or null for the second.</param>
/// <param name="Normalization">Normalization dimension name, or null for the third.</param>
public sealed record AgreementZoneSpec(string Model, string IssueSpace, string Challenger, string Principal, string? Scope, string? Relief, string? Normalization);
