using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Peninsula.Bargaining.Smp;

/// <summary>A complete SMP run: every state from the input (turn 0) to the last, with KTAB's intermediate results.</summary>
public sealed class SmpRun
{
    internal SmpRun(IssueSpace space, SmpOptions options, ImmutableArray<SmpTurn> turns, bool converged, double finalChangeRatio)
    {
        Space = space;
        Options = options;
        States = turns;
        Converged = converged;
        FinalChangeRatio = finalChangeRatio;
    }

    /// <summary>The input.</summary>
    public IssueSpace Space { get; }

    /// <summary>The stopping rule used.</summary>
    public SmpOptions Options { get; }

    /// <summary>States by turn; States[0] is the input, States[^1] the last state.</summary>
    public ImmutableArray<SmpTurn> States { get; }

    /// <summary>Turns run (states − 1).</summary>
    public int Turns => States.Length - 1;

    /// <summary>True when the run stopped on the quiet test rather than at <see cref="SmpOptions.MaxTurns"/>.</summary>
    public bool Converged { get; }

    /// <summary>The last turn's movement divided by (the first turn's movement + 1e-4).</summary>
    public double FinalChangeRatio { get; }

    /// <summary>The last state.</summary>
    public SmpTurn Final => States[^1];

    /// <summary>
    /// The trajectory as a <see cref="BargainingResult"/>; the forecast is the final state's most probable position
    /// (the position of the cluster with the largest win probability).
    /// </summary>
    public BargainingResult ToResult()
    {
        var trajectory = States.Select(s => s.Positions).ToImmutableArray();
        var final = Final;
        var notes = ImmutableArray.Create(
            "KTAB SMP defaults: proportional voting, linear victory probability, conditional Condorcet election, deterministic transitions, "
            + "risk attitudes from the risk-neutral election (range Mid, one-third adjustment), semi-committed third parties, "
            + "S2P2 bargains rounded to 4 decimals, initiator-only bargains",
            Converged
                ? string.Create(CultureInfo.InvariantCulture, $"stopped after {Turns} turns: change ratio {FinalChangeRatio:0.0000} < {Options.MinDeltaRatio}")
                : string.Create(CultureInfo.InvariantCulture, $"stopped at the turn limit {Options.MaxTurns} (change ratio {FinalChangeRatio:0.0000})"),
            string.Create(
                CultureInfo.InvariantCulture,
                $"forecast = most probable final position (held by {Space.Stakeholders[final.MostProbableActor].Name}, p = {final.WinProbabilities[final.MostProbableActor]:0.0000})"));
        return new BargainingResult(SmpModel.ModelId, trajectory, final.MostProbablePosition, notes);
    }

    /// <summary>
    /// KTAB's end-of-run summary, character for character: positions by turn (one decimal, 0–100) per actor and
    /// dimension, then each actor's position's win probability by turn (four decimals). Lines end in "\n".
    /// </summary>
    public string FormatKtabSummary()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("Completed model run \n");
        sb.Append(ci, $"There were {States.Length} states, with {Turns} steps between them \n");
        sb.Append("History of actor positions over time: \n");
        for (var i = 0; i < Space.ActorCount; i++)
        {
            for (var k = 0; k < Space.DimensionCount; k++)
            {
                sb.Append(ci, $"{Space.Stakeholders[i].Name}, {Space.Dimensions[k]}:");
                foreach (var s in States) sb.Append(' ').Append((100 * s.Raw[i][k]).ToString("F1", ci).PadLeft(5));
                sb.Append(" \n");
            }
        }

        sb.Append("History of actors' winning probabilities: \n");
        for (var i = 0; i < Space.ActorCount; i++)
        {
            sb.Append(ci, $"{Space.Stakeholders[i].Name}, prob :");
            foreach (var s in States) sb.Append(' ').Append(s.WinProbabilities[i].ToString("F4", ci));
            sb.Append(" \n");
        }

        sb.Append(" \n");
        return sb.ToString();
    }
}
