using Peninsula.Core;
using Peninsula.Engine.Model;
using Peninsula.Engine.Modules;
using Peninsula.Engine.Tests.Support;

namespace Peninsula.Engine.Tests;

public class TrustModuleTests
{
    /// <summary>One run with both trusts at <paramref name="trust"/>, nothing happening, level 0, no contact.</summary>
    private static ModuleHarness Quiet(double trust = 0.0)
    {
        var h = new ModuleHarness(TestSpecs.Transition2021);
        h.State.TrustChallenger[0] = trust;
        h.State.TrustPrincipal[0] = trust;
        h.State.Level[0] = 0;
        h.State.Phase[0] = Phase.None;
        return h;
    }

    [Fact]
    public void Apply_NothingHappens_BothTrustsDecayTowardZero()
    {
        var h = Quiet(0.4);

        h.Apply(new TrustModule());

        Assert.Equal(0.38, h.State.TrustChallenger[0], 1e-15);
        Assert.Equal(0.38, h.State.TrustPrincipal[0], 1e-15);
    }

    public static TheoryData<string, double> ChallengerSignals() => new()
    {
        { "message", 0.15 },
        { "aid", 0.03 * 0.5 },
        { "talks", 0.02 },
        { "summit", 0.15 + 0.02 }, // a summit month is also a month of talks
        { "exercise", -0.05 * 0.5 },
        { "sanctions", -0.05 * 2.0 },
    };

    [Theory]
    [MemberData(nameof(ChallengerSignals))]
    public void Apply_Signal_MovesChallengerTrustInDocumentedDirection(string signal, double change)
    {
        var h = Quiet();
        switch (signal)
        {
            case "message": h.State.Events[0] = MonthEvents.MessageDelivered; break;
            case "aid": h.Context.AidDelivered[0] = 0.5; break;
            case "talks": h.State.Phase[0] = Phase.Talks; break;
            case "summit": h.State.Phase[0] = Phase.Summit; h.State.Events[0] = MonthEvents.Summit; break;
            case "exercise": h.Context.Exercise[0] = 0.5; break;
            case "sanctions": h.Context.NewUnLayers[0] = 1.5; h.Context.NewUniLayers[0] = 0.5; break;
        }

        h.Apply(new TrustModule());

        Assert.Equal(change, h.State.TrustChallenger[0], 1e-15);
    }

    [Theory]
    [InlineData(0, Phase.None, 0.0)]
    [InlineData(2, Phase.None, 0.0)]
    [InlineData(3, Phase.None, -0.03)]
    [InlineData(6, Phase.Talks, -0.12)]
    [InlineData(2, Phase.Contact, 0.01)] // restraint in contact builds trust
    [InlineData(0, Phase.Implementation, 0.01)]
    [InlineData(0, Phase.Collapsed, 0.0)]
    public void Apply_LevelAndPhase_MovesPrincipalTrustInDocumentedDirection(int level, Phase phase, double change)
    {
        var h = Quiet();
        h.State.Level[0] = level;
        h.State.Phase[0] = phase;

        h.Apply(new TrustModule());

        Assert.Equal(change, h.State.TrustPrincipal[0], 1e-15);
    }

    [Fact]
    public void Apply_LargePositiveSignals_ClampedAtOne()
    {
        var h = Quiet(0.99);
        h.State.Events[0] = MonthEvents.MessageDelivered | MonthEvents.Summit;
        h.State.Phase[0] = Phase.Summit;
        h.Context.AidDelivered[0] = 1.0;
        h.State.Level[0] = 0;

        for (var t = 0; t < 50; t++)
        {
            h.Apply(new TrustModule());
            Assert.InRange(h.State.TrustChallenger[0], -1.0, 1.0);
        }

        Assert.Equal(1.0, h.State.TrustChallenger[0]);
    }

    [Fact]
    public void Apply_LargeNegativeSignals_ClampedAtMinusOne()
    {
        var h = Quiet(-0.99);
        h.Context.Exercise[0] = 1.2;
        h.Context.NewUnLayers[0] = 10;
        h.State.Level[0] = 6;

        h.Apply(new TrustModule());

        Assert.Equal(-1.0, h.State.TrustChallenger[0]);
        Assert.Equal(-1.0, h.State.TrustPrincipal[0]);
    }
}
