namespace Peninsula.Storage.Tests;

public abstract partial class RunStoreContract<TDatabase>
{
    [StoreFact]
    public void EnsureRun_ReadOnlyStore_ThrowsStorageExceptionNamingDatabase()
    {
        Database.OpenStore().Dispose();
        using var store = Database.OpenStore(StoreAccess.ReadOnly);

        var error = Assert.Throws<StorageException>(() => store.EnsureRun(Manifests.Sample()));

        Assert.Equal(Database.Display, error.DatabasePath);
        Assert.Contains(Database.Display, error.Message, StringComparison.Ordinal);
        Assert.Contains("recording run run-a", error.Message, StringComparison.Ordinal);
        Assert.Contains(ReadOnlyWording, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        Assert.IsType(ProviderExceptionType, error.InnerException, exactMatch: false);
    }

    [StoreFact]
    public void SaveBatch_ReadOnlyStore_ThrowsStorageException()
    {
        using (var writer = Database.OpenStore())
            writer.EnsureRun(Manifests.Sample());
        using var store = Database.OpenStore(StoreAccess.ReadOnly);

        Assert.Throws<StorageException>(() => store.SaveBatch("run-a", 0, [1]));
        Assert.Throws<StorageException>(() => store.CompleteRun("run-a", "{}"));
        Assert.Empty(store.CommittedBatches("run-a"));
    }

    [StoreFact]
    public void FindRun_ReadOnlyStore_ReadsStoredData()
    {
        using (var writer = Database.OpenStore())
        {
            writer.EnsureRun(Manifests.Sample());
            writer.SaveBatch("run-a", 2, [9]);
        }

        using var store = Database.OpenStore(StoreAccess.ReadOnly);

        Assert.Equal(Manifests.Sample(), store.FindRun("run-a"));
        Assert.Equal([9], store.LoadBatch("run-a", 2));
        Assert.Equal(StoreAccess.ReadOnly, AccessOf(store));
    }
}
