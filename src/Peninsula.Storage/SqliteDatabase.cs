using Microsoft.Data.Sqlite;

namespace Peninsula.Storage;

/// <summary>Opens and prepares a SQLite connection: durability settings, then schema migration or check.</summary>
internal static class SqliteDatabase
{
    /// <summary>
    /// Opens <paramref name="databasePath"/> unpooled (so disposing releases the file). Read-write access
    /// creates the file, switches it to WAL and applies missing migrations; read-only access only checks
    /// that the schema is current.
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
            Prepare(connection, databasePath, access);
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StorageException(databasePath, "opening the database", ex.Message, ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
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
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
