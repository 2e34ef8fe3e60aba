namespace Peninsula.Storage.Tests;

public abstract partial class RunStoreContract<TDatabase>
{
    [StoreFact]
    public void Constructor_NewFile_RecordsLatestSchemaVersion()
    {
        using var store = Database.OpenStore();

        Assert.Equal((long)SchemaMigrations.Latest, Database.Scalar("SELECT MAX(version) FROM schema_version"));
        Assert.Equal((long)SchemaMigrations.All.Count, Database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [StoreFact]
    public void Constructor_ReopenCurrentFile_AddsNoVersionRows()
    {
        Database.OpenStore().Dispose();

        using var reopened = Database.OpenStore();

        Assert.Equal((long)SchemaMigrations.All.Count, Database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [StoreTheory]
    [InlineData(StoreAccess.ReadWrite)]
    [InlineData(StoreAccess.ReadOnly)]
    public void Constructor_SchemaNewerThanCode_ThrowsInvalidOperation(StoreAccess access)
    {
        Database.OpenStore().Dispose();
        var tooNew = SchemaMigrations.Latest + 1;
        Database.Execute($"INSERT INTO schema_version (version) VALUES ({tooNew})");

        var error = Assert.Throws<InvalidOperationException>(() => Database.OpenStore(access));

        Assert.Contains($"schema version {tooNew}", error.Message, StringComparison.Ordinal);
        Assert.Contains(Database.Display, error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Constructor_ReadOnlyOnFileWithoutSchema_ThrowsInvalidOperation()
    {
        Database.Execute("CREATE TABLE unrelated (x INTEGER)");

        var error = Assert.Throws<InvalidOperationException>(() => Database.OpenStore(StoreAccess.ReadOnly));

        Assert.Contains("schema version 0", error.Message, StringComparison.Ordinal);
    }
}
