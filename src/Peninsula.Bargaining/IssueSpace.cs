using System.Collections.Immutable;

namespace Peninsula.Bargaining;

/// <summary>
/// One stakeholder of a bargaining problem: capability (any non-negative scale), and per dimension a position and a
/// salience, both on 0–100 (an actor's saliences sum to at most 100).
/// </summary>
/// <param name="Name">Short name.</param>
/// <param name="Description">Description (may be empty).</param>
/// <param name="Capability">Capability (≥ 0).</param>
/// <param name="Positions">Position on each dimension, 0–100.</param>
/// <param name="Saliences">Salience of each dimension, 0–100.</param>
public sealed record Stakeholder(string Name, string Description, double Capability, ImmutableArray<double> Positions, ImmutableArray<double> Saliences);

/// <summary>A bargaining problem: named dimensions (0–100 each) and the stakeholders.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Description">Description.</param>
/// <param name="Dimensions">Dimension names, in order.</param>
/// <param name="Stakeholders">Stakeholders, in order.</param>
public sealed record IssueSpace(string Name, string Description, ImmutableArray<string> Dimensions, ImmutableArray<Stakeholder> Stakeholders)
{
    /// <summary>Number of dimensions.</summary>
    public int DimensionCount => Dimensions.Length;

    /// <summary>Number of stakeholders.</summary>
    public int ActorCount => Stakeholders.Length;
}

/// <summary>What a model produces: the positions turn by turn (turn 0 = the input) and the forecast per dimension.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Trajectory">Trajectory[turn][actor][dimension], 0–100.</param>
/// <param name="Forecast">Forecast outcome per dimension, 0–100.</param>
/// <param name="Notes">Model-specific notes (variant switches, stopping reason).</param>
public sealed record BargainingResult(
    string Model,
    ImmutableArray<ImmutableArray<ImmutableArray<double>>> Trajectory,
    ImmutableArray<double> Forecast,
    ImmutableArray<string> Notes)
{
    /// <summary>Turns after the input (0 for one-shot models).</summary>
    public int Turns => Trajectory.Length - 1;
}

/// <summary>A collective-bargaining model.</summary>
public interface IBargainingModel
{
    /// <summary>Model id (e.g. "compromise", "median", "nash", "bdm", "smp").</summary>
    string Id { get; }

    /// <summary>Runs the model on <paramref name="space"/>. Deterministic.</summary>
    BargainingResult Run(IssueSpace space);
}
