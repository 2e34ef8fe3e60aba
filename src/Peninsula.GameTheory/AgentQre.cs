namespace Peninsula.GameTheory;

/// <summary>Agent QRE of a <see cref="TwoStageGame"/>.</summary>
/// <param name="Player1">Player 1's choice probabilities, one per action.</param>
/// <param name="Player2">
/// Player 2's response probabilities conditional on each player-1 action (empty arrays for terminal actions).
/// </param>
/// <param name="Player1ExpectedUtilities">Player 1's expected utility of each action given player 2's responses.</param>
public sealed record AgentQreSolution(double[] Player1, IReadOnlyList<double[]> Player2, double[] Player1ExpectedUtilities);

/// <summary>Player 1's stage of a two-stage quantal choice model.</summary>
/// <param name="ExpectedUtilities">Expected utility of each action.</param>
/// <param name="Probabilities">Choice probabilities of each action.</param>
public sealed record Player1Choice(double[] ExpectedUtilities, double[] Probabilities);

/// <summary>
/// Agent quantal response equilibrium of two-stage trees by backward induction: every decision node chooses
/// quantally (logit or probit) given the choice probabilities of the nodes after it. With logit and λ = 1/√2 this
/// is the logit "agent error" statistical strategic model with unit error scale; with probit and λ = 1 it is the
/// probit agent-error model (binary choices <c>p = Φ(ΔU/√2)</c>).
/// </summary>
public static class AgentQre
{
    /// <summary>Solves the agent QRE: player 2's node probabilities first, then player 1's expected utilities and choices.</summary>
    /// <param name="game">The tree.</param>
    /// <param name="lambda">Precision λ ≥ 0, applied at every node.</param>
    /// <param name="link">Error distribution at every node.</param>
    public static AgentQreSolution Solve(TwoStageGame game, double lambda, ChoiceLink link = ChoiceLink.Logit)
    {
        ArgumentNullException.ThrowIfNull(game);
        int k = game.Actions.Count;
        var player2 = new double[k][];
        var u1 = new double[k][];
        for (int a = 0; a < k; a++)
        {
            var action = game.Actions[a];
            if (action.Terminal is { } end)
            {
                player2[a] = [];
                u1[a] = [end.Player1];
                continue;
            }

            var r = action.Responses;
            var u2 = new double[r.Count];
            u1[a] = new double[r.Count];
            for (int m = 0; m < r.Count; m++)
            {
                u2[m] = r[m].Payoffs.Player2;
                u1[a][m] = r[m].Payoffs.Player1;
            }

            player2[a] = ChoiceRule.Probabilities(u2, lambda, link);
        }

        var q = new double[k][];
        for (int a = 0; a < k; a++)
        {
            q[a] = player2[a].Length == 0 ? [1.0] : player2[a];
        }

        var choice = Player1Stage(u1, q, lambda, link);
        return new AgentQreSolution(choice.Probabilities, player2, choice.ExpectedUtilities);
    }

    /// <summary>
    /// Player 1's stage given player 2's (estimated or equilibrium) response probabilities, as used by
    /// statistical backward induction: <c>EU_k = Σ_m q_km u1_km</c> and choice probabilities
    /// <c>ChoiceRule(λ EU)</c> (logit with λ = 1 by default).
    /// </summary>
    /// <param name="player1Utilities">
    /// For each player-1 action, player 1's utility at each outcome that can follow it; a terminal action is a
    /// single utility.
    /// </param>
    /// <param name="responseProbabilities">
    /// For each action, the probability of each of those outcomes (player 2's response probabilities; <c>[1]</c>
    /// for a terminal action). Same shape as <paramref name="player1Utilities"/>; each row non-negative, summing to 1.
    /// </param>
    /// <param name="lambda">Precision of player 1's choice.</param>
    /// <param name="link">Error distribution of player 1's choice.</param>
    public static Player1Choice Player1Stage(
        IReadOnlyList<IReadOnlyList<double>> player1Utilities,
        IReadOnlyList<IReadOnlyList<double>> responseProbabilities,
        double lambda = 1.0,
        ChoiceLink link = ChoiceLink.Logit)
    {
        ArgumentNullException.ThrowIfNull(player1Utilities);
        ArgumentNullException.ThrowIfNull(responseProbabilities);
        int k = player1Utilities.Count;
        if (k == 0 || responseProbabilities.Count != k)
        {
            throw new ArgumentException("Need one utility row and one probability row per player-1 action.", nameof(responseProbabilities));
        }

        var eu = new double[k];
        for (int a = 0; a < k; a++)
        {
            var u = player1Utilities[a];
            var q = responseProbabilities[a];
            if (u.Count == 0 || q.Count != u.Count)
            {
                throw new ArgumentException($"Action {a}: utilities and probabilities must be non-empty and of equal length.", nameof(responseProbabilities));
            }

            double sum = 0, e = 0;
            for (int m = 0; m < u.Count; m++)
            {
                if (!(q[m] >= 0))
                {
                    throw new ArgumentException($"Action {a}: probabilities must be non-negative.", nameof(responseProbabilities));
                }

                sum += q[m];
                e += q[m] * u[m];
            }

            if (Math.Abs(sum - 1) > 1e-9)
            {
                throw new ArgumentException($"Action {a}: probabilities sum to {sum}, not 1.", nameof(responseProbabilities));
            }

            eu[a] = e;
        }

        return new Player1Choice(eu, ChoiceRule.Probabilities(eu, lambda, link));
    }
}
