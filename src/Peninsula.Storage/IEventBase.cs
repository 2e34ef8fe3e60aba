using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage;

/// <summary>
/// The curated historical record stored in the <c>hist_</c> tables (schema version 2), for queries by month.
/// <see cref="Import"/> writes a whole <see cref="HistoricalDataset"/> in one transaction: re-importing the same
/// data (same SHA-256 and cut) is a no-op, different data replaces the contents, and a failed import leaves the
/// previous contents as they were. Provider failures surface as <see cref="StorageException"/>.
/// </summary>
public interface IEventBase : IDisposable
{
    /// <summary>How the database was opened.</summary>
    StoreAccess Access { get; }

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
    bool Import(HistoricalDataset dataset, string dataSha256);

    /// <summary>What is stored, or null before the first import.</summary>
    HistoricalImport? CurrentImport();

    /// <summary>The ladder labels of the stored months in [<paramref name="from"/>, <paramref name="to"/>], computed in SQL.</summary>
    IReadOnlyList<LadderMonth> MonthlyLabels(Month from, Month to);

    /// <summary>The stored monthly rows in [<paramref name="from"/>, <paramref name="to"/>], in order.</summary>
    IReadOnlyList<MonthlySeriesRow> MonthlySeries(Month from, Month to);

    /// <summary>The stored events whose date falls in a month of [<paramref name="from"/>, <paramref name="to"/>], in file order.</summary>
    IReadOnlyList<EventRow> Events(Month from, Month to);

    /// <summary>The stored missile launches dated in a month of [<paramref name="from"/>, <paramref name="to"/>], in file order.</summary>
    IReadOnlyList<MissileLaunchRow> MissileLaunches(Month from, Month to);
}
