using Peninsula.Core;
using Peninsula.Engine.Spec;

namespace Peninsula.Engine.Model;

/// <summary>
/// The sanction-response probabilities of one parameter draw under one package, by ladder level: they depend on
/// the coefficients, the scenario's veto players and the package's pressure, never on a run's state, so the
/// simulator computes them once per draw instead of once per run and month. Values are exactly those of
/// <see cref="ChoiceModels"/> (same expressions), so results do not change.
/// </summary>
public sealed class SanctionOdds
{
    private SanctionOdds(int vetoPlayers)
    {
        Veto = new double[vetoPlayers * Ladder.Levels];
    }

    /// <summary>P(the principal adds unilateral sanctions | an act at the level), 0 below level 4.</summary>
    public double[] PrincipalSanction { get; } = new double[Ladder.Levels];

    /// <summary>P(no veto player blocks a resolution on an act at the level).</summary>
    public double[] Pass { get; } = new double[Ladder.Levels];

    /// <summary>P(veto player v blocks | level), at index v·7 + level.</summary>
    public double[] Veto { get; }

    /// <summary>Expected council layers an act at the level adds (<see cref="FeatureFunction.ActAdditions"/>).</summary>
    public double[] ActUn { get; } = new double[Ladder.Levels];

    /// <summary>Expected unilateral layers an act at the level adds (<see cref="FeatureFunction.ActAdditions"/>).</summary>
    public double[] ActUni { get; } = new double[Ladder.Levels];

    /// <summary>Enforcement an act at the level adds: P(a resolution passes) × the enforcement gain.</summary>
    public double[] ActEnforcement { get; } = new double[Ladder.Levels];

    /// <summary>P(new unilateral designations in a month without a level ≥ 4 act).</summary>
    public double Designation { get; private init; }

    /// <summary>The table of one draw under one package.</summary>
    public static SanctionOdds Of(Coefficients c, SimulationSpec spec, PolicyPackage policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(policy);
        var vetoPlayers = spec.Roles.VetoPlayers.Length;
        var odds = new SanctionOdds(vetoPlayers) { Designation = ChoiceModels.DesignationProbability(c, policy) };
        for (var level = 0; level < Ladder.Levels; level++)
        {
            odds.PrincipalSanction[level] = ChoiceModels.PrincipalSanctionProbability(c, policy, level);
            odds.Pass[level] = ChoiceModels.PassProbability(c, spec, level);
            for (var v = 0; v < vetoPlayers; v++) odds.Veto[v * Ladder.Levels + level] = ChoiceModels.VetoProbability(c, spec, v, level);
        }
        for (var level = 0; level < Ladder.Levels; level++)
        {
            var (addUn, addUni, pass) = FeatureFunction.ActAdditions(spec, c, odds, level);
            odds.ActUn[level] = addUn;
            odds.ActUni[level] = addUni;
            odds.ActEnforcement[level] = pass * c.SanctionsEnforcementGain;
        }
        return odds;
    }

    /// <summary>The tables of every draw.</summary>
    public static SanctionOdds[] OfAll(Coefficients[] coefficients, SimulationSpec spec, PolicyPackage policy)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        var all = new SanctionOdds[coefficients.Length];
        for (var k = 0; k < all.Length; k++) all[k] = Of(coefficients[k], spec, policy);
        return all;
    }
}
