using Npgsql;

namespace Peninsula.Storage;

/// <summary>Opens and prepares a PostgreSQL connection: read-only sessions, then schema migration under a lock, or a check.</summary>
internal static class PostgresDatabase
{
    /// <summary>Taken (per schema) while migrating, so two processes opening a fresh database cannot both apply a step.</summary>
    private const string MigrationLockKey = "hashtext('peninsula schema ' || COALESCE(current_schema(), ''))";

    /// <summary>
    /// Connects to <paramref name="target"/> (unpooled: disposing the connection closes it). Read-write access
    /// applies missing migrations to the first schema of the search path; read-only access makes every
    /// transaction of the session read-only and only checks that the schema is current.
    /// </summary>
    /// <returns>The data source (used to reconnect) and the open connection; the caller disposes both.</returns>
    /// <exception cref="StorageException">The server could not be reached, refused the login, or failed preparing the schema.</exception>
    /// <exception cref="InvalidOperationException">The schema version does not fit this build.</exception>
    public static (NpgsqlDataSource DataSource, NpgsqlConnection Connection) Open(PostgresTarget target, StoreAccess access)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Pooling = false };
        if (access == StoreAccess.ReadOnly)
            builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();

        // The full builder: TLS, every authentication method, and BIGINT columns read as int (the slim builder
        // infers string parameters as bit strings once its extra conversions are on). It raises no trimming or
        // AOT warnings, so the natively compiled bargain binary may link it.
        var dataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
        NpgsqlConnection? connection = null;
        try
        {
            connection = Connect(dataSource, target);
            Prepare(connection, target, access);
            return (dataSource, connection);
        }
        catch
        {
            connection?.Dispose();
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Opens a connection of <paramref name="dataSource"/>; failures become a one-line <see cref="StorageException"/>.</summary>
    public static NpgsqlConnection Connect(NpgsqlDataSource dataSource, PostgresTarget target)
    {
        try
        {
            return dataSource.OpenConnection();
        }
        catch (NpgsqlException ex)
        {
            throw Explain(ex).ToException(target.Display, "connecting to the server", ex);
        }
    }

    /// <summary>
    /// What a provider failure means: SQLSTATE <c>53100</c> (disk_full) and <c>25006</c> (read_only_sql_transaction:
    /// a read-only session or a hot standby) have their own kind. The detail keeps the message and its causes, without passwords.
    /// </summary>
    public static ProviderFailure Explain(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var state = Causes(exception).OfType<PostgresException>().FirstOrDefault()?.SqlState;
        var kind = state switch
        {
            PostgresErrorCodes.DiskFull => StorageFailure.DatabaseFull,
            PostgresErrorCodes.ReadOnlySqlTransaction => StorageFailure.ReadOnly,
            _ => StorageFailure.Other,
        };
        return ProviderFailure.Of(kind, Describe(exception));
    }

    /// <summary>The message of a provider failure and its causes, without passwords.</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        foreach (var e in Causes(exception))
        {
            if (parts.Count == 4)
                break;
            if (!parts.Exists(p => p.Contains(e.Message, StringComparison.Ordinal)))
                parts.Add(e.Message);
        }
        return PostgresTarget.Redact(string.Join(": ", parts));
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            yield return e;
    }

    private static void Prepare(NpgsqlConnection connection, PostgresTarget target, StoreAccess access)
    {
        try
        {
            if (access == StoreAccess.ReadWrite)
            {
                Execute(connection, $"SELECT pg_advisory_lock({MigrationLockKey})");
                SchemaMigrator.Migrate(connection, PostgresDialect.Migrations, target.Display);
                Execute(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})");
            }
            else
            {
                SchemaMigrator.RequireLatest(ReadOnlyVersion(connection), PostgresDialect.Migrations, target.Display);
            }
        }
        catch (NpgsqlException ex)
        {
            // A failed migration leaves the lock to the session, which the caller ends by disposing the connection.
            throw Explain(ex).ToException(target.Display, "preparing the schema", ex);
        }
    }

    private static int ReadOnlyVersion(NpgsqlConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT to_regclass('schema_version') IS NOT NULL";
        return command.ExecuteScalar() is true ? SchemaMigrator.ReadVersion(connection, null) : 0;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
