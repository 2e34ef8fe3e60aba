using Peninsula.Core;
using Peninsula.History;

namespace Peninsula.Storage.Tests;

/// <summary>The repository's curated data (found by walking up to Peninsula.slnx), loaded once per test run.</summary>
internal static class HistoryData
{
    private static readonly Lazy<string> DataFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peninsula.slnx")))
                return Path.Combine(dir.FullName, "data");
        }
        throw new InvalidOperationException("Peninsula.slnx not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<HistoricalDataset> FullData = new(() => HistoricalData.Load(Folder));
    private static readonly Lazy<HistoricalDataset> To2016Data = new(() => HistoricalData.Load(Folder, Month.Of(2016, 12)));
    private static readonly Lazy<string> Sha = new(() => HistoricalData.ComputeSha256(Folder));

    /// <summary>The repository's data/ folder.</summary>
    public static string Folder => DataFolder.Value;

    /// <summary>Everything.</summary>
    public static HistoricalDataset Full => FullData.Value;

    /// <summary>Cut at 2016-12.</summary>
    public static HistoricalDataset To2016 => To2016Data.Value;

    /// <summary>The data folder's SHA-256.</summary>
    public static string DataSha256 => Sha.Value;

    /// <summary>A different, well-formed SHA-256 for "other data".</summary>
    public static string OtherSha256 { get; } = new('a', 64);
}
