namespace Peninsula.Storage.Tests;

public sealed class ManifestDifferenceTests
{
    [Fact]
    public void Fields_EqualManifests_ReturnsEmpty()
    {
        Assert.Empty(ManifestDifference.Fields(Manifests.Sample(), Manifests.Sample()));
    }

    [Fact]
    public void Fields_OnlyCommandLineDiffers_ReturnsEmpty()
    {
        var other = Manifests.Sample() with { CommandLine = "different" };

        Assert.Empty(ManifestDifference.Fields(Manifests.Sample(), other));
    }

    [Fact]
    public void Fields_OtherVerbOrCommandLine_SameRun()
    {
        var other = Manifests.Sample() with { Kind = "compare", CommandLine = "peninsula compare x.yaml" };

        Assert.Empty(ManifestDifference.Fields(Manifests.Sample(), other));
    }

    [Fact]
    public void Fields_SeveralDiffer_ListsThemInDeclarationOrder()
    {
        var other = Manifests.Sample() with { Seed = 1, Kind = "sweep", Months = 1 };

        Assert.Equal(["Seed", "Months"], ManifestDifference.Fields(Manifests.Sample(), other));
    }
}
