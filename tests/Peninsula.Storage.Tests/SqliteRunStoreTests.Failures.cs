namespace Peninsula.Storage.Tests;

public sealed partial class SqliteRunStoreTests
{
    [Fact]
    public void EnsureRun_ReadOnlyStore_ThrowsStorageExceptionNamingFile()
    {
        _database.OpenStore().Dispose();
        using var store = _database.OpenStore(StoreAccess.ReadOnly);

        var error = Assert.Throws<StorageException>(() => store.EnsureRun(Manifests.Sample()));

        Assert.Equal(_database.Path, error.DatabasePath);
        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("recording run run-a", error.Message, StringComparison.Ordinal);
        Assert.Contains("readonly", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
    }

    [Fact]
    public void SaveBatch_ReadOnlyStore_ThrowsStorageException()
    {
        using (var writer = _database.OpenStore())
            writer.EnsureRun(Manifests.Sample());
        using var store = _database.OpenStore(StoreAccess.ReadOnly);

        Assert.Throws<StorageException>(() => store.SaveBatch("run-a", 0, [1]));
        Assert.Throws<StorageException>(() => store.CompleteRun("run-a", "{}"));
    }

    [Fact]
    public void FindRun_ReadOnlyStore_ReadsStoredData()
    {
        using (var writer = _database.OpenStore())
        {
            writer.EnsureRun(Manifests.Sample());
            writer.SaveBatch("run-a", 2, [9]);
        }

        using var store = _database.OpenStore(StoreAccess.ReadOnly);

        Assert.Equal(Manifests.Sample(), store.FindRun("run-a"));
        Assert.Equal([9], store.LoadBatch("run-a", 2));
        Assert.Equal(StoreAccess.ReadOnly, store.Access);
    }

    [Fact]
    public void Constructor_ReadOnlyMissingFile_ThrowsStorageException()
    {
        var error = Assert.Throws<StorageException>(() => _database.OpenStore(StoreAccess.ReadOnly));

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_database.Path));
    }

    [Fact]
    public void Constructor_FileIsNotADatabase_ThrowsStorageException()
    {
        File.WriteAllText(_database.Path, "this is not an SQLite database, just some text that is long enough to be read as a header");

        var error = Assert.Throws<StorageException>(() => _database.OpenStore());

        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
    }
}
