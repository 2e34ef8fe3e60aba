namespace Peninsula.Storage;

/// <summary>
/// A storage operation failed for a reason outside the caller's control (read-only file, disk full,
/// corrupt database, unreachable server). The message is one line naming the database (a SQLite file, or
/// "postgres " and a connection string without its password) and the failed operation.
/// </summary>
public sealed class StorageException : Exception
{
    /// <summary>Creates the exception; the message combines the three parts into one line.</summary>
    /// <param name="databasePath">The database the operation used: a SQLite file, or a PostgreSQL connection string without secrets.</param>
    /// <param name="operation">What was being done, e.g. "saving batch 3 of run ab12".</param>
    /// <param name="detail">Why it failed, usually the underlying provider's message.</param>
    /// <param name="innerException">The provider exception, if any.</param>
    public StorageException(string databasePath, string operation, string detail, Exception? innerException = null)
        : base(OneLine($"Storage error in '{databasePath}': {operation} failed: {detail}"), innerException)
    {
        DatabasePath = databasePath;
        Operation = operation;
    }

    /// <summary>The database the failed operation used: a SQLite file, or a PostgreSQL connection string without secrets.</summary>
    public string DatabasePath { get; }

    /// <summary>What was being done when the failure happened.</summary>
    public string Operation { get; }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
