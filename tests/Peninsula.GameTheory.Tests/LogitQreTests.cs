using CsCheck;

namespace Peninsula.GameTheory.Tests;

public sealed class LogitQreTests
{
    /// <summary>Random games with 2 or 3 strategies per player and payoffs in [-3, 3].</summary>
    private static readonly Gen<NormalFormGame> Games =
        from n1 in Gen.Int[2, 3]
        from n2 in Gen.Int[2, 3]
        from a in Gen.Double[-3, 3].Array[n2].Array[n1]
        from b in Gen.Double[-3, 3].Array[n2].Array[n1]
        select new NormalFormGame(a, b);

    [Fact]
    public void Small_lambda_solution_satisfies_the_fixed_point_equations()
    {
        Gen.Select(Games, Gen.Double[0, 3]).Sample((game, lambda) =>
        {
            var p = LogitQre.Solve(game, lambda);
            AssertIsProfile(game, p);
            Assert.True(LogitQre.FixedPointResidual(game, p, lambda) <= 1e-10);
        }, iter: 200);
    }

    [Fact]
    public void Lambda_zero_is_the_centroid()
    {
        Games.Sample(game =>
        {
            var p = LogitQre.Solve(game, 0);
            for (int i = 0; i < p.Length; i++)
            {
                double expected = 1.0 / (i < game.Player1StrategyCount ? game.Player1StrategyCount : game.Player2StrategyCount);
                Assert.Equal(expected, p[i], 15);
            }
        }, iter: 50);
    }

