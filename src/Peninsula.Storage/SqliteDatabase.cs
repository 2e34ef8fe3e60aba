using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Peninsula.Storage;

/// <summary>Opens and prepares a SQLite connection: durability settings, then schema migration or check.</summary>
internal static class SqliteDatabase
{
    /// <summary>SQLite's primary result codes that have a <see cref="StorageFailure"/> of their own (extended codes carry them in the low byte).</summary>
    private const int SqliteReadOnly = 8;

    private const int SqliteFull = 13;

    /// <summary>
    /// Opens <paramref name="databasePath"/> unpooled (so disposing releases the file). Read-write access
    /// creates the file, switches it to WAL and applies missing migrations; read-only access only checks
    /// that the schema is current. <see cref="RunStores.SqliteMaxPagesVariable"/>, when set, caps the file's
    /// size for this connection before anything is written.
    /// </summary>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The schema version does not fit this build.</exception>
    public static SqliteConnection Open(string databasePath, StoreAccess access)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = access == StoreAccess.ReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            LimitSize(connection, databasePath);
            Prepare(connection, databasePath, access);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Explain(ex).ToException(databasePath, "opening the database", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>What a SQLite failure means: <c>SQLITE_FULL</c> (13) and <c>SQLITE_READONLY</c> (8, with its extended codes) have their own kind.</summary>
    public static ProviderFailure Explain(SqliteException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kind = (exception.SqliteErrorCode & 0xFF) switch
        {
            SqliteFull => StorageFailure.DatabaseFull,
            SqliteReadOnly => StorageFailure.ReadOnly,
            _ => StorageFailure.Other,
        };
        // "SQLite Error 13: 'database or disk is full'." reads better inside the explanation's parentheses without its full stop.
        return ProviderFailure.Of(kind, kind == StorageFailure.Other ? exception.Message : exception.Message.TrimEnd('.'));
    }

    /// <summary>
    /// Applies <see cref="RunStores.SqliteMaxPagesVariable"/>: <c>PRAGMA max_page_count</c> holds for one connection
    /// only, so it is set on every connection this process opens. SQLite never lowers the cap below the file's
    /// current size, so 1 means "no growth at all".
    /// </summary>
    private static void LimitSize(SqliteConnection connection, string databasePath)
    {
        var value = Environment.GetEnvironmentVariable(RunStores.SqliteMaxPagesVariable);
        if (string.IsNullOrWhiteSpace(value))
            return;
        if (!long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages) || pages < 1)
        {
            throw new StorageException(databasePath, "opening the database",
                $"{RunStores.SqliteMaxPagesVariable} must be a whole number of pages, at least 1 (got '{value}')");
        }
        Pragma(connection, "PRAGMA max_page_count = " + pages.ToString(CultureInfo.InvariantCulture));
    }

    private static void Prepare(SqliteConnection connection, string databasePath, StoreAccess access)
    {
        if (access == StoreAccess.ReadWrite)
        {
            // WAL is persistent in the file; a read-only connection cannot change it and need not.
            var mode = Pragma(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new StorageException(databasePath, "enabling WAL journal mode", $"SQLite kept journal mode '{mode}'");
        }

        // FULL syncs the WAL on every commit, so a committed batch survives a kill or power loss.
        Pragma(connection, "PRAGMA synchronous = FULL");
        Pragma(connection, "PRAGMA foreign_keys = ON");

        if (access == StoreAccess.ReadWrite)
            SchemaMigrator.Migrate(connection, SchemaMigrations.All, databasePath);
        else
            SchemaMigrator.RequireLatest(ReadOnlyVersion(connection), SchemaMigrations.All, databasePath);
    }

    private static int ReadOnlyVersion(SqliteConnection connection)
    {
        var tables = Pragma(connection, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
        return tables == "0" ? 0 : SchemaMigrator.ReadVersion(connection, null);
    }

    private static string? Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
