namespace Peninsula.Storage.Tests;

/// <summary>
/// A fresh, empty database for one test, of either provider, removed on dispose: what the run-store and
/// event-base contracts need to open stores and to look behind their backs.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>What <see cref="RunStores.Open"/> takes: a SQLite path or a PostgreSQL connection string.</summary>
    public abstract string Target { get; }

    /// <summary>How storage messages name the database (the path, or the connection string without password).</summary>
    public string Display => RunStores.Describe(Target);

    public abstract IRunStore OpenStore(StoreAccess access = StoreAccess.ReadWrite);

    public abstract IEventBase OpenEventBase(StoreAccess access = StoreAccess.ReadWrite);

    /// <summary>The first column of the first row, read on a connection of its own; integers of any width come back as long.</summary>
    public abstract object? Scalar(string sql);

    /// <summary>Runs one statement on a connection of its own.</summary>
    public abstract void Execute(string sql);

    public void Dispose()
    {
        Drop();
        GC.SuppressFinalize(this);
    }

    protected abstract void Drop();

    protected static object? Widen(object? value) => value switch
    {
        short s => (long)s,
        int i => (long)i,
        _ => value,
    };
}
