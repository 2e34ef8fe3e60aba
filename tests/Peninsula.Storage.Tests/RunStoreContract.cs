namespace Peninsula.Storage.Tests;

/// <summary>
/// What every <see cref="IRunStore"/> must do, run against each store by a concrete subclass
/// (<see cref="SqliteRunStoreTests"/>, <see cref="PostgresRunStoreTests"/>); split into partial files by concern.
/// Each test gets a fresh database of its own.
/// </summary>
/// <typeparam name="TDatabase">The provider's test database.</typeparam>
public abstract partial class RunStoreContract<TDatabase> : IDisposable
    where TDatabase : TestDatabase, new()
{
    protected TDatabase Database { get; } = new();

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>How a store of this kind was opened.</summary>
    protected static StoreAccess AccessOf(IRunStore store) => store switch
    {
        SqliteRunStore sqlite => sqlite.Access,
        PostgresRunStore postgres => postgres.Access,
        _ => throw new ArgumentException($"unknown store {store.GetType()}", nameof(store)),
    };

    /// <summary>The provider's word for a write refused by a read-only store, as its error messages spell it.</summary>
    protected abstract string ReadOnlyWording { get; }

    /// <summary>The provider's exception type, kept as the inner exception of <see cref="StorageException"/>.</summary>
    protected abstract Type ProviderExceptionType { get; }
}
