using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage.Tests;

/// <summary>
/// What every <see cref="IEventBase"/> must do, run against each store by a concrete subclass
/// (<see cref="SqliteEventBaseTests"/>, <see cref="PostgresEventBaseTests"/>). Each test gets a fresh database of its own.
/// </summary>
/// <typeparam name="TDatabase">The provider's test database.</typeparam>
public abstract class EventBaseContract<TDatabase> : IDisposable
    where TDatabase : TestDatabase, new()
{
    protected static readonly Month From = Month.Of(1990, 1);
    protected static readonly Month To = Month.Of(2020, 12);

    protected TDatabase Database { get; } = new();

    public void Dispose()
    {
        Database.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the store's internal test hook, called after each row an import inserts.</summary>
    private static void OnRowInserted(IEventBase store, Action<string, int>? hook)
    {
        switch (store)
        {
            case SqliteEventBase sqlite:
                sqlite.RowInserted = hook;
                break;
            case PostgresEventBase postgres:
                postgres.RowInserted = hook;
                break;
            default:
                throw new ArgumentException($"unknown event base {store.GetType()}", nameof(store));
        }
    }

    [StoreFact]
    public void Import_FreshDatabase_StoresEveryRowAndTheImportRecord()
    {
        using var store = Database.OpenEventBase();
        Assert.Null(store.CurrentImport());

        Assert.True(store.Import(HistoryData.Full, HistoryData.DataSha256));

        var data = HistoryData.Full;
        Assert.Equal(
            new HistoricalImport(HistoryData.DataSha256, null, From, To, data.Administrations.Count, data.Events.Count,
                data.Exercises.Count, data.MissileLaunches.Count, data.MonthlySeries.Count, data.NuclearTests.Count,
                data.PolicyPhases.Count, data.WeaponsPipeline.Count),
            store.CurrentImport());
        Assert.Equal((long)data.Exercises.Count, Database.Scalar("SELECT COUNT(*) FROM hist_exercises"));
        Assert.Equal((long)data.Administrations.Count, Database.Scalar("SELECT COUNT(*) FROM hist_administrations"));
        Assert.Equal((long)data.PolicyPhases.Count, Database.Scalar("SELECT COUNT(*) FROM hist_policy_phases"));
        Assert.Equal((long)data.NuclearTests.Count, Database.Scalar("SELECT COUNT(*) FROM hist_nuclear_tests"));
        Assert.Equal((long)data.WeaponsPipeline.Count, Database.Scalar("SELECT COUNT(*) FROM hist_weapons_pipeline"));
        Assert.Equal("2006-10-09", Database.Scalar("SELECT date_local FROM hist_nuclear_tests WHERE test_id = 'NT1'"));
    }

    [StoreFact]
    public void Queries_ReturnTheRowsAsLoaded()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.Full, HistoryData.DataSha256);
        var data = HistoryData.Full;

        Assert.Equal(data.Events, store.Events(From, To));
        Assert.Equal(data.MissileLaunches, store.MissileLaunches(From, To));
        Assert.Equal(data.MonthlySeries, store.MonthlySeries(From, To));

        var from = Month.Of(2017, 3);
        var to = Month.Of(2017, 9);
        Assert.Equal(data.Events.Where(e => e.Month >= from && e.Month <= to), store.Events(from, to));
        Assert.Equal(data.MissileLaunches.Where(l => l.Month >= from && l.Month <= to), store.MissileLaunches(from, to));
        Assert.Empty(store.Events(Month.Of(2021, 1), Month.Of(2030, 1)));
    }

    [StoreFact]
    public void MonthlyLabels_InSql_MatchTheInMemoryLabels()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.Full, HistoryData.DataSha256);

        var labels = store.MonthlyLabels(From, To);

        Assert.Equal(HistoryData.Full.LadderLabels(), labels);
        Assert.Equal(74, labels.Count(l => l.Level >= 3));
        Assert.Equal(35, labels.Count(l => l.Level >= 4));
        Assert.Equal(14, labels.Count(l => l.Level >= 5));
        Assert.Equal(6, labels.Count(l => l.Level == 6));
        Assert.Equal(6, store.MonthlyLabels(Month.Of(2006, 10), Month.Of(2006, 10)).Single().Level);
    }

    [StoreFact]
    public void Import_SameDataTwice_IsANoOp()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.Full, HistoryData.DataSha256);
        Database.Execute("UPDATE hist_events SET description = 'marker' WHERE event_id = 'EV0001'");

        Assert.False(store.Import(HistoryData.Full, HistoryData.DataSha256));

        // Nothing was rewritten: the marker survives.
        Assert.Equal("marker", Database.Scalar("SELECT description FROM hist_events WHERE event_id = 'EV0001'"));
        Assert.Equal(HistoryData.DataSha256, store.CurrentImport()!.DataSha256);
    }

    [StoreFact]
    public void Import_DifferentSha_ReplacesTheContents()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.To2016, HistoryData.OtherSha256);
        Assert.Equal(Month.Of(2016, 12), store.CurrentImport()!.LastMonth);

        Assert.True(store.Import(HistoryData.Full, HistoryData.DataSha256));

        var current = store.CurrentImport()!;
        Assert.Equal(HistoryData.DataSha256, current.DataSha256);
        Assert.Null(current.Until);
        Assert.Equal(To, current.LastMonth);
        Assert.Equal(HistoryData.Full.Events, store.Events(From, To));
        Assert.Equal(HistoryData.Full.LadderLabels(), store.MonthlyLabels(From, To));
    }

    [StoreFact]
    public void Import_SameShaOtherCut_ReplacesTheContents()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.Full, HistoryData.DataSha256);

        Assert.True(store.Import(HistoryData.To2016, HistoryData.DataSha256));

        Assert.Equal(Month.Of(2016, 12), store.CurrentImport()!.Until);
        Assert.Equal(HistoryData.To2016.Events, store.Events(From, To));
        Assert.Equal(HistoryData.To2016.MonthlySeries.Count, store.MonthlyLabels(From, To).Count);
    }

    [StoreFact]
    public void Import_InterruptedMidway_LeavesThePreviousContents()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.To2016, HistoryData.OtherSha256);
        var before = Take(store);
        OnRowInserted(store, (table, index) =>
        {
            if (table == "hist_events" && index == 200)
                throw new InvalidOperationException("simulated crash");
        });

        var error = Assert.Throws<InvalidOperationException>(() => store.Import(HistoryData.Full, HistoryData.DataSha256));

        Assert.Equal("simulated crash", error.Message);
        AssertSame(before, Take(store));
        using (var reopened = Database.OpenEventBase(StoreAccess.ReadOnly))
            AssertSame(before, Take(reopened));

        OnRowInserted(store, null);
        Assert.True(store.Import(HistoryData.Full, HistoryData.DataSha256));
        Assert.Equal(HistoryData.Full.Events, store.Events(From, To));
    }

    [StoreFact]
    public void Import_FailingRow_RollsBackAndReportsAStorageError()
    {
        using var store = Database.OpenEventBase();
        store.Import(HistoryData.To2016, HistoryData.OtherSha256);
        var before = Take(store);
        var broken = HistoryData.Full with { Events = [.. HistoryData.Full.Events, HistoryData.Full.Events[0]] };

        var error = Assert.Throws<StorageException>(() => store.Import(broken, HistoryData.DataSha256));

        Assert.Contains("importing historical data", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        AssertSame(before, Take(store));
    }

    [StoreTheory]
    [InlineData("")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("abc")]
    public void Import_MalformedSha_IsRejected(string sha)
    {
        using var store = Database.OpenEventBase();

        Assert.Throws<ArgumentException>(() => store.Import(HistoryData.Full, sha));
        Assert.Null(store.CurrentImport());
    }

    [StoreFact]
    public void ReadOnly_QueriesWork_ImportFails()
    {
        using (var writer = Database.OpenEventBase())
            writer.Import(HistoryData.Full, HistoryData.DataSha256);

        using var reader = Database.OpenEventBase(StoreAccess.ReadOnly);

        Assert.Equal(HistoryData.Full.LadderLabels(), reader.MonthlyLabels(From, To));
        Assert.Throws<StorageException>(() => reader.Import(HistoryData.To2016, HistoryData.OtherSha256));
        Assert.Equal(HistoryData.DataSha256, reader.CurrentImport()!.DataSha256);
    }

    [StoreFact]
    public void SharesTheFileWithTheRunStore()
    {
        using var runs = Database.OpenStore();
        using var events = Database.OpenEventBase();

        events.Import(HistoryData.To2016, HistoryData.DataSha256);

        Assert.Empty(runs.ListRuns());
        Assert.Equal(HistoryData.To2016.MonthlySeries.Count, events.MonthlyLabels(From, To).Count);
    }

    private static Snapshot Take(IEventBase store) =>
        new(store.CurrentImport(), store.MonthlyLabels(From, To), store.Events(From, To), store.MissileLaunches(From, To));

    private static void AssertSame(Snapshot expected, Snapshot actual)
    {
        Assert.Equal(expected.Import, actual.Import);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Launches, actual.Launches);
    }

    private sealed record Snapshot(
        HistoricalImport? Import, IReadOnlyList<LadderMonth> Labels, IReadOnlyList<EventRow> Events, IReadOnlyList<MissileLaunchRow> Launches);
}
