namespace Peninsula.Storage.Tests;

/// <summary>Tests of <see cref="SqliteRunStore"/>; split into partial files by concern.</summary>
public sealed partial class SqliteRunStoreTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();
}
