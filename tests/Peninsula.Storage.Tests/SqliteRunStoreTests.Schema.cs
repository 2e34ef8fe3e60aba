namespace Peninsula.Storage.Tests;

public sealed partial class SqliteRunStoreTests
{
    [Fact]
    public void Constructor_NewFile_RecordsLatestSchemaVersion()
    {
        using var store = _database.OpenStore();

        Assert.Equal((long)SchemaMigrations.Latest, _database.Scalar("SELECT MAX(version) FROM schema_version"));
        Assert.Equal((long)SchemaMigrations.All.Count, _database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void Constructor_ReopenCurrentFile_AddsNoVersionRows()
    {
        _database.OpenStore().Dispose();

        using var reopened = _database.OpenStore();

        Assert.Equal((long)SchemaMigrations.All.Count, _database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [Theory]
    [InlineData(StoreAccess.ReadWrite)]
    [InlineData(StoreAccess.ReadOnly)]
    public void Constructor_SchemaNewerThanCode_ThrowsInvalidOperation(StoreAccess access)
    {
        _database.OpenStore().Dispose();
        var tooNew = SchemaMigrations.Latest + 1;
        _database.Execute($"INSERT INTO schema_version (version) VALUES ({tooNew})");

        var error = Assert.Throws<InvalidOperationException>(() => _database.OpenStore(access));

        Assert.Contains($"schema version {tooNew}", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ReadOnlyOnFileWithoutSchema_ThrowsInvalidOperation()
    {
        _database.Execute("CREATE TABLE unrelated (x INTEGER)");

        var error = Assert.Throws<InvalidOperationException>(() => _database.OpenStore(StoreAccess.ReadOnly));

        Assert.Contains("schema version 0", error.Message, StringComparison.Ordinal);
    }
}
