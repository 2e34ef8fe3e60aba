using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Peninsula.Storage;

/// <summary>
/// One open SQLite file shared by the stores (see <see cref="StoreSession"/>): one connection for the
/// session's life, SQLite failures wrapped as <see cref="StorageException"/> naming the file.
/// </summary>
internal sealed class SqliteSession : StoreSession
{
    private readonly SqliteConnection _connection;

    /// <summary>Opens <paramref name="databasePath"/>; <paramref name="owner"/> names the store in disposal errors.</summary>
    public SqliteSession(string databasePath, StoreAccess access, Type owner)
        : base(RequirePath(databasePath), access, owner)
    {
        _connection = SqliteDatabase.Open(databasePath, access);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => Target;

    /// <inheritdoc />
    protected override DbConnection Connection => _connection;

    /// <summary>Compiles the statement once; SQLite then only rebinds parameters on each run.</summary>
    public override void PrepareForReuse(DbCommand command) => command.Prepare();

    /// <inheritdoc />
    protected override bool IsProviderFailure(Exception exception) => exception is SqliteException;

    /// <inheritdoc />
    protected override ProviderFailure Explain(Exception exception) => SqliteDatabase.Explain((SqliteException)exception);

    /// <inheritdoc />
    protected override void Close() => _connection.Dispose();

    private static string RequirePath(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return databasePath;
    }
}
