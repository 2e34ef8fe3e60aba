namespace Peninsula.Storage;

/// <summary>
/// The data statements of the run store, kept together and portable: they run unchanged on SQLite
/// (3.24+) and PostgreSQL. <c>ON CONFLICT … DO NOTHING</c> is the only upsert form used.
/// </summary>
internal static class RunStoreSql
{
    private const string ManifestColumns =
        "run_id, kind, scenario, scenario_sha256, scenario_text, policy, seed, runs, months, parameter_draws, batch_size, code_version, command_line";

    /// <summary>Inserts a run after every existing one; does nothing if the id is taken.</summary>
    public const string InsertRun =
        "INSERT INTO runs (" + ManifestColumns + ", created_order, completed) VALUES " +
        "(@run_id, @kind, @scenario, @scenario_sha256, @scenario_text, @policy, @seed, @runs, @months, @parameter_draws, @batch_size, @code_version, @command_line, " +
        "(SELECT COALESCE(MAX(created_order), 0) + 1 FROM runs), 0) " +
        "ON CONFLICT (run_id) DO NOTHING";

    /// <summary>One run's manifest columns, in <see cref="ManifestColumns"/> order.</summary>
    public const string SelectRun = "SELECT " + ManifestColumns + " FROM runs WHERE run_id = @run_id";

    /// <summary>Every run's manifest columns, newest first.</summary>
    public const string SelectRunsNewestFirst = "SELECT " + ManifestColumns + " FROM runs ORDER BY created_order DESC";

    /// <summary>1 if the run exists.</summary>
    public const string RunExists = "SELECT 1 FROM runs WHERE run_id = @run_id";

    /// <summary>Committed batch indices of one run.</summary>
    public const string SelectBatchIndices = "SELECT batch_index FROM batches WHERE run_id = @run_id";

    /// <summary>Stores a batch unless that (run, index) is already stored.</summary>
    public const string InsertBatch =
        "INSERT INTO batches (run_id, batch_index, payload) VALUES (@run_id, @batch_index, @payload) " +
        "ON CONFLICT (run_id, batch_index) DO NOTHING";

    /// <summary>One batch's payload.</summary>
    public const string SelectBatch = "SELECT payload FROM batches WHERE run_id = @run_id AND batch_index = @batch_index";

    /// <summary>Marks a run complete with its forecast.</summary>
    public const string CompleteRun = "UPDATE runs SET completed = 1, forecast_json = @forecast_json WHERE run_id = @run_id";

    /// <summary>A completed run's forecast.</summary>
    public const string SelectForecast = "SELECT forecast_json FROM runs WHERE run_id = @run_id AND completed = 1";
}
