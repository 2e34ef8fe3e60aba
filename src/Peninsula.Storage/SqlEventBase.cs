using System.Data.Common;
using System.Globalization;
using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>
/// <see cref="IEventBase"/> over one open database, whatever the provider: the same statements
/// (<see cref="EventBaseSql"/>, <see cref="EventBaseTables"/>), one transaction per import, the same checks and
/// messages for <see cref="SqliteEventBase"/> and <see cref="PostgresEventBase"/>, which differ only in how they
/// open the database. Calls from several threads are serialized. Provider failures surface as
/// <see cref="StorageException"/>.
/// </summary>
public abstract class SqlEventBase : SqlStore, IEventBase
{
    /// <summary>Takes over <paramref name="session"/>, which the event base disposes.</summary>
    private protected SqlEventBase(StoreSession session)
        : base(session)
    {
    }

    /// <summary>Test hook: called after each row is inserted during an import, with the table name and the row's index.</summary>
    internal Action<string, int>? RowInserted { get; set; }

    /// <inheritdoc/>
    public bool Import(HistoricalDataset dataset, string dataSha256)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(dataSha256);
        if (dataSha256.Length != 64 || !dataSha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            throw new ArgumentException("expected 64 lowercase hex digits", nameof(dataSha256));

        return Session.Write($"importing historical data {dataSha256[..12]}", transaction =>
        {
            var current = ReadImport(transaction);
            if (current is not null && current.DataSha256 == dataSha256 && current.Until == dataset.Until)
                return false;

            foreach (var table in EventBaseTables.AllTables)
            {
                using var delete = Session.Command("DELETE FROM " + table, transaction);
                delete.ExecuteNonQuery();
            }
            Insert(transaction, EventBaseTables.Administrations, dataset.Administrations);
            Insert(transaction, EventBaseTables.PolicyPhases, dataset.PolicyPhases);
            Insert(transaction, EventBaseTables.Events, dataset.Events);
            Insert(transaction, EventBaseTables.MissileLaunches, dataset.MissileLaunches);
            Insert(transaction, EventBaseTables.NuclearTests, dataset.NuclearTests);
            Insert(transaction, EventBaseTables.Exercises, dataset.Exercises);
            Insert(transaction, EventBaseTables.WeaponsPipeline, dataset.WeaponsPipeline);
            Insert(transaction, EventBaseTables.MonthlySeries, dataset.MonthlySeries);

            using var record = Session.Command(EventBaseSql.InsertImport, transaction);
            Add(record, "@data_sha256", dataSha256);
            Add(record, "@until_month", dataset.Until);
            Add(record, "@first_month", dataset.FirstMonth);
            Add(record, "@last_month", dataset.LastMonth);
            Add(record, "@administration_rows", dataset.Administrations.Count);
            Add(record, "@event_rows", dataset.Events.Count);
            Add(record, "@exercise_rows", dataset.Exercises.Count);
            Add(record, "@missile_launch_rows", dataset.MissileLaunches.Count);
            Add(record, "@monthly_rows", dataset.MonthlySeries.Count);
            Add(record, "@nuclear_test_rows", dataset.NuclearTests.Count);
            Add(record, "@policy_phase_rows", dataset.PolicyPhases.Count);
            Add(record, "@weapons_pipeline_rows", dataset.WeaponsPipeline.Count);
            record.ExecuteNonQuery();
            return true;
        });
    }

    /// <inheritdoc/>
    public HistoricalImport? CurrentImport() => Session.Read("reading the historical import", () => ReadImport(null));

