using System.Security.Cryptography;
using System.Text;
using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Spec;
using Peninsula.Scenarios.Tests.Support;

namespace Peninsula.Scenarios.Tests;

/// <summary>The shipped 2021 transition scenario loads and maps onto the engine's spec.</summary>
public sealed partial class ScenarioLoaderTests
{
    private static readonly Lazy<LoadResult> Transition = new(() => ScenarioLoader.Load(Repo.Scenario("transition-2021.yaml")));

    private static SimulationSpec Spec => Transition.Value.Spec ?? throw new InvalidOperationException(string.Join("\n", Transition.Value.Errors));

    [Fact]
    public void Load_Transition2021_HasNoErrors()
    {
        Assert.Empty(Transition.Value.Errors.Select(e => e.ToString()));
        Assert.True(Transition.Value.IsValid);
    }

    [Fact]
    public void Load_Transition2021_MapsHeader()
    {
        Assert.Equal("transition-2021", Spec.Name);
        Assert.Equal(Month.Of(2021, 1), Spec.Start);
        Assert.Equal(48, Spec.Months);
        Assert.Equal(6, Spec.TransitionWindowMonths);
        Assert.Equal(5, Spec.UnTriggerLevel);
        Assert.Equal(5, Spec.MoratoriumFromLevel);
        Assert.Equal(4, Spec.ImplementationSteps);
        Assert.Equal(7, Spec.LevelLabels.Length);
        Assert.Equal("nuclear test", Spec.LevelLabels[6]);
        Assert.Equal("principled-diplomacy", Transition.Value.DefaultPolicy);
        Assert.Equal("strategic-patience", Transition.Value.ReferencePolicy);
    }

    [Fact]
    public void Load_Transition2021_MapsRoles()
    {
        var roles = Spec.Roles;
        Assert.Equal("USA", roles.Principal);
        Assert.Equal("DPRK", roles.Challenger);
        Assert.Equal("ROK", roles.Mediator);
        Assert.Equal("UNSC", roles.Council);
        Assert.Equal(["USA", "JPN", "EU"], roles.Sanctioners.ToArray());
        Assert.Equal(2, roles.VetoPlayers.Length);
        Assert.Equal(new VetoPlayer("CHN", -0.4, 0.9), roles.VetoPlayers[0]);
        Assert.Equal(new VetoPlayer("RUS", -0.6, 0.03), roles.VetoPlayers[1]);
    }

    [Fact]
    public void Load_Transition2021_MapsAdministrations()
    {
        var usa = Spec.Principal;
        Assert.Equal("USA", usa.Actor);
        Assert.Equal(2, usa.Terms.Length);
        Assert.Equal(new Term("Donald Trump", Month.Of(2017, 1), Month.Of(2021, 1), Month.Of(2016, 11), 0.75, "maximum pressure, then top-down summitry"), usa.Terms[0]);
        Assert.Equal(1.0, usa.Terms[1].Engagement);
        Assert.Equal(Month.Of(2025, 1), usa.Terms[1].End);
        Assert.Empty(usa.Successors);
        Assert.Null(usa.SuccessorElection);

        var rok = Assert.IsType<AdministrationSchedule>(Spec.Mediator);
        Assert.Equal(Month.Of(2022, 5), rok.SuccessorStart);
        Assert.Equal(Month.Of(2022, 3), rok.SuccessorElection);
        Assert.Equal([new SuccessorOption("progressive successor", 0.5, 1.0), new SuccessorOption("conservative successor", 0.5, 0.25)], rok.Successors.ToArray());
    }

    [Fact]
    public void Load_Transition2021_MapsAgreementsAndInitialState()
    {
        var singapore = Assert.Single(Spec.Agreements);
        Assert.Equal(new AgreementSpec("singapore", "Singapore joint statement", Month.Of(2018, 6), true, 0.2, 5), singapore);

        var initial = Spec.Initial;
        Assert.Equal(["singapore"], initial.AgreementsInForce.ToArray());
        Assert.Equal(10, initial.UnSanctions);
        Assert.Equal(-0.3, initial.TrustChallenger);
        Assert.Equal(2, initial.Pipeline);
        Assert.False(initial.Moratorium);
        Assert.Equal(Phase.None, initial.Phase);
        Assert.Equal(0.168, initial.RecentActivity);
    }

