using Microsoft.Data.Sqlite;
using Npgsql;

namespace Peninsula.Storage.Tests;

/// <summary>
/// How provider error codes become <see cref="StorageFailure"/> kinds and one-line explanations: SQLite
/// <c>SQLITE_FULL</c> (13) and <c>SQLITE_READONLY</c> (8 and its extended codes), PostgreSQL <c>53100</c> and
/// <c>25006</c>; everything else keeps the provider's message unchanged.
/// </summary>
public sealed class StorageFailureTests
{
    [Theory]
    [InlineData(13, 13, StorageFailure.DatabaseFull)]
    [InlineData(8, 8, StorageFailure.ReadOnly)]
    [InlineData(8, 8 | (5 << 8), StorageFailure.ReadOnly)] // SQLITE_READONLY_CANTINIT
    [InlineData(8, 8 | (1 << 8), StorageFailure.ReadOnly)] // SQLITE_READONLY_RECOVERY
    [InlineData(14, 14, StorageFailure.Other)]             // SQLITE_CANTOPEN
    [InlineData(11, 11, StorageFailure.Other)]             // SQLITE_CORRUPT
    public void SqliteExplain_ErrorCode_GivesKind(int code, int extended, StorageFailure expected)
    {
        var failure = SqliteDatabase.Explain(new SqliteException($"SQLite Error {code}: 'message {code}'.", code, extended));

        Assert.Equal(expected, failure.Kind);
    }

    [Fact]
    public void SqliteExplain_Full_SaysTheDatabaseIsFullAndKeepsSqlitesWords()
    {
        var failure = SqliteDatabase.Explain(new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        Assert.Equal(
            "the database is full (SQLite Error 13: 'database or disk is full'); this write was rolled back, everything committed before it is kept",
            failure.Detail);
    }

    [Fact]
    public void SqliteExplain_ReadOnly_SaysTheDatabaseIsReadOnly()
    {
        var failure = SqliteDatabase.Explain(new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8));

        Assert.Equal("the database is read-only (SQLite Error 8: 'attempt to write a readonly database'); nothing was written to it", failure.Detail);
    }

    [Fact]
    public void SqliteExplain_OtherCode_KeepsTheMessageAsItIs()
    {
        var failure = SqliteDatabase.Explain(new SqliteException("SQLite Error 11: 'database disk image is malformed'.", 11));

        Assert.Equal("SQLite Error 11: 'database disk image is malformed'.", failure.Detail);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.DiskFull, StorageFailure.DatabaseFull, "the database is full (53100: could not extend file")]
    [InlineData(PostgresErrorCodes.ReadOnlySqlTransaction, StorageFailure.ReadOnly, "the database is read-only (25006: could not extend file")]
    [InlineData(PostgresErrorCodes.UniqueViolation, StorageFailure.Other, "23505: could not extend file")]
    public void PostgresExplain_SqlState_GivesKindAndDetail(string sqlState, StorageFailure expected, string detailStart)
    {
        var server = new PostgresException("could not extend file \"base/16384/16400\": No space left on device", "ERROR", "ERROR", sqlState);

        var failure = PostgresDatabase.Explain(server);

        Assert.Equal(expected, failure.Kind);
        Assert.StartsWith(detailStart, failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PostgresExplain_ServerErrorInsideAnotherException_IsFound()
    {
        var server = new PostgresException("cannot execute INSERT in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction);

        var failure = PostgresDatabase.Explain(new NpgsqlException("Exception while writing", server));

        Assert.Equal(StorageFailure.ReadOnly, failure.Kind);
    }

    [Fact]
    public void ToException_KnownKind_IsOneLineNamingDatabaseOperationAndKind()
    {
        var inner = new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);

        var error = SqliteDatabase.Explain(inner).ToException("/data/runs.db", "saving batch 3 of run ab", inner);

        Assert.Equal(
            "Storage error in '/data/runs.db': saving batch 3 of run ab failed: the database is full (SQLite Error 13: 'database or disk is full'); " +
            "this write was rolled back, everything committed before it is kept",
            error.Message);
        Assert.Equal(StorageFailure.DatabaseFull, error.Failure);
        Assert.Same(inner, error.InnerException);
    }

    [Fact]
    public void Constructor_WithoutKind_IsOther()
    {
        Assert.Equal(StorageFailure.Other, new StorageException("/data/runs.db", "listing runs", "locked").Failure);
    }
}
