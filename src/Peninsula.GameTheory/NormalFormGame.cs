namespace Peninsula.GameTheory;

/// <summary>
/// A finite two-player game in normal (strategic) form. Player 1 chooses a row, player 2 a column.
/// Mixed profiles are laid out as <c>[P1 strategies…, P2 strategies…]</c>.
/// </summary>
public sealed class NormalFormGame
{
    private readonly double[] player1; // row-major, [row * cols + col]
    private readonly double[] player2;

    /// <summary>Creates a game from payoff matrices indexed <c>[row][col]</c> (row = player 1's strategy).</summary>
    /// <param name="player1Payoffs">Player 1's payoffs, <c>P1[row][col]</c>.</param>
    /// <param name="player2Payoffs">Player 2's payoffs, <c>P2[row][col]</c>.</param>
    /// <exception cref="ArgumentException">The matrices are empty, ragged, of different shapes or not finite.</exception>
    public NormalFormGame(IReadOnlyList<IReadOnlyList<double>> player1Payoffs, IReadOnlyList<IReadOnlyList<double>> player2Payoffs)
    {
        ArgumentNullException.ThrowIfNull(player1Payoffs);
        ArgumentNullException.ThrowIfNull(player2Payoffs);
        Player1StrategyCount = player1Payoffs.Count;
        if (Player1StrategyCount == 0 || player1Payoffs[0].Count == 0)
        {
            throw new ArgumentException("Each player needs at least one strategy.", nameof(player1Payoffs));
        }

        Player2StrategyCount = player1Payoffs[0].Count;
        player1 = Flatten(player1Payoffs, Player1StrategyCount, Player2StrategyCount, nameof(player1Payoffs));
        player2 = Flatten(player2Payoffs, Player1StrategyCount, Player2StrategyCount, nameof(player2Payoffs));
    }

    /// <summary>Number of pure strategies of player 1 (rows).</summary>
    public int Player1StrategyCount { get; }

    /// <summary>Number of pure strategies of player 2 (columns).</summary>
    public int Player2StrategyCount { get; }

    /// <summary>Length of a mixed profile, <c>Player1StrategyCount + Player2StrategyCount</c>.</summary>
    public int ProfileLength => Player1StrategyCount + Player2StrategyCount;

    /// <summary>Player 1's payoff when player 1 plays <paramref name="row"/> and player 2 plays <paramref name="column"/>.</summary>
    public double Player1Payoff(int row, int column) => player1[Index(row, column)];

    /// <summary>Player 2's payoff when player 1 plays <paramref name="row"/> and player 2 plays <paramref name="column"/>.</summary>
    public double Player2Payoff(int row, int column) => player2[Index(row, column)];

    /// <summary>
    /// Expected payoff of every pure strategy against the opponent's mixed strategy in <paramref name="profile"/>,
    /// written in profile layout: <c>utilities[s] = U1(s, σ2)</c> for rows, then <c>U2(σ1, c)</c> for columns.
    /// </summary>
    /// <param name="profile">A mixed profile in profile layout.</param>
    /// <param name="utilities">Destination, of length <see cref="ProfileLength"/>.</param>
    public void StrategyPayoffs(ReadOnlySpan<double> profile, Span<double> utilities)
    {
        int n1 = Player1StrategyCount, n2 = Player2StrategyCount;
        if (profile.Length != n1 + n2 || utilities.Length != n1 + n2)
        {
            throw new ArgumentException($"Profile and destination must have length {n1 + n2}.", nameof(profile));
        }

        for (int r = 0; r < n1; r++)
        {
            double u = 0;
            for (int c = 0; c < n2; c++)
            {
                u += player1[(r * n2) + c] * profile[n1 + c];
            }

            utilities[r] = u;
        }

        for (int c = 0; c < n2; c++)
        {
            double u = 0;
            for (int r = 0; r < n1; r++)
            {
                u += player2[(r * n2) + c] * profile[r];
            }

            utilities[n1 + c] = u;
        }
    }

    private int Index(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Player1StrategyCount);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Player2StrategyCount);
        return (row * Player2StrategyCount) + column;
    }

    private static double[] Flatten(IReadOnlyList<IReadOnlyList<double>> m, int rows, int cols, string name)
    {
        if (m.Count != rows)
        {
            throw new ArgumentException($"Expected {rows} rows.", name);
        }

        var flat = new double[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            if (m[r] is null || m[r].Count != cols)
            {
                throw new ArgumentException($"Row {r} must have {cols} entries.", name);
            }

            for (int c = 0; c < cols; c++)
            {
                double v = m[r][c];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Payoff [{r}][{c}] is not finite.", name);
                }

                flat[(r * cols) + c] = v;
            }
        }

        return flat;
    }
}
