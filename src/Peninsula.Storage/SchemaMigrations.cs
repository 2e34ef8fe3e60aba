namespace Peninsula.Storage;

/// <summary>
/// The ordered schema history shared by every run-store implementation. Append new steps; never edit
/// a shipped one, because databases already at that version will not run it again.
/// </summary>
internal static class SchemaMigrations
{
    /// <summary>All migrations, oldest first.</summary>
    public static IReadOnlyList<SchemaMigration> All { get; } =
    [
        new(1, "runs and batches",
        [
            """
            CREATE TABLE runs (
                run_id TEXT NOT NULL PRIMARY KEY,
                created_order INTEGER NOT NULL,
                kind TEXT NOT NULL,
                scenario TEXT NOT NULL,
                scenario_sha256 TEXT NOT NULL,
                scenario_text TEXT NOT NULL,
                policy TEXT NOT NULL,
                seed TEXT NOT NULL,
                runs INTEGER NOT NULL,
                months INTEGER NOT NULL,
                parameter_draws INTEGER NOT NULL,
                batch_size INTEGER NOT NULL,
                code_version TEXT NOT NULL,
                command_line TEXT NOT NULL,
                completed INTEGER NOT NULL DEFAULT 0,
                forecast_json TEXT NULL
            )
            """,
            "CREATE UNIQUE INDEX runs_created_order ON runs (created_order)",
            """
            CREATE TABLE batches (
                run_id TEXT NOT NULL REFERENCES runs (run_id),
                batch_index INTEGER NOT NULL,
                payload BLOB NOT NULL,
                PRIMARY KEY (run_id, batch_index)
            )
            """,
        ]),
    ];

    /// <summary>The newest schema version this code knows.</summary>
    public static int Latest => All[^1].Version;
}
