using System.Data.Common;
using System.Globalization;

namespace Peninsula.Storage;

/// <summary>
/// Maps a <see cref="RunManifest"/> to and from the <c>runs</c> columns. The seed is stored as decimal
/// TEXT because SQL INTEGER is signed 64-bit on both SQLite and PostgreSQL and cannot hold every ulong.
/// </summary>
internal static class ManifestRow
{
    /// <summary>Binds every manifest field as a named parameter (@run_id, @kind, …).</summary>
    public static void Bind(DbCommand command, RunManifest manifest)
    {
        Add(command, "@run_id", manifest.RunId);
        Add(command, "@kind", manifest.Kind);
        Add(command, "@scenario", manifest.Scenario);
        Add(command, "@scenario_sha256", manifest.ScenarioSha256);
        Add(command, "@scenario_text", manifest.ScenarioText);
        Add(command, "@policy", manifest.Policy);
        Add(command, "@seed", manifest.Seed.ToString(CultureInfo.InvariantCulture));
        Add(command, "@runs", manifest.Runs);
        Add(command, "@months", manifest.Months);
        Add(command, "@parameter_draws", manifest.ParameterDraws);
        Add(command, "@batch_size", manifest.BatchSize);
        Add(command, "@code_version", manifest.CodeVersion);
        Add(command, "@command_line", manifest.CommandLine);
    }

    /// <summary>Reads a manifest from a row selected with the columns in the order <see cref="RunStoreSql"/> lists them.</summary>
    public static RunManifest Read(DbDataReader reader) => new(
        RunId: reader.GetString(0),
        Kind: reader.GetString(1),
        Scenario: reader.GetString(2),
        ScenarioSha256: reader.GetString(3),
        ScenarioText: reader.GetString(4),
        Policy: reader.GetString(5),
        Seed: ulong.Parse(reader.GetString(6), NumberStyles.None, CultureInfo.InvariantCulture),
        Runs: reader.GetInt32(7),
        Months: reader.GetInt32(8),
        ParameterDraws: reader.GetInt32(9),
        BatchSize: reader.GetInt32(10),
        CodeVersion: reader.GetString(11),
        CommandLine: reader.GetString(12));

    /// <summary>Adds one named parameter.</summary>
    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
