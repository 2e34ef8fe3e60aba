using System.Collections.Immutable;

namespace Peninsula.Bargaining.Models;

/// <summary>Pieces shared by the one-shot models.</summary>
internal static class ModelSupport
{
    /// <summary>The input positions as trajectory turn 0: [actor][dimension].</summary>
    public static ImmutableArray<ImmutableArray<double>> InputTurn(IssueSpace space) =>
        [.. space.Stakeholders.Select(s => s.Positions)];

    /// <summary>A result with the input as its only turn.</summary>
    public static BargainingResult OneShot(string id, IssueSpace space, double[] forecast, List<string> notes) =>
        new(id, [InputTurn(space)], [.. forecast], [.. notes]);

    /// <summary>
    /// The weight of each actor on dimension <paramref name="k"/>: capability × salience. When they are all zero,
    /// capability alone; when those are all zero too, equal weights (the fallback is added to <paramref name="notes"/>).
    /// </summary>
    public static double[] Weights(IssueSpace space, int k, List<string> notes)
    {
        var n = space.ActorCount;
        var w = new double[n];
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            var s = space.Stakeholders[i];
            w[i] = s.Capability * s.Saliences[k];
            total += w[i];
        }
        if (total > 0)
            return w;
        total = 0;
        for (var i = 0; i < n; i++)
        {
            w[i] = space.Stakeholders[i].Capability;
            total += w[i];
        }
        if (total > 0)
        {
            notes.Add($"{space.Dimensions[k]}: no actor has capability x salience > 0; weighted by capability alone");
            return w;
        }
        Array.Fill(w, 1.0);
        notes.Add($"{space.Dimensions[k]}: no actor has capability > 0; equal weights");
        return w;
    }

    /// <summary>Checks that every stakeholder has one position and one salience per dimension.</summary>
    public static void CheckShape(IssueSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.ActorCount == 0)
            throw new ArgumentException("the issue space has no stakeholders", nameof(space));
        foreach (var s in space.Stakeholders)
        {
            if (s.Positions.Length != space.DimensionCount || s.Saliences.Length != space.DimensionCount)
                throw new ArgumentException($"stakeholder '{s.Name}' does not have one position and salience per dimension", nameof(space));
        }
    }
}