    [Fact]
    public void Load_Transition2021_MapsCalendarsAttentionAndExogenous()
    {
        Assert.Equal([0, 0, 0.5, 0, 0, 0, 0, 0.5, 0, 0, 0, 0], Spec.ExerciseCalendar.ToArray());
        Assert.Equal(0.3, Spec.BaseAttention, 12);

        var exogenous = Spec.Exogenous;
        Assert.True(exogenous.BorderClosedAtStart);
        Assert.Equal(new LogNormalDistribution(12, 0.6, 1, 60), exogenous.BorderClosureRemaining);
        Assert.Equal(0.7, exogenous.AidBlockedWhenClosed);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0.08, 0.08, 0.08, 0, 0, 0], exogenous.DisasterProbabilityByMonth.ToArray());
    }

    [Fact]
    public void Load_Transition2021_MapsParametersInCatalogOrder()
    {
        var parameters = Spec.Parameters;
        Assert.Equal(ParameterCatalog.All.Length, parameters.Count);
        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), parameters.Specs.Select(p => p.Name));
        for (var i = 0; i < parameters.Count; i++)
        {
            Assert.Equal(ParameterCatalog.All[i].Min, parameters.Specs[i].Lower);
            Assert.Equal(ParameterCatalog.All[i].Max, parameters.Specs[i].Upper);
            Assert.Equal(parameters.Specs[i].Sd * parameters.Specs[i].Sd, parameters.Covariance[i, i], 15);
        }
        var alpha1 = parameters.Specs[parameters.IndexOf("ladder.alpha.1")];
        Assert.Equal(-0.66, alpha1.Mean);
        Assert.Equal(0.3, alpha1.Sd);
        Assert.StartsWith("data: data/monthly_series.csv", alpha1.Rationale, StringComparison.Ordinal);
        Assert.Equal(0, parameters.Covariance[0, 1]);
    }

    [Fact]
    public void Load_Transition2021_MapsPoliciesInDeclarationOrder()
    {
        Assert.Equal(["principled-diplomacy", "denuclearization-first", "strategic-patience", "maximum-pressure", "top-down-summitry"], Spec.Policies.Select(p => p.Id));

        var principled = Spec.Policy("principled-diplomacy")!;
        var message = Assert.IsType<MessageLever>(principled.Message);
        Assert.Equal(1, message.StartOffset);
        Assert.True(message.Conditional);
        Assert.Equal([new Channel("new-york", 0.3, false), new Channel("via-seoul", 0.3, true), new Channel("third-country", 0.1, false)], message.Channels.ToArray());
        Assert.Equal(new AidLever(1, 0.5), principled.Aid);
        Assert.Equal(TalksFormat.BottomUp, principled.Format);
        Assert.Equal(new ExerciseLever(0.7, false), principled.Exercises);
        Assert.Equal(["singapore"], principled.Honors.ToArray());
        Assert.Equal(40, principled.Demand);
        Assert.Equal(5, principled.HoldThreshold);

        var patience = Spec.Policy("strategic-patience")!;
        Assert.Null(patience.Message);
        Assert.Null(patience.Aid);
        Assert.Equal(TalksFormat.None, patience.Format);
        Assert.Empty(patience.Honors);
        Assert.Equal(-0.1, patience.AttentionBoost);

        var summitry = Spec.Policy("top-down-summitry")!;
        Assert.Equal(TalksFormat.TopDown, summitry.Format);
        Assert.True(summitry.Exercises.SuspendDuringTalks);
        Assert.Null(summitry.Aid);
        Assert.Equal(["leader-letters", "new-york"], summitry.Message!.Channels.Select(c => c.Id));
    }

    [Fact]
    public void Load_Transition2021_TextConcatenatesTheChainAndHashesIt()
    {
        var result = Transition.Value;
        var expected = "# file: base.yaml\n" + File.ReadAllText(Repo.Scenario("base.yaml")).Replace("\r\n", "\n")
            + "# file: transition-2021.yaml\n" + File.ReadAllText(Repo.Scenario("transition-2021.yaml")).Replace("\r\n", "\n");
        Assert.Equal(expected, result.Text);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected))), result.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", result.Sha256);
    }

    [Fact]
    public void Load_Transition2021_CollectsRationalesIncludingInherited()
    {
        var rationales = Transition.Value.Rationales;
        Assert.StartsWith("assumption: launch months cluster", rationales["parameters.ladder.persist"], StringComparison.Ordinal);
        Assert.StartsWith("data: data/monthly_series.csv", rationales["parameters.ladder.alpha.1"], StringComparison.Ordinal);
        Assert.StartsWith("assumption: the New York channel", rationales["channels.new-york"], StringComparison.Ordinal);
        Assert.StartsWith("data/weapons_pipeline.csv", rationales["initial.pipeline"], StringComparison.Ordinal);
        Assert.StartsWith("assumption: the closure", rationales["exogenous.border_closure"], StringComparison.Ordinal);
        Assert.StartsWith("public record: major floods", rationales["exogenous.disasters"], StringComparison.Ordinal);
        Assert.StartsWith("assumption: polls", rationales["administrations.ROK.successor"], StringComparison.Ordinal);
        Assert.StartsWith("seed article", rationales["attention"], StringComparison.Ordinal);
        Assert.StartsWith("data/exercises.csv", rationales["exercises"], StringComparison.Ordinal);
        Assert.Equal(ParameterCatalog.All.Length, rationales.Keys.Count(k => k.StartsWith("parameters.", StringComparison.Ordinal)));
    }

    [Fact]
    public void Load_SameFileTwice_GivesTheSameHash()
    {
        var again = ScenarioLoader.Load(Repo.Scenario("transition-2021.yaml"));
        Assert.Equal(Transition.Value.Sha256, again.Sha256);
    }
}
