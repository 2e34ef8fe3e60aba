namespace Peninsula.Storage.Tests;

public sealed class SchemaMigratorTests : IDisposable
{
    private static readonly SchemaMigration First = new(1, "first", ["CREATE TABLE first_table (x INTEGER NOT NULL)"]);
    private static readonly SchemaMigration Second = new(2, "second", ["CREATE TABLE second_table (y TEXT NOT NULL)"]);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Migrate_FreshDatabase_AppliesAllAndRecordsEachVersion()
    {
        using var connection = _database.OpenRaw();

        var version = SchemaMigrator.Migrate(connection, [First, Second], _database.Path);

        Assert.Equal(2, version);
        Assert.Equal(2L, _database.Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM second_table"));
    }

    [Fact]
    public void Migrate_OlderDatabase_AppliesOnlyMissingAndKeepsData()
    {
        using var connection = _database.OpenRaw();
        SchemaMigrator.Migrate(connection, [First], _database.Path);
        _database.Execute("INSERT INTO first_table (x) VALUES (7)");

        // Re-running First would fail: its CREATE TABLE has no IF NOT EXISTS.
        var version = SchemaMigrator.Migrate(connection, [First, Second], _database.Path);

        Assert.Equal(2, version);
        Assert.Equal(7L, _database.Scalar("SELECT x FROM first_table"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM second_table"));
    }

    [Fact]
    public void Migrate_CurrentDatabase_ChangesNothing()
    {
        using var connection = _database.OpenRaw();
        SchemaMigrator.Migrate(connection, [First, Second], _database.Path);

        var version = SchemaMigrator.Migrate(connection, [First, Second], _database.Path);

        Assert.Equal(2, version);
        Assert.Equal(2L, _database.Scalar("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public void Migrate_NewerDatabase_ThrowsWithoutChanges()
    {
        using var connection = _database.OpenRaw();
        SchemaMigrator.Migrate(connection, [First, Second], _database.Path);

        var error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection, [First], _database.Path));

        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_FailingStep_RollsBackThatStepOnly()
    {
        var broken = new SchemaMigration(2, "broken", ["CREATE TABLE half_done (z INTEGER)", "THIS IS NOT SQL"]);
        using var connection = _database.OpenRaw();

        Assert.ThrowsAny<Exception>(() => SchemaMigrator.Migrate(connection, [First, broken], _database.Path));

        Assert.Equal(1L, _database.Scalar("SELECT MAX(version) FROM schema_version"));
        Assert.Equal(0L, _database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'"));
    }

    [Fact]
    public void Migrate_GapInVersions_ThrowsInvalidOperation()
    {
        using var connection = _database.OpenRaw();
        var third = Second with { Version = 3 };

        Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection, [First, third], _database.Path));
    }

    [Fact]
    public void RequireLatest_OlderVersion_ThrowsSuggestingReadWrite()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.RequireLatest(1, [First, Second], "x.db"));

        Assert.Contains("read-write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireLatest_CurrentVersion_DoesNotThrow()
    {
        SchemaMigrator.RequireLatest(2, [First, Second], "x.db");
    }

    [Fact]
    public void All_ProductionMigrations_AreNumberedFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }
}
