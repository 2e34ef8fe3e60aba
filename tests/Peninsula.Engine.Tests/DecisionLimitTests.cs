using System.Collections.Immutable;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Runner;
using Peninsula.Engine.Spec;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

/// <summary>
/// Every veto player and agreement draws from its own decision id (<see cref="Decisions.VetoBase"/> + v,
/// <see cref="Decisions.AgreementLapseBase"/> + a): a request beyond <see cref="Decisions.MaxVetoPlayers"/> or
/// <see cref="Decisions.MaxAgreements"/> is refused, since two of them would share a random stream (or the contact
/// draw's), and a request at the limits runs.
/// </summary>
public sealed class DecisionLimitTests
{
    [Fact]
    public void Limits_FillTheirIdRangesExactly()
    {
        Assert.Equal(Decisions.Disaster, Decisions.VetoBase + Decisions.MaxVetoPlayers);
        Assert.Equal(Decisions.Contact, Decisions.AgreementLapseBase + Decisions.MaxAgreements);
    }

    [Fact]
    public void Request_BeyondTheLimits_IsRefused_AtTheLimits_Runs()
    {
        var atLimits = Sized(Decisions.MaxVetoPlayers, Decisions.MaxAgreements);
        var request = TestSpecs.Request(runs: 40) with { Spec = atLimits, Months = 12 };
        Assert.Null(request.Validate());
        var result = MonteCarloRunner.Run(request, new RunOptions(2));
        Assert.Equal(40, result.Request.Runs);

        var vetoes = request with { Spec = Sized(Decisions.MaxVetoPlayers + 1, 1) };
        Assert.Equal($"scenario {atLimits.Name} has {Decisions.MaxVetoPlayers + 1} veto players (at most {Decisions.MaxVetoPlayers})", vetoes.Validate());
        Assert.Throws<ArgumentException>(() => MonteCarloRunner.Run(vetoes, new RunOptions(1)));

        var agreements = request with { Spec = Sized(2, Decisions.MaxAgreements + 1) };
        Assert.Equal($"scenario {atLimits.Name} has {Decisions.MaxAgreements + 1} agreements (at most {Decisions.MaxAgreements})", agreements.Validate());
    }

    private static SimulationSpec Sized(int vetoPlayers, int agreements)
    {
        var spec = TestSpecs.Transition2021;
        var veto = Enumerable.Range(0, vetoPlayers).Select(v => new VetoPlayer($"V{v}", -0.5 + 0.05 * v, 0.02 * v)).ToImmutableArray();
        // The first keeps the fixture's id: the initial state and the packages name it.
        var deals = Enumerable.Range(0, agreements)
            .Select(a => new AgreementSpec(a == 0 ? "singapore" : $"a{a}", $"agreement {a}", Month.Of(2018, 6), InForce: a % 2 == 0, Strength: 0.2, RestrainsFromLevel: 5))
            .ToImmutableArray();
        return spec with { Roles = spec.Roles with { VetoPlayers = veto }, Agreements = deals };
    }
}
