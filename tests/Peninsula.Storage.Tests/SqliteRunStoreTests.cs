namespace Peninsula.Storage.Tests;

/// <summary>
/// <see cref="SqliteRunStore"/>: the run-store contract (<see cref="RunStoreContract{TDatabase}"/>) and what is
/// particular to one SQLite file (WAL, integrity, files that are missing or not databases).
/// </summary>
public sealed class SqliteRunStoreTests : RunStoreContract<TempDatabase>
{
    protected override string ReadOnlyWording => "readonly";

    protected override Type ProviderExceptionType => typeof(Microsoft.Data.Sqlite.SqliteException);

    [Fact]
    public void Constructor_NewFile_UsesWalJournal()
    {
        using var store = Database.OpenStore();

        Assert.Equal("wal", Database.Scalar("PRAGMA journal_mode"));
    }

    [Fact]
    public void Dispose_AfterWrites_ReleasesFileAndCheckpointsWal()
    {
        var store = Database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        store.SaveBatch("run-a", 0, [1]);

        store.Dispose();

        // SQLite removes the WAL only when the last connection to the file closes.
        Assert.False(Database.SideFileExists("-wal"));
    }

    [Fact]
    public void IntegrityCheck_AfterWrites_ReturnsOk()
    {
        using (var store = Database.OpenStore())
        {
            for (var r = 0; r < 5; r++)
            {
                var runId = $"run-{r}";
                store.EnsureRun(Manifests.Sample(runId));
                for (var b = 0; b < 20; b++)
                    store.SaveBatch(runId, b, new byte[1000 + b]);
                store.CompleteRun(runId, "{}");
            }
        }

        Assert.Equal("ok", Database.Scalar("PRAGMA integrity_check"));
        Assert.Equal(0L, Database.Scalar("SELECT COUNT(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void Constructor_ReadOnlyMissingFile_ThrowsStorageException()
    {
        var error = Assert.Throws<StorageException>(() => Database.OpenStore(StoreAccess.ReadOnly));

        Assert.Contains(Database.Path, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database.Path));
    }

    [Fact]
    public void Constructor_FileIsNotADatabase_ThrowsStorageException()
    {
        File.WriteAllText(Database.Path, "this is not an SQLite database, just some text that is long enough to be read as a header");

        var error = Assert.Throws<StorageException>(() => Database.OpenStore());

        Assert.Contains(Database.Path, error.Message, StringComparison.Ordinal);
    }
}
