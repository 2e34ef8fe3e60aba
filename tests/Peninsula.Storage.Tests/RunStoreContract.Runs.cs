using CsCheck;

namespace Peninsula.Storage.Tests;

public abstract partial class RunStoreContract<TDatabase>
{
    [StoreFact]
    public void FindRun_AfterEnsureRun_ReturnsEqualManifest()
    {
        var manifest = Manifests.Sample();
        using var store = Database.OpenStore();

        store.EnsureRun(manifest);

        Assert.Equal(manifest, store.FindRun(manifest.RunId));
    }

    [StoreTheory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData((ulong)long.MaxValue)]
    [InlineData((ulong)long.MaxValue + 1)]
    [InlineData(ulong.MaxValue)]
    public void FindRun_SeedAtEdgeOfRange_RoundTrips(ulong seed)
    {
        var manifest = Manifests.Sample(seed: seed);
        using var store = Database.OpenStore();

        store.EnsureRun(manifest);

        Assert.Equal(seed, store.FindRun(manifest.RunId)!.Seed);
    }

    [StoreFact]
    public void FindRun_ArbitraryFields_RoundTrip()
    {
        using var store = Database.OpenStore();
        var counter = 0;
        var manifests = Gen.Select(Gen.ULong, Gen.Int, Gen.Int, Gen.Int, Gen.Int, Gen.String, Gen.String,
            (seed, runs, months, draws, batch, text, command) =>
                Manifests.Sample(runId: $"run-{Interlocked.Increment(ref counter)}", seed: seed) with
                {
                    Runs = runs, Months = months, ParameterDraws = draws, BatchSize = batch,
                    ScenarioText = text, CommandLine = command,
                });

        manifests.Sample(manifest =>
        {
            store.EnsureRun(manifest);
            Assert.Equal(manifest, store.FindRun(manifest.RunId));
        }, iter: 200, threads: 1);
    }

    [StoreFact]
    public void FindRun_UnknownRun_ReturnsNull()
    {
        using var store = Database.OpenStore();

        Assert.Null(store.FindRun("missing"));
    }

    [StoreFact]
    public void EnsureRun_SameManifestTwice_KeepsOneRun()
    {
        using var store = Database.OpenStore();

        store.EnsureRun(Manifests.Sample());
        store.EnsureRun(Manifests.Sample());

        Assert.Single(store.ListRuns());
    }

    [StoreFact]
    public void EnsureRun_OnlyCommandLineDiffers_AcceptsAndKeepsOriginal()
    {
        var original = Manifests.Sample();
        using var store = Database.OpenStore();
        store.EnsureRun(original);

        store.EnsureRun(original with { CommandLine = "peninsula resume run-a" });

        Assert.Equal(original.CommandLine, store.FindRun(original.RunId)!.CommandLine);
    }

    [StoreFact]
    public void EnsureRun_OnlyKindAndCommandLineDiffer_AcceptsAndKeepsOriginal()
    {
        // 'run' then 'compare' (or a sweep cell) with the same settings is the same simulation.
        var original = Manifests.Sample() with { Kind = "run" };
        using var store = Database.OpenStore();
        store.EnsureRun(original);

        store.EnsureRun(original with { Kind = "compare", CommandLine = "peninsula compare" });

        Assert.Equal(original, store.FindRun(original.RunId));
    }

    [StoreTheory]
    [MemberData(nameof(Manifests.Mismatched), MemberType = typeof(Manifests))]
    public void EnsureRun_FieldDiffers_ThrowsNamingFieldAndKeepsStored(RunManifest changed, string field)
    {
        var original = Manifests.Sample();
        using var store = Database.OpenStore();
        store.EnsureRun(original);

        var error = Assert.Throws<InvalidOperationException>(() => store.EnsureRun(changed));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Contains(original.RunId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(original, store.FindRun(original.RunId));
    }

    [StoreFact]
    public void ListRuns_SeveralRuns_NewestFirst()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample("b-first"));
        store.EnsureRun(Manifests.Sample("a-second"));
        store.EnsureRun(Manifests.Sample("c-third"));
        store.EnsureRun(Manifests.Sample("b-first"));

        var ids = store.ListRuns().Select(run => run.RunId);

        Assert.Equal(["c-third", "a-second", "b-first"], ids);
    }

    [StoreFact]
    public void ListRuns_EmptyDatabase_ReturnsEmpty()
    {
        using var store = Database.OpenStore();

        Assert.Empty(store.ListRuns());
    }

    [StoreFact]
    public void LoadForecast_AfterCompleteRun_ReturnsJson()
    {
        const string json = """{"p50":[1.5,2.25],"label":"ü"}""";
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.CompleteRun("run-a", json);

        Assert.Equal(json, store.LoadForecast("run-a"));
    }

    [StoreFact]
    public void LoadForecast_RunNotCompleted_ReturnsNull()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        Assert.Null(store.LoadForecast("run-a"));
        Assert.Null(store.LoadForecast("missing"));
    }

    [StoreFact]
    public void CompleteRun_Twice_KeepsLatestForecast()
    {
        using var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.CompleteRun("run-a", "{}");
        store.CompleteRun("run-a", "[]");

        Assert.Equal("[]", store.LoadForecast("run-a"));
    }

    [StoreFact]
    public void CompleteRun_UnknownRun_ThrowsInvalidOperation()
    {
        using var store = Database.OpenStore();

        var error = Assert.Throws<InvalidOperationException>(() => store.CompleteRun("missing", "{}"));

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }
}
