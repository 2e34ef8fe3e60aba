using System.Collections.Immutable;

namespace Peninsula.Charts;

/// <summary>One actor's position on one issue dimension, turn by turn.</summary>
/// <param name="Actor">Actor name, distinct within the chart.</param>
/// <param name="Positions">Position per turn, each in [0, 100].</param>
public sealed record ActorTrajectory(string Actor, ImmutableArray<double> Positions);

/// <summary>
/// Bargaining trajectories on one issue dimension: a line per actor (many actors allowed; colours
/// cycle through the palette while line patterns and markers change every palette length, so up to
/// 40 actors get distinct styles), legend outside the plot on the right.
/// </summary>
/// <param name="Title">Chart title.</param>
/// <param name="Dimension">Issue dimension, shown in the y-axis label.</param>
/// <param name="Actors">At least one; all with the same number of turns (≥ 1).</param>
public sealed record BargainingChartData(string Title, string Dimension, ImmutableArray<ActorTrajectory> Actors)
{
    /// <summary>Number of the first turn on the x axis; default 0 (the initial positions).</summary>
    public int FirstTurn { get; init; }

    /// <summary>X-axis label; default "Turn (bargaining round)".</summary>
    public string XLabel { get; init; } = "Turn (bargaining round)";
}
