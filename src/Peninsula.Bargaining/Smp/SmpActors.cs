using System.Collections.Immutable;

namespace Peninsula.Bargaining.Smp;

/// <summary>The fixed attributes of the actors, on KTAB's internal scales (positions and saliences divided by 100).</summary>
internal sealed class SmpActors
{
    public SmpActors(IssueSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var na = space.ActorCount;
        var nd = space.DimensionCount;
        if (na < 1) throw new ArgumentException("The SMP needs at least one stakeholder.", nameof(space));
        if (nd < 1) throw new ArgumentException("The SMP needs at least one dimension.", nameof(space));
        Count = na;
        Dimensions = nd;
        Names = [.. space.Stakeholders.Select(s => s.Name)];
        DimensionNames = space.Dimensions;
        Capabilities = new double[na];
        Saliences = new double[na][];
        SalienceSums = new double[na];
        InitialPositions = new double[na][];
        for (var i = 0; i < na; i++)
        {
            var s = space.Stakeholders[i];
            if (s.Positions.Length != nd || s.Saliences.Length != nd)
            {
                throw new ArgumentException($"Stakeholder '{s.Name}' needs {nd} positions and {nd} saliences.", nameof(space));
            }

            if (!double.IsFinite(s.Capability) || s.Capability < 0)
            {
                throw new ArgumentException($"Stakeholder '{s.Name}' has an invalid capability {s.Capability}.", nameof(space));
            }

            Capabilities[i] = s.Capability;
            Saliences[i] = new double[nd];
            InitialPositions[i] = new double[nd];
            for (var k = 0; k < nd; k++)
            {
                var x = s.Positions[k];
                var w = s.Saliences[k];
                if (!double.IsFinite(x)) throw new ArgumentException($"Stakeholder '{s.Name}' has a non-finite position.", nameof(space));
                if (!double.IsFinite(w) || w < 0) throw new ArgumentException($"Stakeholder '{s.Name}' has an invalid salience {w}.", nameof(space));
                InitialPositions[i][k] = x / 100.0;
                Saliences[i][k] = w / 100.0;
            }

            var sum = 0.0;
            foreach (var w in Saliences[i]) sum += w;
            SalienceSums[i] = sum;
        }
    }

    public int Count { get; }

    public int Dimensions { get; }

    public ImmutableArray<string> Names { get; }

    public ImmutableArray<string> DimensionNames { get; }

    /// <summary>Capability (voting weight in elections), unscaled.</summary>
    public double[] Capabilities { get; }

    /// <summary>Saliences on 0–1.</summary>
    public double[][] Saliences { get; }

    /// <summary>Sum of each actor's saliences (its overall salience, 0–1).</summary>
    public double[] SalienceSums { get; }

    /// <summary>Input positions on 0–1.</summary>
    public double[][] InitialPositions { get; }
}
