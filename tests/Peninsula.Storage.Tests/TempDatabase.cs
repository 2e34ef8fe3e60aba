using Microsoft.Data.Sqlite;

namespace Peninsula.Storage.Tests;

/// <summary>A uniquely named SQLite file under the temp folder, deleted with its WAL side files on dispose.</summary>
public sealed class TempDatabase : TestDatabase
{
    private static readonly string[] SideFileSuffixes = ["", "-wal", "-shm", "-journal"];

    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"peninsula-storage-{Guid.NewGuid():N}.db");

    public override string Target => Path;

    public override SqliteRunStore OpenStore(StoreAccess access = StoreAccess.ReadWrite) => new(Path, access);

    public override SqliteEventBase OpenEventBase(StoreAccess access = StoreAccess.ReadWrite) => new(Path, access);

    /// <summary>A plain, unpooled connection for inspecting or tampering with the file behind the store's back.</summary>
    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public override object? Scalar(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Widen(command.ExecuteScalar());
    }

    public override void Execute(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public bool SideFileExists(string suffix) => File.Exists(Path + suffix);

    protected override void Drop()
    {
        foreach (var suffix in SideFileSuffixes)
            File.Delete(Path + suffix);
    }
}
