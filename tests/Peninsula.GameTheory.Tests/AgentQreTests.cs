using CsCheck;

namespace Peninsula.GameTheory.Tests;

public sealed class AgentQreTests
{
    /// <summary>Random two-stage trees: 2–3 player-1 actions, each terminal or followed by 2–3 responses.</summary>
    private static readonly Gen<TwoStageGame> Trees =
        Gen.Select(Gen.Bool, Gen.Double[-3, 3], Gen.Double[-3, 3], Gen.Double[-3, 3].Array[Gen.Int[2, 3]], Gen.Double[-3, 3].Array[3])
            .Select((terminal, u1, u2, r1, r2) => terminal
                ? Player1Action.End("end", u1, u2)
                : Player1Action.Node("node", [.. r1.Select((v, m) => new Player2Response($"r{m}", new Payoffs(v, r2[m])))]))
            .Array[2, 3]
            .Select(actions => new TwoStageGame(actions));

    [Fact]
    public void Logit_agent_qre_is_backward_induction_with_softmax()
    {
        Gen.Select(Trees, Gen.Double[0, 4]).Sample((game, lambda) =>
        {
            var sol = AgentQre.Solve(game, lambda, ChoiceLink.Logit);
            var eu = new double[game.Actions.Count];
            for (int k = 0; k < eu.Length; k++)
            {
                var a = game.Actions[k];
                if (a.Terminal is { } t)
                {
                    Assert.Empty(sol.Player2[k]);
                    eu[k] = t.Player1;
                    continue;
                }

                var z = a.Responses.Select(r => Math.Exp(lambda * r.Payoffs.Player2)).ToArray();
                for (int m = 0; m < z.Length; m++)
                {
                    Assert.Equal(z[m] / z.Sum(), sol.Player2[k][m], 1e-12);
                    eu[k] += sol.Player2[k][m] * a.Responses[m].Payoffs.Player1;
                }
            }

            var e = eu.Select(u => Math.Exp(lambda * u)).ToArray();
            for (int k = 0; k < eu.Length; k++)
            {
                Assert.Equal(eu[k], sol.Player1ExpectedUtilities[k], 1e-12);
                Assert.Equal(e[k] / e.Sum(), sol.Player1[k], 1e-12);
            }
        }, iter: 200);
    }

    [Fact]
    public void Lambda_zero_is_uniform_for_both_links()
    {
        Trees.Sample(game =>
        {
            foreach (var link in new[] { ChoiceLink.Logit, ChoiceLink.Probit })
            {
                var sol = AgentQre.Solve(game, 0, link);
                Assert.All(sol.Player1, p => Assert.Equal(1.0 / sol.Player1.Length, p, 1e-12));
                Assert.All(sol.Player2.Where(q => q.Length > 0), q => Assert.All(q, p => Assert.Equal(1.0 / q.Length, p, 1e-12)));
            }
        }, iter: 30);
    }

    [Fact]
    public void Probit_probabilities_sum_to_one_and_match_the_binary_closed_form()
    {
        var gen = Gen.Select(Gen.Double[-3, 3].Array[2, 4], Gen.Double[0, 3]);
        gen.Sample((u, lambda) =>
        {
            var p = ChoiceRule.Probabilities(u, lambda, ChoiceLink.Probit);
            Assert.Equal(1, p.Sum(), 1e-10);
            Assert.All(p, x => Assert.InRange(x, 0, 1));
            if (u.Length == 2)
            {
                // The quadrature used for three or more alternatives reproduces Φ(λΔ/√2) for two.
                var q = ChoiceRule.MultinomialProbit(u, lambda);
                Assert.Equal(p[0], q[0], 1e-12);
                Assert.Equal(p[1], q[1], 1e-12);
            }

            // Better alternatives are chosen at least as often.
            for (int i = 0; i < u.Length; i++)
            {
                for (int j = 0; j < u.Length; j++)
                {
                    if (u[i] > u[j])
                    {
                        Assert.True(p[i] >= p[j] - 1e-12);
                    }
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void Probit_with_equal_utilities_is_uniform()
    {
        var p = ChoiceRule.Probabilities([1.5, 1.5, 1.5], 2, ChoiceLink.Probit);
        Assert.All(p, x => Assert.Equal(1.0 / 3, x, 1e-12));
    }

    [Fact]
    public void Player1_stage_uses_the_given_response_probabilities()
    {
        // SQ is terminal (utility -1); after Esc, outcomes Cap (0) and War (-1.4) with estimated probabilities.
        var stage = AgentQre.Player1Stage([[-1.0], [0.0, -1.4]], [[1.0], [0.3, 0.7]]);
        double euEsc = 0.7 * -1.4;
        Assert.Equal(-1, stage.ExpectedUtilities[0], 1e-15);
        Assert.Equal(euEsc, stage.ExpectedUtilities[1], 1e-15);
        Assert.Equal(1 / (1 + Math.Exp(euEsc + 1)), stage.Probabilities[0], 1e-15);
        Assert.Equal(1, stage.Probabilities.Sum(), 1e-15);

        Assert.Throws<ArgumentException>(() => AgentQre.Player1Stage([[-1.0], [0.0, -1.4]], [[1.0], [0.3, 0.6]]));
        Assert.Throws<ArgumentException>(() => AgentQre.Player1Stage([[-1.0], [0.0, -1.4]], [[1.0], [0.3]]));
    }
}
