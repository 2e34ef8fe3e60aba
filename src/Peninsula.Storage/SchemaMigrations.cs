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
        new(2, "historical event base (hist_ tables)",
        [
            """
            CREATE TABLE hist_import (
                import_key INTEGER NOT NULL PRIMARY KEY CHECK (import_key = 1),
                data_sha256 TEXT NOT NULL,
                until_month TEXT NULL,
                first_month TEXT NOT NULL,
                last_month TEXT NOT NULL,
                administration_rows INTEGER NOT NULL,
                event_rows INTEGER NOT NULL,
                exercise_rows INTEGER NOT NULL,
                missile_launch_rows INTEGER NOT NULL,
                monthly_rows INTEGER NOT NULL,
                nuclear_test_rows INTEGER NOT NULL,
                policy_phase_rows INTEGER NOT NULL,
                weapons_pipeline_rows INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE hist_administrations (
                admin_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                country TEXT NOT NULL,
                leader TEXT NOT NULL,
                party TEXT NOT NULL,
                term_start TEXT NOT NULL,
                term_end TEXT NULL,
                elected_on TEXT NULL,
                declared_dprk_policy TEXT NOT NULL,
                orientation TEXT NOT NULL,
                notes TEXT NULL,
                certainty TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE hist_policy_phases (
                phase_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                country TEXT NOT NULL,
                leader TEXT NOT NULL,
                phase_start TEXT NOT NULL,
                phase_end TEXT NULL,
                label TEXT NOT NULL,
                orientation TEXT NOT NULL,
                notes TEXT NULL
            )
            """,
            """
            CREATE TABLE hist_events (
                event_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                year_month TEXT NOT NULL,
                date TEXT NOT NULL,
                date_precision TEXT NOT NULL,
                end_date TEXT NULL,
                actor TEXT NOT NULL,
                target TEXT NOT NULL,
                category TEXT NOT NULL,
                valence TEXT NOT NULL,
                description TEXT NOT NULL,
                source TEXT NOT NULL,
                ref TEXT NULL,
                certainty TEXT NOT NULL,
                origin TEXT NOT NULL
            )
            """,
            "CREATE INDEX hist_events_year_month ON hist_events (year_month)",
            """
            CREATE TABLE hist_missile_launches (
                launch_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                year_month TEXT NOT NULL,
                launch_day_id TEXT NOT NULL,
                date TEXT NOT NULL,
                date_precision TEXT NOT NULL,
                date_basis TEXT NOT NULL,
                date_utc TEXT NULL,
                class TEXT NOT NULL,
                system TEXT NOT NULL,
                count INTEGER NULL,
                count_note TEXT NOT NULL,
                outcome TEXT NOT NULL,
                n_success INTEGER NULL,
                n_failure INTEGER NULL,
                n_unknown INTEGER NULL,
                launch_site TEXT NULL,
                max_distance_km REAL NULL,
                max_apogee_km REAL NULL,
                dataset TEXT NOT NULL,
                in_cns INTEGER NOT NULL,
                class_basis TEXT NOT NULL,
                source TEXT NOT NULL,
                notes TEXT NULL
            )
            """,
            "CREATE INDEX hist_missile_launches_year_month ON hist_missile_launches (year_month)",
            """
            CREATE TABLE hist_nuclear_tests (
                test_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                year_month TEXT NOT NULL,
                date_local TEXT NOT NULL,
                time_utc_approx TEXT NOT NULL,
                site TEXT NOT NULL,
                body_wave_magnitude REAL NOT NULL,
                body_wave_magnitude_text TEXT NOT NULL,
                yield_kt_estimate TEXT NOT NULL,
                yield_certainty TEXT NOT NULL,
                notes TEXT NOT NULL,
                sources TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE hist_exercises (
                exercise_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                year INTEGER NOT NULL,
                series TEXT NOT NULL,
                name TEXT NOT NULL,
                exercise_type TEXT NOT NULL,
                start_date TEXT NULL,
                end_date TEXT NULL,
                start_month TEXT NULL,
                end_month TEXT NULL,
                date_precision TEXT NOT NULL,
                date_basis TEXT NOT NULL,
                imputed_days_by_month TEXT NULL,
                days_counted INTEGER NOT NULL,
                scale TEXT NOT NULL,
                notes TEXT NULL,
                source TEXT NOT NULL,
                certainty TEXT NOT NULL,
                event_id TEXT NULL
            )
            """,
            """
            CREATE TABLE hist_weapons_pipeline (
                pipeline_id TEXT NOT NULL PRIMARY KEY,
                row_order INTEGER NOT NULL,
                year_month TEXT NOT NULL,
                date TEXT NOT NULL,
                date_precision TEXT NOT NULL,
                kind TEXT NOT NULL,
                system TEXT NOT NULL,
                description TEXT NOT NULL,
                event_id TEXT NULL,
                source TEXT NOT NULL,
                certainty TEXT NOT NULL,
                notes TEXT NULL
            )
            """,
            """
            CREATE TABLE hist_monthly_series (
                year_month TEXT NOT NULL PRIMARY KEY,
                year INTEGER NOT NULL,
                month INTEGER NOT NULL,
                cns_launch_days INTEGER NOT NULL,
                cns_missiles INTEGER NOT NULL,
                srbm_days INTEGER NOT NULL,
                mrbm_irbm_days INTEGER NOT NULL,
                icbm_missiles INTEGER NOT NULL,
                slbm_missiles INTEGER NOT NULL,
                slv_launches INTEGER NOT NULL,
                csis_only_ballistic_days INTEGER NOT NULL,
                cruise_days INTEGER NOT NULL,
                sam_or_rocket_days INTEGER NOT NULL,
                all_launch_days INTEGER NOT NULL,
                ev_nuclear_test INTEGER NOT NULL,
                ev_nuclear_program INTEGER NOT NULL,
                ev_sanctions_un INTEGER NOT NULL,
                ev_sanctions_unilateral INTEGER NOT NULL,
                ev_sanctions_relief INTEGER NOT NULL,
                ev_veto INTEGER NOT NULL,
                ev_agreement INTEGER NOT NULL,
                ev_summit INTEGER NOT NULL,
                ev_talks INTEGER NOT NULL,
                ev_talks_collapse INTEGER NOT NULL,
                ev_aid INTEGER NOT NULL,
                ev_provocation_interkorean INTEGER NOT NULL,
                ev_provocation_other INTEGER NOT NULL,
                ev_weapons_test_other INTEGER NOT NULL,
                ev_statement INTEGER NOT NULL,
                ev_military_posture INTEGER NOT NULL,
                ev_leadership INTEGER NOT NULL,
                ev_coop INTEGER NOT NULL,
                ev_conflict INTEGER NOT NULL,
                dprk_conflict_events INTEGER NOT NULL,
                exercise_days_full INTEGER NOT NULL,
                exercise_days_reduced INTEGER NOT NULL,
                exercise_days_imputed INTEGER NOT NULL,
                pipeline_display_or_goal INTEGER NOT NULL
            )
            """,
        ]),
    ];

    /// <summary>The newest schema version this code knows.</summary>
    public static int Latest => All[^1].Version;
}
