using System.Collections.Immutable;
using Peninsula.Cli.Infrastructure;
using Peninsula.Core;
using Peninsula.Estimation;
using Peninsula.Estimation.History;
using Peninsula.History;

namespace Peninsula.App;

/// <summary>
/// The historical record as known at a cutoff: the curated data and Peninsula's additions loaded with the
/// no-look-ahead cut, and the history replay scenario (scenarios/history.yaml). Everything a fit, a
/// reconstruction or a back-test reads about the past comes through here.
/// </summary>
public sealed class HistoryWorkspace
{
    private HistoryWorkspace(Month until, HistoricalDataset data, IReadOnlyList<AgreementRow> agreements, IReadOnlyList<ExogenousRow> exogenous, ScenarioSession history, string dataSha)
    {
        Until = until;
        Data = data;
        Agreements = agreements;
        Exogenous = exogenous;
        History = history;
        DataSha256 = dataSha;
    }

    /// <summary>The cut: nothing later was read.</summary>
    public Month Until { get; }

    /// <summary>The curated record up to the cut.</summary>
    public HistoricalDataset Data { get; }

    /// <summary>agreements.csv up to the cut.</summary>
    public IReadOnlyList<AgreementRow> Agreements { get; }

    /// <summary>exogenous.csv up to the cut.</summary>
    public IReadOnlyList<ExogenousRow> Exogenous { get; }

    /// <summary>The history replay scenario.</summary>
    public ScenarioSession History { get; }

    /// <summary>SHA-256 of the data folder (every file, as stored).</summary>
    public string DataSha256 { get; }

    /// <summary>Loads the record up to <paramref name="until"/> from the repository's data folder.</summary>
    public static HistoryWorkspace Open(Month until, string? dataFolder = null)
    {
        var folder = dataFolder ?? RepositoryPaths.DataFolder();
        try
        {
            var data = HistoricalData.Load(folder, until);
            if (data.LastMonth < until)
                throw new UserErrorException($"the record ends at {data.LastMonth}; cannot use data up to {until}");
            var (agreements, exogenous) = HistoricalAdditions.Load(folder, until);
            var history = ScenarioSession.Open(Path.Combine(RepositoryPaths.Root(), "scenarios", "history.yaml"), Cli.CodeVersion.Current);
            return new HistoryWorkspace(until, data, agreements, exogenous, history, Hashing.DataSha256(folder));
        }
        catch (HistoricalDataException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    /// <summary>The last month of the record in the repository's data folder.</summary>
    public static Month RecordEnd(string? dataFolder = null)
    {
        try
        {
            return HistoricalData.Load(dataFolder ?? RepositoryPaths.DataFolder()).LastMonth;
        }
        catch (HistoricalDataException e)
        {
            throw new UserErrorException(e.Message);
        }
    }

    /// <summary>The forced replay of the whole record from its first month to the cut.</summary>
    public (EstimationFrame Frame, ImmutableArray<ReconstructedMonth> Months) Frame() =>
        HistoryFrameBuilder.Build(Data, Agreements, Exogenous, History.Spec, Data.FirstMonth, Until, new SplitTheDifferenceZone());
}
