using System.Collections.Immutable;

namespace Peninsula.App;

/// <summary>One cell of a sweep: a value for every grid key, and the scenario and package that simulate it.</summary>
/// <param name="Index">Position in the Cartesian product (the first key varies slowest); cell 0 is the base cell.</param>
/// <param name="Assignments">(key, value) for every grid key, in grid order.</param>
/// <param name="BasePolicy">The package the cell starts from (its <c>policy</c> value, else the sweep's base package).</param>
/// <param name="Session">
/// The scenario to run: the original when the cell sets no lever, else a copy with one more package (<paramref name="Policy"/>)
/// that is <paramref name="BasePolicy"/> with the cell's levers set.
/// </param>
/// <param name="Policy">The package id run in <paramref name="Session"/>.</param>
public sealed record SweepCell(int Index, ImmutableArray<(string Key, string Value)> Assignments, string BasePolicy, ScenarioSession Session, string Policy)
{
    /// <summary>The cell's value of <paramref name="key"/>, or null when the grid has no such key.</summary>
    public string? ValueOf(string key) => Assignments.Where(a => a.Key == key).Select(a => a.Value).FirstOrDefault();

    /// <summary>"policy=x, demand=40": the assignments as text.</summary>
    public string Label => string.Join(", ", Assignments.Select(a => a.Key + "=" + a.Value));
}
