using System.Data;
using System.Data.Common;
using Npgsql;

namespace Peninsula.Storage;

/// <summary>
/// One PostgreSQL database shared by a store's operations (see <see cref="StoreSession"/>): one connection at a
/// time, reopened at the start of the next operation if the server dropped it; Npgsql failures wrapped as
/// <see cref="StorageException"/> naming the connection string without secrets.
/// </summary>
internal sealed class PostgresSession : StoreSession
{
    private readonly PostgresTarget _target;
    private readonly NpgsqlDataSource _dataSource;
    private NpgsqlConnection _connection;

    /// <summary>Connects and prepares the schema; <paramref name="owner"/> names the store in disposal errors.</summary>
    /// <exception cref="StorageException">The server could not be reached or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The schema version does not fit this build.</exception>
    public PostgresSession(PostgresTarget target, StoreAccess access, Type owner)
        : base(target.Display, access, owner)
    {
        _target = target;
        (_dataSource, _connection) = PostgresDatabase.Open(target, access);
    }

    /// <summary>Parses <paramref name="connectionString"/> (see <see cref="PostgresTarget"/>), connects and prepares the schema.</summary>
    /// <exception cref="StorageException">The connection string is malformed, the server could not be reached, or the schema could not be prepared.</exception>
    /// <exception cref="InvalidOperationException">The schema version does not fit this build.</exception>
    public static PostgresSession Open(string connectionString, StoreAccess access, Type owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PostgresSession(PostgresTarget.Parse(connectionString), access, owner);
    }

    /// <inheritdoc />
    protected override DbConnection Connection => _connection;

    /// <summary>Replaces a connection the server or network broke, so one failure does not end the store.</summary>
    protected override void BeginOperation()
    {
        var state = _connection.FullState;
        if ((state & ConnectionState.Open) != 0 && (state & ConnectionState.Broken) == 0)
            return;
        _connection.Dispose();
        _connection = PostgresDatabase.Connect(_dataSource, _target);
    }

    /// <inheritdoc />
    protected override bool IsProviderFailure(Exception exception) => exception is NpgsqlException;

    /// <inheritdoc />
    protected override ProviderFailure Explain(Exception exception) => PostgresDatabase.Explain(exception);

    /// <inheritdoc />
    protected override void Close()
    {
        _connection.Dispose();
        _dataSource.Dispose();
    }
}
