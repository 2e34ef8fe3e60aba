namespace Peninsula.Storage;

/// <summary>How a run store opens its database.</summary>
public enum StoreAccess
{
    /// <summary>Create the file if missing, apply missing schema migrations, allow writes. The default.</summary>
    ReadWrite = 0,

    /// <summary>Open an existing, up-to-date database for reading only; every write fails with <see cref="StorageException"/>.</summary>
    ReadOnly = 1,
}
