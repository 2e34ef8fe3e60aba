using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>
/// The curated historical record stored in the <c>hist_</c> tables of a SQLite file (schema version 2),
/// for queries by month. <see cref="Import"/> writes a whole <see cref="HistoricalDataset"/> in one
/// transaction: re-importing the same data (same SHA-256 and cut) is a no-op, different data replaces
/// the contents, and a failed import leaves the previous contents as they were. Calls from several
/// threads are serialized. Provider failures surface as <see cref="StorageException"/>.
/// </summary>
public sealed class SqliteEventBase : IDisposable
{
    private readonly SqliteSession _db;

    /// <summary>Opens or creates <paramref name="databasePath"/> read-write, applying missing schema migrations.</summary>
    /// <param name="databasePath">Path of the SQLite file (may be the run store's file); created if absent.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema is newer than this build knows.</exception>
    public SqliteEventBase(string databasePath)
        : this(databasePath, StoreAccess.ReadWrite)
    {
    }

    /// <summary>Opens <paramref name="databasePath"/> with the given access.</summary>
    /// <param name="databasePath">Path of the SQLite file; must exist and be current for <see cref="StoreAccess.ReadOnly"/>.</param>
    /// <param name="access">Read-write (creates and migrates) or read-only.</param>
    /// <exception cref="StorageException">SQLite could not open or prepare the file.</exception>
    /// <exception cref="InvalidOperationException">The file's schema version does not fit this build.</exception>
    public SqliteEventBase(string databasePath, StoreAccess access)
    {
        _db = new SqliteSession(databasePath, access, this);
    }

    /// <summary>The SQLite file.</summary>
    public string DatabasePath => _db.DatabasePath;

    /// <summary>How the file was opened.</summary>
    public StoreAccess Access => _db.Access;

    /// <summary>Test hook: called after each row is inserted during an import, with the table name and the row's index.</summary>
    internal Action<string, int>? RowInserted { get; set; }

    /// <summary>
    /// Stores <paramref name="dataset"/> as the event base's contents, in one transaction. Does nothing when
    /// the stored import has the same <paramref name="dataSha256"/> and <see cref="HistoricalDataset.Until"/>;
    /// otherwise deletes the previous contents and writes the new ones.
    /// </summary>
    /// <param name="dataset">The loaded data.</param>
    /// <param name="dataSha256">Lowercase hex SHA-256 of the data folder (<see cref="HistoricalData.ComputeSha256"/>).</param>
    /// <returns>True when the contents were written; false when the same data was already stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="dataSha256"/> is not 64 lowercase hex digits.</exception>
    /// <exception cref="StorageException">The write failed; the previous contents are unchanged.</exception>
    public bool Import(HistoricalDataset dataset, string dataSha256)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(dataSha256);
        if (dataSha256.Length != 64 || !dataSha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            throw new ArgumentException("expected 64 lowercase hex digits", nameof(dataSha256));

        return _db.Write($"importing historical data {dataSha256[..12]}", transaction =>
        {
            var current = ReadImport(transaction);
            if (current is not null && current.DataSha256 == dataSha256 && current.Until == dataset.Until)
                return false;

            foreach (var table in EventBaseTables.AllTables)
            {
                using var delete = _db.Command("DELETE FROM " + table, transaction);
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

            using var record = _db.Command(EventBaseSql.InsertImport, transaction);
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

    /// <summary>What is stored, or null before the first import.</summary>
    public HistoricalImport? CurrentImport() => _db.Read("reading the historical import", () => ReadImport(null));

    /// <summary>The ladder labels of the stored months in [<paramref name="from"/>, <paramref name="to"/>], computed in SQL.</summary>
    public IReadOnlyList<LadderMonth> MonthlyLabels(Month from, Month to) => _db.Read("reading monthly ladder labels", () =>
    {
        using var command = _db.Command(EventBaseSql.SelectLabels, null);
        AddRange(command, from, to);
        Add(command, "@cruise_start", LadderLabel.CruiseCoverageStart);
        using var reader = command.ExecuteReader();
        var labels = new List<LadderMonth>();
        while (reader.Read())
            labels.Add(new LadderMonth(Month.Parse(reader.GetString(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt64(3) == 1));
        return labels;
    });

    /// <summary>The stored monthly rows in [<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    public IReadOnlyList<MonthlySeriesRow> MonthlySeries(Month from, Month to) => _db.Read("reading the monthly series", () =>
    {
        using var command = _db.Command(EventBaseTables.MonthlySeries.SelectSql + " WHERE year_month >= @from AND year_month <= @to ORDER BY year_month", null);
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

    /// <summary>The stored events whose date falls in a month of [<paramref name="from"/>, <paramref name="to"/>], in file order.</summary>
    public IReadOnlyList<EventRow> Events(Month from, Month to) => _db.Read("reading events", () =>
        Select(EventBaseTables.Events, from, to, r => new EventRow(
            r.GetString(0), Date(r, 3), r.GetString(4), OptionalDate(r, 5), r.GetString(6), r.GetString(7), r.GetString(8),
            r.GetString(9), r.GetString(10), r.GetString(11), OptionalString(r, 12), r.GetString(13), r.GetString(14))));

    /// <summary>The stored missile launches dated in a month of [<paramref name="from"/>, <paramref name="to"/>], in file order.</summary>
    public IReadOnlyList<MissileLaunchRow> MissileLaunches(Month from, Month to) => _db.Read("reading missile launches", () =>
        Select(EventBaseTables.MissileLaunches, from, to, r => new MissileLaunchRow(
            r.GetString(0), r.GetString(3), Date(r, 4), r.GetString(5), r.GetString(6), OptionalString(r, 7), r.GetString(8),
            r.GetString(9), OptionalInt(r, 10), r.GetString(11), r.GetString(12), OptionalInt(r, 13), OptionalInt(r, 14),
            OptionalInt(r, 15), OptionalString(r, 16), OptionalDouble(r, 17), OptionalDouble(r, 18), r.GetString(19),
            r.GetInt64(20) == 1, r.GetString(21), r.GetString(22), OptionalString(r, 23))));

    /// <summary>Closes the connection and releases the file. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _db.Dispose();

    private void Insert<T>(SqliteTransaction transaction, HistTable<T> table, IReadOnlyList<T> rows)
    {
        using var command = _db.Command(table.InsertSql, transaction);
        var parameters = new SqliteParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
            parameters[i] = command.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        command.Prepare();
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
        using var command = _db.Command(table.SelectSql + EventBaseSql.InMonthRange, null);
        AddRange(command, from, to);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private HistoricalImport? ReadImport(SqliteTransaction? transaction)
    {
        using var command = _db.Command(EventBaseSql.SelectImport, transaction);
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

    private static void AddRange(SqliteCommand command, Month from, Month to)
    {
        Add(command, "@from", from);
        Add(command, "@to", to);
    }

    private static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.Add(new SqliteParameter(name, EventBaseTables.ToDb(value)));
}
