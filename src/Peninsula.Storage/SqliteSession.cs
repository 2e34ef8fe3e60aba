using Microsoft.Data.Sqlite;

namespace Peninsula.Storage;

/// <summary>
/// One open SQLite file shared by the stores: the connection, a gate serialising calls from several threads,
/// commands, reads and transactional writes with provider failures turned into <see cref="StorageException"/>,
/// and disposal.
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly object _owner;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Opens <paramref name="databasePath"/>; <paramref name="owner"/> names the object in disposal errors.</summary>
    public SqliteSession(string databasePath, StoreAccess access, object owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = databasePath;
        Access = access;
        _owner = owner;
        _connection = SqliteDatabase.Open(databasePath, access);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath { get; }

    /// <summary>How the file was opened.</summary>
    public StoreAccess Access { get; }

    /// <summary>A command on the connection, in <paramref name="transaction"/> when given.</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Runs <paramref name="body"/> under the gate; SQLite failures become <see cref="StorageException"/> naming <paramref name="operation"/>.</summary>
    public T Read<T>(string operation, Func<T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            try
            {
                return body();
            }
            catch (SqliteException ex)
            {
                throw new StorageException(DatabasePath, operation, ex.Message, ex);
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> in one transaction, committed when it returns.</summary>
    public T Write<T>(string operation, Func<SqliteTransaction, T> body) => Read(operation, () =>
    {
        using var transaction = _connection.BeginTransaction();
        var result = body(transaction);
        transaction.Commit();
        return result;
    });

    /// <summary>Runs <paramref name="body"/> in one transaction, committed when it returns.</summary>
    public void Write(string operation, Action<SqliteTransaction> body) => Write(operation, transaction =>
    {
        body(transaction);
        return true;
    });

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _connection.Dispose();
        }
    }
}
