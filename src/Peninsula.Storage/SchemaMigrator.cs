using System.Data.Common;
using System.Globalization;

namespace Peninsula.Storage;

/// <summary>
/// Brings a database up to the newest schema by running only the migrations it lacks. Works on any
/// ADO.NET connection because the SQL is portable; provider errors propagate to the caller to wrap.
/// </summary>
internal static class SchemaMigrator
{
    private const string CreateVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY)";

    private const string SelectVersion = "SELECT MAX(version) FROM schema_version";

    private const string InsertVersion = "INSERT INTO schema_version (version) VALUES (@version)";

    /// <summary>Applies the missing migrations, each with its version row in one transaction.</summary>
    /// <returns>The schema version after migrating.</returns>
    /// <exception cref="InvalidOperationException">The database is newer than <paramref name="migrations"/>, or the list has gaps.</exception>
    public static int Migrate(DbConnection connection, IReadOnlyList<SchemaMigration> migrations, string databasePath)
    {
        ValidateOrder(migrations);
        Execute(connection, null, CreateVersionTable);
        RejectTooNew(ReadVersion(connection, null), migrations, databasePath);

        foreach (var migration in migrations)
        {
            using var transaction = connection.BeginTransaction();
            // Re-read inside the write transaction so two processes opening a fresh file cannot both apply a step.
            var current = ReadVersion(connection, transaction);
            RejectTooNew(current, migrations, databasePath);
            if (current >= migration.Version)
                continue;

            foreach (var statement in migration.Statements)
                Execute(connection, transaction, statement);

            using var record = Command(connection, transaction, InsertVersion);
            AddParameter(record, "@version", migration.Version);
            record.ExecuteNonQuery();
            transaction.Commit();
        }

        return ReadVersion(connection, null);
    }

    /// <summary>Checks, without writing, that a database is exactly at the newest version.</summary>
    /// <param name="currentVersion">The database's version; 0 when it has no schema yet.</param>
    /// <param name="migrations">The known migrations, oldest first.</param>
    /// <param name="databasePath">The file, named in error messages.</param>
    /// <exception cref="InvalidOperationException">The database is older or newer than <paramref name="migrations"/>.</exception>
    public static void RequireLatest(int currentVersion, IReadOnlyList<SchemaMigration> migrations, string databasePath)
    {
        ValidateOrder(migrations);
        RejectTooNew(currentVersion, migrations, databasePath);
        var latest = migrations[^1].Version;
        if (currentVersion < latest)
            throw new InvalidOperationException(
                $"Database '{databasePath}' has schema version {currentVersion} but this Peninsula build needs {latest}; open it once read-write to upgrade it.");
    }

    /// <summary>The highest applied version, or 0 if none; requires the version table to exist.</summary>
    public static int ReadVersion(DbConnection connection, DbTransaction? transaction)
    {
        using var command = Command(connection, transaction, SelectVersion);
        var value = command.ExecuteScalar();
        return value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static void RejectTooNew(int current, IReadOnlyList<SchemaMigration> migrations, string databasePath)
    {
        var latest = migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException(
                $"Database '{databasePath}' has schema version {current}, newer than version {latest} known to this Peninsula build; use a newer Peninsula to open it.");
    }

    private static void ValidateOrder(IReadOnlyList<SchemaMigration> migrations)
    {
        if (migrations.Count == 0)
            throw new InvalidOperationException("The schema migration list is empty.");
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException(
                    $"Schema migration at position {i} has version {migrations[i].Version}; versions must run 1, 2, 3… without gaps.");
        }
    }

    private static void Execute(DbConnection connection, DbTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
