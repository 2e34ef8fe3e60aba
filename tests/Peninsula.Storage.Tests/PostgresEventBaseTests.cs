namespace Peninsula.Storage.Tests;

/// <summary>
/// <see cref="PostgresEventBase"/>: the event-base contract (<see cref="EventBaseContract{TDatabase}"/>) on the test
/// server, each test in a schema of its own.
/// </summary>
public sealed class PostgresEventBaseTests : EventBaseContract<TempPostgresSchema>, IRequiresPostgres
{
    [StoreFact]
    public void OpenEventBase_ConnectionString_OpensPostgresEventBase()
    {
        using var events = RunStores.OpenEventBase(Database.Target);

        Assert.IsType<PostgresEventBase>(events);
        Assert.Null(events.CurrentImport());
    }
}