    [Fact]
    public void Constant_dominance_gives_the_closed_form()
    {
        // Row 1 beats row 0 by exactly c in every column, so P1 plays row 0 with probability 1/(1+e^(λc)) and
        // player 2 best-responds quantally to that mixture.
        var gen =
            from row in Gen.Double[-3, 3].Array[3]
            from b in Gen.Double[-3, 3].Array[3].Array[2]
            from c in Gen.Double[-2, 2]
            from lambda in Gen.Double[0, 5]
            select (row, b, c, lambda);
        gen.Sample(x =>
        {
            var (row, b, c, lambda) = x;
            var game = new NormalFormGame([row, [.. row.Select(v => v + c)]], b);
            var p = LogitQre.Solve(game, lambda);
            double p0 = 1 / (1 + Math.Exp(lambda * c));
            double[] u2 = [.. Enumerable.Range(0, 3).Select(j => (p0 * b[0][j]) + ((1 - p0) * b[1][j]))];
            var q = ChoiceRule.Probabilities(u2, lambda, ChoiceLink.Logit);
            Assert.Equal(p0, p[0], 1e-10);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(q[j], p[2 + j], 1e-10);
            }
        }, iter: 100);
    }

    [Fact]
    public void Traced_path_starts_at_the_centroid_ends_at_max_lambda_and_stays_on_the_correspondence()
    {
        Gen.Select(Games, Gen.Double[0.5, 10]).Sample((game, maxLambda) =>
        {
            var path = LogitQre.TracePath(game, maxLambda);
            Assert.Equal(0, path[0].Lambda);
            Assert.Equal(maxLambda, path[^1].Lambda);
            foreach (var point in path)
            {
                AssertIsProfile(game, point.Profile);
                Assert.True(LogitQre.FixedPointResidual(game, point.Profile, point.Lambda) <= 1e-9);
            }

            Assert.Equal(LogitQre.Solve(game, maxLambda), path[^1].Profile);
        }, iter: 50);
    }

    [Fact]
    public void Solve_follows_the_principal_branch_when_several_equilibria_exist()
    {
        // Coordination game: at λ = 10 there are QRE near (T,L), near (B,R) and a mixed one. The principal branch
        // starts at the centroid where T and L are favoured (2 > 1) and leads to (T,L).
        double[][] payoff = [[2, 0], [0, 1]];
        var game = new NormalFormGame(payoff, payoff);
        const double lambda = 10;

        var principal = LogitQre.Solve(game, lambda);

        Assert.True(principal[0] > 0.99 && principal[2] > 0.99);
        Assert.True(LogitQre.FixedPointResidual(game, principal, lambda) <= 1e-12);

        // A second QRE exists near (B,R): the logit response map is a contraction there.
        double[] other = [1e-3, 1 - 1e-3, 1e-3, 1 - 1e-3];
        for (int k = 0; k < 200; k++)
        {
            var u = new double[4];
            game.StrategyPayoffs(other, u);
            var p1 = ChoiceRule.Probabilities(u.AsSpan(0, 2), lambda, ChoiceLink.Logit);
            var p2 = ChoiceRule.Probabilities(u.AsSpan(2), lambda, ChoiceLink.Logit);
            other = [.. p1, .. p2];
        }

        Assert.True(LogitQre.FixedPointResidual(game, other, lambda) <= 1e-12);
        Assert.True(other[0] < 0.01);
    }

    [Fact]
    public void Adaptive_tracing_agrees_with_a_fine_fixed_step_reference()
    {
        // Path jumping would show up as a different end point than a tracer that creeps along in tiny steps.
        Gen.Select(Games, Gen.Double[0, 10]).Sample((game, lambda) =>
        {
            var adaptive = LogitQre.Solve(game, lambda);
            var fine = new LogitPath(game) { MaxStep = _ => 0.02 };
            double[] reference = [];
            fine.Trace(lambda, (_, _, z, _) =>
            {
                reference = fine.Profile(z);
                return true;
            });
            Assert.True(Oracle.MaxAbsDiff(adaptive, reference) <= 1e-10);
        }, iter: 20);
    }

    [Fact]
    public void Principal_branch_is_followed_through_folds()
    {
        // A 4x3 game whose principal branch turns back at λ ≈ 103.67, returns to λ ≈ 1.505 and turns forward
        // again, so for λ in between three QRE lie on the branch. Solve returns the first crossing.
        double[][] a = [[-1, 0, 4], [4, -5, -3], [-1, -5, 3], [2, -4, 2]];
        double[][] b = [[0, -2.172e-5, -0.0345], [0, 0, -4.8225], [0.5764, 0, 0], [0, 0, 0.0714]];
        var game = new NormalFormGame(a, b);

        var path = LogitQre.TracePath(game, 150);
        var turns = new List<double>();
        for (int i = 1; i + 1 < path.Count; i++)
        {
            if (Math.Sign(path[i].Lambda - path[i - 1].Lambda) != Math.Sign(path[i + 1].Lambda - path[i].Lambda))
            {
                turns.Add(path[i].Lambda);
            }
        }

        Assert.Equal(2, turns.Count);
        Assert.InRange(turns[0], 103.5, 103.8);
        Assert.InRange(turns[1], 1.4, 1.6);
        Assert.All(path, p => Assert.True(LogitQre.FixedPointResidual(game, p.Profile, p.Lambda) <= 1e-9));

        var first = LogitQre.Solve(game, 50);
        Assert.True(first[0] > 0.999);
        Assert.True(LogitQre.FixedPointResidual(game, first, 50) <= 1e-12);

        // The branch comes back through λ = 50 at visibly different profiles.
        int firstIndex = path.Select((p, i) => (p, i)).First(x => x.p.Lambda >= 50).i;
        Assert.Contains(path.Skip(firstIndex), p => Math.Abs(p.Lambda - 50) < 10 && p.Profile[0] < 0.995);
    }

    [Fact]
    public void Fit_recovers_the_likelihood_maximum_from_exact_equilibrium_frequencies()
    {
        // With counts proportional to σ(λ0), the multinomial likelihood is maximised by σ(λ0) itself, so the fit
        // must attain exactly that likelihood (and, where the profile is identified, that profile).
        Gen.Select(Games, Gen.Double[0.3, 4]).Sample((game, lambda0) =>
        {
            var truth = LogitQre.Solve(game, lambda0);
            double[] counts = [.. truth.Select(p => 1000 * p)];
            double best = LogitQre.LogLikelihood(counts, truth);

            var fit = LogitQre.FitLambda(game, counts, maxLambda: 50);

            Assert.Equal(best, fit.LogLikelihood, 1e-8);
            Assert.Equal(LogitQre.LogLikelihood(counts, fit.Profile), fit.LogLikelihood, 1e-12);

            // λ is identified only if the equilibrium moves with it: in a game whose payoffs are (nearly) all
            // equal, every λ gives the uniform profile and any λ is a maximiser (CsCheck generates such games).
            if (Oracle.MaxAbsDiff(truth, LogitQre.Solve(game, 0)) < 1e-2)
            {
                return;
            }

            Assert.True(fit.Converged);
            Assert.True(Oracle.MaxAbsDiff(truth, fit.Profile) <= 1e-5);
            Assert.True(Math.Abs(LogitQre.LogLikelihoodSlope(game, counts, fit.Lambda)) <= 1e-8);
        }, iter: 40);

        // The CI failure's seed: a game with every payoff 0 except one of 4e-87.
        Gen.Select(Games, Gen.Double[0.3, 4]).Sample((game, lambda0) =>
        {
            var truth = LogitQre.Solve(game, lambda0);
            double[] counts = [.. truth.Select(p => 1000 * p)];
            Assert.Equal(LogitQre.LogLikelihood(counts, truth), LogitQre.FitLambda(game, counts, maxLambda: 50).LogLikelihood, 1e-8);
        }, seed: "csuQBWHWQXO2", iter: 40);
    }

    [Fact]
    public void Fit_reports_boundary_solutions_as_not_converged()
    {
        double[][] a = [[2, 0], [3, 1]];
        double[][] b = [[3, 1], [0, 2]];
        var game = new NormalFormGame(a, b);

        // All mass on the dominant-strategy equilibrium (Test, Pressure): the likelihood rises for ever.
        var up = LogitQre.FitLambda(game, [0, 50, 0, 50], maxLambda: 40);
        Assert.False(up.Converged);
        Assert.Equal(40, up.Lambda);

        // All mass on the dominated strategy: the best λ ≥ 0 is 0.
        var down = LogitQre.FitLambda(game, [50, 0, 50, 0], maxLambda: 40);
        Assert.False(down.Converged);
        Assert.Equal(0, down.Lambda);
        Assert.Equal([0.5, 0.5, 0.5, 0.5], down.Profile);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var game = new NormalFormGame([[1.0, 0.0], [0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]);
        Assert.Throws<ArgumentOutOfRangeException>(() => LogitQre.Solve(game, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogitQre.Solve(game, double.NaN));
        Assert.Throws<ArgumentException>(() => LogitQre.FitLambda(game, [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => LogitQre.FitLambda(game, [1, -2, 3, 4]));
        Assert.Throws<ArgumentException>(() => new NormalFormGame([[1.0, 0.0], [0.0]], [[1.0, 0.0], [0.0, 1.0]]));
    }

    private static void AssertIsProfile(NormalFormGame game, double[] p)
    {
        int n1 = game.Player1StrategyCount;
        Assert.Equal(game.ProfileLength, p.Length);
        Assert.All(p, x => Assert.InRange(x, 0, 1));
        Assert.Equal(1, p.Take(n1).Sum(), 1e-12);
        Assert.Equal(1, p.Skip(n1).Sum(), 1e-12);
    }
}
