import GRDB

extension Store {
    /// Named, append-only migrations. Never edit one that has shipped; add a new one.
    ///
    /// The SQL is portable to PostgreSQL except where marked SQLITE: `INTEGER PRIMARY KEY AUTOINCREMENT`
    /// (PostgreSQL: `BIGINT GENERATED ALWAYS AS IDENTITY`).
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-runs-datasets") { db in
            try db.execute(sql: """
                CREATE TABLE dataset_version (
                    sha256 TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
                    row_count INTEGER NOT NULL CHECK (row_count >= 0),
                    column_count INTEGER NOT NULL CHECK (column_count >= 0),
                    target TEXT,
                    origin TEXT NOT NULL,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE dataset_parent (
                    child_sha256 TEXT NOT NULL REFERENCES dataset_version(sha256) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    parent_sha256 TEXT NOT NULL REFERENCES dataset_version(sha256) ON DELETE RESTRICT,
                    PRIMARY KEY (child_sha256, position),
                    UNIQUE (child_sha256, parent_sha256),
                    CHECK (child_sha256 <> parent_sha256)
                );
                CREATE INDEX dataset_parent_by_parent ON dataset_parent(parent_sha256);

                -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    kind TEXT NOT NULL CHECK (kind IN ('train', 'evaluate', 'cv', 'tune')),
                    algorithm TEXT NOT NULL CHECK (length(algorithm) > 0),
                    seed INTEGER,
                    duration_seconds DOUBLE PRECISION NOT NULL CHECK (duration_seconds >= 0),
                    mlw_version TEXT NOT NULL,
                    session_file TEXT,
                    session_line INTEGER CHECK (session_line IS NULL OR session_line >= 1),
                    model_name TEXT,
                    artifact_sha256 TEXT CHECK (artifact_sha256 IS NULL OR length(artifact_sha256) = 64),
                    parent_run_id INTEGER REFERENCES run(id) ON DELETE RESTRICT,
                    created_at TEXT NOT NULL,
                    CHECK (parent_run_id IS NULL OR parent_run_id <> id)
                );
                CREATE INDEX run_by_algorithm ON run(algorithm);
                CREATE INDEX run_by_parent ON run(parent_run_id);

                CREATE TABLE run_parameter (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    text_value TEXT NOT NULL,
                    numeric_value DOUBLE PRECISION,
                    PRIMARY KEY (run_id, name)
                );
                CREATE INDEX run_parameter_by_name_number ON run_parameter(name, numeric_value);

                CREATE TABLE run_metric (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    name TEXT NOT NULL CHECK (length(name) > 0),
                    value DOUBLE PRECISION NOT NULL,
                    PRIMARY KEY (run_id, name)
                );
                CREATE INDEX run_metric_by_name_value ON run_metric(name, value);

                CREATE TABLE run_data (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL CHECK (position >= 0),
                    dataset_sha256 TEXT NOT NULL REFERENCES dataset_version(sha256) ON DELETE RESTRICT,
                    role TEXT NOT NULL CHECK (length(role) > 0),
                    PRIMARY KEY (run_id, position),
                    UNIQUE (run_id, role, dataset_sha256)
                );
                CREATE INDEX run_data_by_dataset ON run_data(dataset_sha256);
                """)
        }
        return migrator
    }()
}
