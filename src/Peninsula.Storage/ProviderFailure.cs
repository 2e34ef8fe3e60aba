namespace Peninsula.Storage;

/// <summary>
/// A provider failure as a user reads it: its kind and a one-line explanation that starts with what it means
/// ("the database is full", "the database is read-only") and keeps the provider's own words in parentheses.
/// </summary>
/// <param name="Kind">What the provider's error code says.</param>
/// <param name="Detail">The explanation a <see cref="StorageException"/> shows.</param>
internal readonly record struct ProviderFailure(StorageFailure Kind, string Detail)
{
    /// <summary>The explanation of a failure of <paramref name="kind"/> whose provider message is <paramref name="providerMessage"/>.</summary>
    public static ProviderFailure Of(StorageFailure kind, string providerMessage) => new(kind, kind switch
    {
        StorageFailure.DatabaseFull =>
            $"the database is full ({providerMessage}); this write was rolled back, everything committed before it is kept",
        StorageFailure.ReadOnly => $"the database is read-only ({providerMessage}); nothing was written to it",
        _ => providerMessage,
    });

    /// <summary>The exception naming <paramref name="target"/> and <paramref name="operation"/>.</summary>
    public StorageException ToException(string target, string operation, Exception innerException) =>
        new(target, operation, Kind, Detail, innerException);
}
