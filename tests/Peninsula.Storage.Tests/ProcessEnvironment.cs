namespace Peninsula.Storage.Tests;

/// <summary>
/// Tests that set process-wide environment variables (such as <see cref="RunStores.SqliteMaxPagesVariable"/>, which
/// every SQLite store of the process reads when it opens): xunit runs this collection alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";

    /// <summary>Sets <paramref name="variable"/> until the result is disposed, then restores its previous value.</summary>
    public static IDisposable Set(string variable, string? value)
    {
        var previous = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        return new Restore(variable, previous);
    }

    private sealed class Restore(string variable, string? previous) : IDisposable
    {
        public void Dispose() => Environment.SetEnvironmentVariable(variable, previous);
    }
}
