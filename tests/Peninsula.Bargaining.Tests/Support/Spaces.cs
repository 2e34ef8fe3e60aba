using System.Collections.Immutable;

namespace Peninsula.Bargaining.Tests.Support;

/// <summary>Issue spaces built in code.</summary>
internal static class Spaces
{
    public static Stakeholder Actor(string name, double capability, double[] positions, double[] saliences) =>
        new(name, "", capability, [.. positions], [.. saliences]);

    public static IssueSpace Of(params Stakeholder[] actors)
    {
        var dims = actors[0].Positions.Length;
        return new IssueSpace("test", "", [.. Enumerable.Range(1, dims).Select(d => "d" + d)], [.. actors]);
    }

    /// <summary>One-dimensional space from (capability, position, salience) triples.</summary>
    public static IssueSpace OneDimension(params (double C, double X, double S)[] actors) =>
        Of([.. actors.Select((a, i) => Actor("a" + i, a.C, [a.X], [a.S]))]);

    public static ImmutableArray<double> Forecast(IBargainingModel model, IssueSpace space) => model.Run(space).Forecast;
}
