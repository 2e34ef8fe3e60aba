using System.Data.Common;

namespace Peninsula.Storage;

/// <summary>
/// One open database shared by a store's operations, whatever the provider: a gate serialising calls from
/// several threads, commands, reads and transactional writes with the provider's failures turned into
/// <see cref="StorageException"/> naming <see cref="Target"/>, and disposal. Subclasses own the connection.
/// </summary>
internal abstract class StoreSession : IDisposable
{
    private readonly Type _owner;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>Records what the session opened; <paramref name="owner"/> names the store in disposal errors.</summary>
    /// <param name="target">What error messages name: a file path, or a PostgreSQL connection string without secrets.</param>
    /// <param name="access">How the database was opened.</param>
    /// <param name="owner">The type of the store using this session.</param>
    protected StoreSession(string target, StoreAccess access, Type owner)
    {
        Target = target;
        Access = access;
        _owner = owner;
    }

    /// <summary>What error messages name: the SQLite file, or the PostgreSQL connection string without secrets.</summary>
    public string Target { get; }

    /// <summary>How the database was opened.</summary>
    public StoreAccess Access { get; }

    /// <summary>The open connection.</summary>
    protected abstract DbConnection Connection { get; }

    /// <summary>A command on the connection, in <paramref name="transaction"/> when given.</summary>
    public DbCommand Command(string sql, DbTransaction? transaction)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Prepares a command that will run many times with different parameter values, where the provider gains by it.</summary>
    public virtual void PrepareForReuse(DbCommand command)
    {
    }

    /// <summary>Runs <paramref name="body"/> under the gate; provider failures become <see cref="StorageException"/> naming <paramref name="operation"/>.</summary>
    public T Read<T>(string operation, Func<T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            try
            {
                BeginOperation();
                return body();
            }
            catch (Exception ex) when (IsProviderFailure(ex))
            {
                throw Explain(ex).ToException(Target, operation, ex);
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> in one transaction, committed when it returns.</summary>
    public T Write<T>(string operation, Func<DbTransaction, T> body) => Read(operation, () =>
    {
        using var transaction = Connection.BeginTransaction();
        var result = body(transaction);
        transaction.Commit();
        return result;
    });

    /// <summary>Runs <paramref name="body"/> in one transaction, committed when it returns.</summary>
    public void Write(string operation, Action<DbTransaction> body) => Write(operation, transaction =>
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
            Close();
        }
    }

    /// <summary>Runs under the gate before each operation, e.g. to replace a broken connection.</summary>
    protected virtual void BeginOperation()
    {
    }

    /// <summary>True for the provider's own failures (wrapped); anything else propagates unchanged.</summary>
    protected abstract bool IsProviderFailure(Exception exception);

    /// <summary>What a provider failure means (disk full, read-only, other) and the detail a <see cref="StorageException"/> shows.</summary>
    protected abstract ProviderFailure Explain(Exception exception);

    /// <summary>Releases the connection; called once, under the gate.</summary>
    protected abstract void Close();
}
