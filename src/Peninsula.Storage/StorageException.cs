namespace Peninsula.Storage;

/// <summary>
/// A storage operation failed for a reason outside the caller's control (read-only file, disk full,
/// corrupt database, unreachable server). The message is one line naming the database (a SQLite file, or
/// "postgres " and a connection string without its password) and the failed operation, e.g.
/// "Storage error in '/data/peninsula.db': saving batch 3 of run ab12… failed: the database is full (SQLite error 13: database or disk is full); this write was rolled back, everything committed before it is kept".
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception; the message combines the three parts into one line.</summary>
    /// <param name="databasePath">The database the operation used: a SQLite file, or a PostgreSQL connection string without secrets.</param>
    /// <param name="operation">What was being done, e.g. "saving batch 3 of run ab12".</param>
    /// <param name="detail">Why it failed, usually the underlying provider's message.</param>
    /// <param name="innerException">The provider exception, if any.</param>
    public StorageException(string databasePath, string operation, string detail, Exception? innerException = null)
        : this(databasePath, operation, StorageFailure.Other, detail, innerException)
    {
    }

    /// <summary>Creates the exception for a failure of a known kind; the message combines the parts into one line.</summary>
    /// <param name="databasePath">The database the operation used: a SQLite file, or a PostgreSQL connection string without secrets.</param>
    /// <param name="operation">What was being done, e.g. "saving batch 3 of run ab12".</param>
    /// <param name="failure">Why it failed, as far as the provider says.</param>
    /// <param name="detail">The explanation shown, usually built from the provider's message.</param>
    /// <param name="innerException">The provider exception, if any.</param>
    public StorageException(string databasePath, string operation, StorageFailure failure, string detail, Exception? innerException = null)
        : base(OneLine($"Storage error in '{databasePath}': {operation} failed: {detail}"), innerException)
    {
        DatabasePath = databasePath;
        Operation = operation;
        Failure = failure;
    }

    /// <summary>The database the failed operation used: a SQLite file, or a PostgreSQL connection string without secrets.</summary>
    public string DatabasePath { get; }

    /// <summary>What was being done when the failure happened.</summary>
    public string Operation { get; }

    /// <summary>Why it failed: the database is full, read-only, or something else.</summary>
    public StorageFailure Failure { get; }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