    /// <inheritdoc/>
    public IReadOnlyList<LadderMonth> MonthlyLabels(Month from, Month to) => Session.Read("reading monthly ladder labels", () =>
    {
        using var command = Session.Command(EventBaseSql.SelectLabels, null);
        AddRange(command, from, to);
        Add(command, "@cruise_start", LadderLabel.CruiseCoverageStart);
        using var reader = command.ExecuteReader();
        var labels = new List<LadderMonth>();
        while (reader.Read())
            labels.Add(new LadderMonth(Month.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3) == 1));
        return labels;
    });

    /// <inheritdoc/>
    public IReadOnlyList<MonthlySeriesRow> MonthlySeries(Month from, Month to) => Session.Read("reading the monthly series", () =>
    {
        using var command = Session.Command(EventBaseTables.MonthlySeries.SelectSql + " WHERE year_month >= @from AND year_month <= @to ORDER BY year_month", null);
        AddRange(command, from, to);
        using var reader = command.ExecuteReader();
        var rows = new List<MonthlySeriesRow>();
        var counts = new int[MonthlySeriesRow.CountColumns.Count];
        while (reader.Read())
        {
            for (var i = 0; i < counts.Length; i++)
                counts[i] = reader.GetInt32(3 + i);
            rows.Add(MonthlySeriesRow.FromCounts(Month.Parse(reader.GetString(0)), counts));
        }
        return rows;
    });

    /// <inheritdoc/>
    public IReadOnlyList<EventRow> Events(Month from, Month to) => Session.Read("reading events", () =>
        Select(EventBaseTables.Events, from, to, r => new EventRow(
            r.GetString(0), Date(r, 3), r.GetString(4), OptionalDate(r, 5), r.GetString(6), r.GetString(7), r.GetString(8),
            r.GetString(9), r.GetString(10), r.GetString(11), OptionalString(r, 12), r.GetString(13), r.GetString(14))));

    /// <inheritdoc/>
    public IReadOnlyList<MissileLaunchRow> MissileLaunches(Month from, Month to) => Session.Read("reading missile launches", () =>
        Select(EventBaseTables.MissileLaunches, from, to, r => new MissileLaunchRow(
            r.GetString(0), r.GetString(3), Date(r, 4), r.GetString(5), r.GetString(6), OptionalString(r, 7), r.GetString(8),
            r.GetString(9), OptionalInt(r, 10), r.GetString(11), r.GetString(12), OptionalInt(r, 13), OptionalInt(r, 14),
            OptionalInt(r, 15), OptionalString(r, 16), OptionalDouble(r, 17), OptionalDouble(r, 18), r.GetString(19),
            r.GetInt64(20) == 1, r.GetString(21), r.GetString(22), OptionalString(r, 23))));

    private void Insert<T>(DbTransaction transaction, HistTable<T> table, IReadOnlyList<T> rows)
    {
        using var command = Session.Command(table.InsertSql, transaction);
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameters[i].Value = DBNull.Value;
            command.Parameters.Add(parameters[i]);
        }
        Session.PrepareForReuse(command);
        for (var index = 0; index < rows.Count; index++)
        {
            var values = table.Values(rows[index], index);
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = EventBaseTables.ToDb(values[i]);
            command.ExecuteNonQuery();
            RowInserted?.Invoke(table.Name, index);
        }
    }

    private List<T> Select<T, TRow>(HistTable<TRow> table, Month from, Month to, Func<DbDataReader, T> read)
    {
        using var command = Session.Command(table.SelectSql + EventBaseSql.InMonthRange, null);
        AddRange(command, from, to);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private HistoricalImport? ReadImport(DbTransaction? transaction)
    {
        using var command = Session.Command(EventBaseSql.SelectImport, transaction);
        using var r = command.ExecuteReader();
        if (!r.Read())
            return null;
        return new HistoricalImport(
            r.GetString(0), r.IsDBNull(1) ? null : Month.Parse(r.GetString(1)), Month.Parse(r.GetString(2)),
            Month.Parse(r.GetString(3)), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8),
            r.GetInt32(9), r.GetInt32(10), r.GetInt32(11));
    }

    private static DateOnly Date(DbDataReader r, int i) =>
        DateOnly.ParseExact(r.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : Date(r, i);

    private static string? OptionalString(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static int? OptionalInt(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt32(i);

    private static double? OptionalDouble(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    private static void AddRange(DbCommand command, Month from, Month to)
    {
        Add(command, "@from", from);
        Add(command, "@to", to);
    }

    private static void Add(DbCommand command, string name, object? value) =>
        ManifestRow.Add(command, name, EventBaseTables.ToDb(value));
}
