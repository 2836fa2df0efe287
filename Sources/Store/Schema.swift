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
        migrator.registerMigration("0002-registry-audit") { db in
            try db.execute(sql: registrySchema)
        }
        migrator.registerMigration("0003-monitoring") { db in
            try db.execute(sql: monitoringSchema)
        }
        migrator.registerMigration("0004-serving") { db in
            try db.execute(sql: servingSchema)
        }
        migrator.registerMigration("0005-lessons") { db in
            try db.execute(sql: lessonSchema)
        }
        return migrator
    }()

    /// The registry and its audit trail. Only approved versions may hold staging or production, one version per
    /// stage and model (partial unique indexes, portable to PostgreSQL). The audit trail and the identity of a
    /// version cannot be changed or deleted: SQLITE triggers (PostgreSQL: a trigger function raising an exception).
    static let registrySchema = """
        ALTER TABLE run_data ADD COLUMN recipe TEXT;
        CREATE INDEX run_by_artifact ON run(artifact_sha256);

        CREATE TABLE registered_model (
            name TEXT PRIMARY KEY NOT NULL CHECK (length(name) > 0),
            created_at TEXT NOT NULL
        );

        CREATE TABLE model_version (
            model_name TEXT NOT NULL REFERENCES registered_model(name) ON DELETE RESTRICT,
            version INTEGER NOT NULL CHECK (version >= 1),
            artifact_sha256 TEXT NOT NULL CHECK (length(artifact_sha256) = 64),
            algorithm TEXT NOT NULL CHECK (length(algorithm) > 0),
            run_id INTEGER REFERENCES run(id) ON DELETE RESTRICT,
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
            stage TEXT NOT NULL CHECK (stage IN ('none', 'staging', 'production', 'archived')),
            created_by TEXT NOT NULL CHECK (length(created_by) > 0),
            created_at TEXT NOT NULL,
            note TEXT,
            PRIMARY KEY (model_name, version),
            CHECK (stage IN ('none', 'archived') OR status = 'approved')
        );
        CREATE UNIQUE INDEX model_version_one_production ON model_version(model_name) WHERE stage = 'production';
        CREATE UNIQUE INDEX model_version_one_staging ON model_version(model_name) WHERE stage = 'staging';
        CREATE INDEX model_version_by_artifact ON model_version(artifact_sha256);

        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE audit_event (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('register', 'approve', 'reject', 'promote', 'archive', 'rollback', 'refuse')),
            from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN ('none', 'staging', 'production', 'archived')),
            to_stage TEXT CHECK (to_stage IS NULL OR to_stage IN ('none', 'staging', 'production', 'archived')),
            actor TEXT NOT NULL CHECK (length(actor) > 0),
            at TEXT NOT NULL,
            note TEXT,
            FOREIGN KEY (model_name, version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        CREATE INDEX audit_event_by_model ON audit_event(model_name, id);

        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be changed'); END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be deleted'); END;
        CREATE TRIGGER model_version_no_delete BEFORE DELETE ON model_version
        BEGIN SELECT RAISE(ABORT, 'a registered model version cannot be deleted'); END;
        CREATE TRIGGER model_version_identity_fixed
        BEFORE UPDATE OF model_name, version, artifact_sha256, algorithm, run_id, created_by, created_at ON model_version
        BEGIN SELECT RAISE(ABORT, 'a registered model version cannot change its identity or artifact'); END;
        """

    /// Monitoring: baselines of registered models, observed batches with their metrics, and alert rules.
    /// Baselines and the batches' error streams are objects (content-addressed, verified on load); a batch's
    /// report is JSON beside its figures. Baselines and batches are append-only (SQLITE triggers).
    static let monitoringSchema = """
        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE monitor_baseline (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            baseline_sha256 TEXT NOT NULL CHECK (length(baseline_sha256) = 64),
            dataset_sha256 TEXT NOT NULL REFERENCES dataset_version(sha256) ON DELETE RESTRICT,
            dataset_label TEXT NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count > 0),
            created_by TEXT NOT NULL CHECK (length(created_by) > 0),
            created_at TEXT NOT NULL,
            FOREIGN KEY (model_name, version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        CREATE INDEX monitor_baseline_by_model ON monitor_baseline(model_name, id);

        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE monitor_batch (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            baseline_id INTEGER NOT NULL REFERENCES monitor_baseline(id) ON DELETE RESTRICT,
            dataset_sha256 TEXT NOT NULL REFERENCES dataset_version(sha256) ON DELETE RESTRICT,
            dataset_label TEXT NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count > 0),
            has_target INTEGER NOT NULL CHECK (has_target IN (0, 1)),
            drift_share DOUBLE PRECISION NOT NULL CHECK (drift_share >= 0 AND drift_share <= 1),
            drift_detected INTEGER NOT NULL CHECK (drift_detected IN (0, 1)),
            violation_count INTEGER NOT NULL CHECK (violation_count >= 0),
            report TEXT NOT NULL,
            errors_sha256 TEXT CHECK (errors_sha256 IS NULL OR length(errors_sha256) = 64),
            observed_by TEXT NOT NULL CHECK (length(observed_by) > 0),
            observed_at TEXT NOT NULL,
            FOREIGN KEY (model_name, version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        CREATE INDEX monitor_batch_by_model ON monitor_batch(model_name, id);

        CREATE TABLE monitor_batch_metric (
            batch_id INTEGER NOT NULL REFERENCES monitor_batch(id) ON DELETE RESTRICT,
            name TEXT NOT NULL CHECK (length(name) > 0),
            value DOUBLE PRECISION NOT NULL,
            PRIMARY KEY (batch_id, name)
        );

        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE alert_rule (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL REFERENCES registered_model(name) ON DELETE RESTRICT,
            condition TEXT NOT NULL CHECK (length(condition) > 0),
            action TEXT NOT NULL CHECK (action IN ('retrain')),
            data_label TEXT NOT NULL,
            data_recipe TEXT NOT NULL,
            options TEXT NOT NULL,
            created_by TEXT NOT NULL CHECK (length(created_by) > 0),
            created_at TEXT NOT NULL
        );
        CREATE INDEX alert_rule_by_model ON alert_rule(model_name, id);

        CREATE TRIGGER monitor_baseline_no_change BEFORE UPDATE ON monitor_baseline
        BEGIN SELECT RAISE(ABORT, 'a monitoring baseline cannot be changed; record a new one'); END;
        CREATE TRIGGER monitor_baseline_no_delete BEFORE DELETE ON monitor_baseline
        BEGIN SELECT RAISE(ABORT, 'a monitoring baseline cannot be deleted'); END;
        CREATE TRIGGER monitor_batch_no_change BEFORE UPDATE ON monitor_batch
        BEGIN SELECT RAISE(ABORT, 'an observed batch cannot be changed'); END;
        CREATE TRIGGER monitor_batch_no_delete BEFORE DELETE ON monitor_batch
        BEGIN SELECT RAISE(ABORT, 'an observed batch cannot be deleted'); END;
        """

    /// Deployments (append-only: the newest per model is in force) and captured requests; the audit trail is
    /// rebuilt to accept `deploy` events (SQLITE: a CHECK constraint cannot be altered in place).
    static let servingSchema = """
        DROP TRIGGER audit_event_no_update;
        DROP TRIGGER audit_event_no_delete;
        CREATE TABLE audit_event_new (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('register', 'approve', 'reject', 'promote', 'archive', 'rollback',
                                                   'refuse', 'deploy')),
            from_stage TEXT CHECK (from_stage IS NULL OR from_stage IN ('none', 'staging', 'production', 'archived')),
            to_stage TEXT CHECK (to_stage IS NULL OR to_stage IN ('none', 'staging', 'production', 'archived')),
            actor TEXT NOT NULL CHECK (length(actor) > 0),
            at TEXT NOT NULL,
            note TEXT,
            FOREIGN KEY (model_name, version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        INSERT INTO audit_event_new (id, model_name, version, action, from_stage, to_stage, actor, at, note)
            SELECT id, model_name, version, action, from_stage, to_stage, actor, at, note FROM audit_event;
        DROP TABLE audit_event;
        ALTER TABLE audit_event_new RENAME TO audit_event;
        CREATE INDEX audit_event_by_model ON audit_event(model_name, id);
        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be changed'); END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: an event cannot be deleted'); END;

        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE deployment (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL REFERENCES registered_model(name) ON DELETE RESTRICT,
            strategy TEXT NOT NULL CHECK (strategy IN ('direct', 'canary', 'bluegreen', 'shadow')),
            production_version INTEGER NOT NULL,
            candidate_version INTEGER,
            percent INTEGER NOT NULL CHECK (percent >= 0 AND percent <= 100),
            capture INTEGER NOT NULL CHECK (capture >= 0 AND capture <= 100),
            deployed_by TEXT NOT NULL CHECK (length(deployed_by) > 0),
            deployed_at TEXT NOT NULL,
            note TEXT,
            FOREIGN KEY (model_name, production_version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT,
            FOREIGN KEY (model_name, candidate_version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        CREATE INDEX deployment_by_model ON deployment(model_name, id);
        CREATE TRIGGER deployment_no_change BEFORE UPDATE ON deployment
        BEGIN SELECT RAISE(ABORT, 'a deployment cannot be changed; deploy again'); END;
        CREATE TRIGGER deployment_no_delete BEFORE DELETE ON deployment
        BEGIN SELECT RAISE(ABORT, 'a deployment cannot be deleted'); END;

        -- SQLITE: AUTOINCREMENT (PostgreSQL: BIGINT GENERATED ALWAYS AS IDENTITY)
        CREATE TABLE captured_request (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            model_name TEXT NOT NULL,
            version INTEGER NOT NULL,
            shadow_version INTEGER,
            columns TEXT NOT NULL,
            rows TEXT NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count > 0),
            predictions TEXT NOT NULL,
            shadow_predictions TEXT,
            received_at TEXT NOT NULL,
            batch_id INTEGER REFERENCES monitor_batch(id) ON DELETE RESTRICT,
            FOREIGN KEY (model_name, version) REFERENCES model_version(model_name, version) ON DELETE RESTRICT
        );
        CREATE INDEX captured_request_pending ON captured_request(model_name, batch_id, id);
        """

    /// Where each learner stands in each lesson: the current step and the commands that rebuild the lesson's work.
    /// Progress is a learner's own state, so a row is replaced as they go (it is not an audit trail).
    static let lessonSchema = """
        CREATE TABLE lesson_progress (
            lesson TEXT NOT NULL CHECK (length(lesson) > 0),
            learner TEXT NOT NULL CHECK (length(learner) > 0),
            lesson_sha256 TEXT NOT NULL,
            step INTEGER NOT NULL CHECK (step >= 0),
            step_count INTEGER NOT NULL CHECK (step_count > 0 AND step <= step_count),
            commands TEXT NOT NULL,
            finished_at TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (lesson, learner)
        );
        """
}
