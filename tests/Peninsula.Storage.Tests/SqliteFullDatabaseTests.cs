using System.Text;

namespace Peninsula.Storage.Tests;

/// <summary>
/// A SQLite database that cannot grow (a full disk, simulated with <see cref="RunStores.SqliteMaxPagesVariable"/>,
/// which sets <c>PRAGMA max_page_count</c>, because tests run as root and file permissions stop nothing): the write
/// fails with a one-line <see cref="StorageFailure.DatabaseFull"/> error naming the file, and everything committed
/// before is kept, intact and unchanged.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class SqliteFullDatabaseTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void SaveBatch_DatabaseCannotGrow_ThrowsDatabaseFull_AndKeepsEverythingCommitted()
    {
        StoreFinishedRun();
        using (var store = _database.OpenStore())
            store.EnsureRun(Manifests.Sample("run-b"));
        var before = Contents();

        StorageException error;
        using (ProcessEnvironment.Set(RunStores.SqliteMaxPagesVariable, "1"))
        using (var store = _database.OpenStore())
        {
            // 64 KiB needs overflow pages, which a database capped at its current size does not have.
            error = Assert.Throws<StorageException>(() => store.SaveBatch("run-b", 0, new byte[64 * 1024]));

            // The store stays usable for what needs no room.
            Assert.Equal(Payload(1), store.LoadBatch("run-a", 1));
            Assert.Empty(store.CommittedBatches("run-b"));
        }

        Assert.Equal(StorageFailure.DatabaseFull, error.Failure);
        Assert.Equal(
            $"Storage error in '{_database.Path}': saving batch 0 of run run-b failed: the database is full (SQLite Error 13: 'database or disk is full'); " +
            "this write was rolled back, everything committed before it is kept",
            error.Message);
        Assert.IsType<Microsoft.Data.Sqlite.SqliteException>(error.InnerException);
        Assert.Equal("ok", _database.Scalar("PRAGMA integrity_check"));
        Assert.Equal(before, Contents());
    }

    [Fact]
    public void SaveBatch_CapLifted_StoresWhatFailedBefore()
    {
        StoreFinishedRun();
        using (ProcessEnvironment.Set(RunStores.SqliteMaxPagesVariable, "1"))
        using (var capped = _database.OpenStore())
            Assert.Throws<StorageException>(() => capped.SaveBatch("run-a", 7, new byte[64 * 1024]));

        using var store = _database.OpenStore();
        store.SaveBatch("run-a", 7, new byte[64 * 1024]);

        Assert.Equal([0, 1, 2, 7], store.CommittedBatches("run-a").Order());
    }

    [Fact]
    public void Constructor_NewFileCannotGrow_ThrowsDatabaseFullWhileOpening()
    {
        using var cap = ProcessEnvironment.Set(RunStores.SqliteMaxPagesVariable, "1");

        var error = Assert.Throws<StorageException>(() => _database.OpenStore());

        Assert.Equal(StorageFailure.DatabaseFull, error.Failure);
        Assert.StartsWith($"Storage error in '{_database.Path}': opening the database failed: the database is full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CapWithRoom_AllowsWritesUpToIt()
    {
        using var cap = ProcessEnvironment.Set(RunStores.SqliteMaxPagesVariable, "200");
        using var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());

        store.SaveBatch("run-a", 0, new byte[100 * 1024]);
        var error = Assert.Throws<StorageException>(() => store.SaveBatch("run-a", 1, new byte[1024 * 1024]));

        Assert.Equal(StorageFailure.DatabaseFull, error.Failure);
        Assert.Equal([0], store.CommittedBatches("run-a"));
        Assert.True((long)_database.Scalar("PRAGMA page_count")! <= 200);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public void Constructor_MalformedCap_ThrowsStorageExceptionNamingTheVariable(string value)
    {
        using var cap = ProcessEnvironment.Set(RunStores.SqliteMaxPagesVariable, value);

        var error = Assert.Throws<StorageException>(() => _database.OpenStore());

        Assert.Contains($"{RunStores.SqliteMaxPagesVariable} must be a whole number of pages, at least 1 (got '{value}')", error.Message, StringComparison.Ordinal);
    }

    private void StoreFinishedRun()
    {
        using var store = _database.OpenStore();
        store.EnsureRun(Manifests.Sample());
        for (var b = 0; b < 3; b++)
            store.SaveBatch("run-a", b, Payload(b));
        store.CompleteRun("run-a", "{\"done\":true}");
    }

    private static byte[] Payload(int batch) => Encoding.UTF8.GetBytes(new string((char)('a' + batch), 3000 + batch));

    /// <summary>Every row of the run tables as text, read on a connection of its own.</summary>
    private string Contents()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT run_id || '|' || seed || '|' || created_order || '|' || completed || '|' || COALESCE(forecast_json, '-') FROM runs " +
            "UNION ALL SELECT run_id || '|' || batch_index || '|' || hex(payload) FROM batches ORDER BY 1";
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
            text.Append(reader.GetString(0)).Append('\n');
        return text.ToString();
    }
}
