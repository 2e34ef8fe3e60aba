namespace Peninsula.GameTheory;

/// <summary>Terminal utilities of an outcome.</summary>
/// <param name="Player1">Player 1's utility.</param>
/// <param name="Player2">Player 2's utility.</param>
public readonly record struct Payoffs(double Player1, double Player2);

/// <summary>One response of player 2 and the outcome it leads to.</summary>
/// <param name="Name">Label of the response.</param>
/// <param name="Payoffs">Utilities at the resulting terminal node.</param>
public sealed record Player2Response(string Name, Payoffs Payoffs);

/// <summary>
/// One action of player 1: it either ends the game (<see cref="Terminal"/>) or hands the move to player 2,
/// who picks one of <see cref="Responses"/>.
/// </summary>
public sealed class Player1Action
{
    private Player1Action(string name, Payoffs? terminal, IReadOnlyList<Player2Response> responses)
    {
        Name = name;
        Terminal = terminal;
        Responses = responses;
    }

    /// <summary>Label of the action.</summary>
    public string Name { get; }

    /// <summary>Utilities if the action ends the game; <see langword="null"/> if player 2 moves next.</summary>
    public Payoffs? Terminal { get; }

    /// <summary>Player 2's responses after this action (empty if the action is terminal).</summary>
    public IReadOnlyList<Player2Response> Responses { get; }

    /// <summary>An action that ends the game with the given utilities.</summary>
    public static Player1Action End(string name, double player1, double player2) => new(name, new Payoffs(player1, player2), []);

    /// <summary>An action after which player 2 chooses among <paramref name="responses"/> (at least one).</summary>
    public static Player1Action Node(string name, params IReadOnlyList<Player2Response> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        if (responses.Count == 0)
        {
            throw new ArgumentException("A player-2 node needs at least one response.", nameof(responses));
        }

        return new Player1Action(name, null, [.. responses]);
    }
}

/// <summary>
/// A two-stage game tree: player 1 picks one of K actions; after some of them player 2 picks one of
/// <c>M_k</c> responses; every leaf carries utilities for both players.
/// </summary>
public sealed class TwoStageGame
{
    /// <summary>Creates the tree from player 1's actions (at least one).</summary>
    public TwoStageGame(params IReadOnlyList<Player1Action> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
        {
            throw new ArgumentException("Player 1 needs at least one action.", nameof(actions));
        }

        Actions = [.. actions];
    }

    /// <summary>Player 1's actions, in order.</summary>
    public IReadOnlyList<Player1Action> Actions { get; }
}
