-- A Brickrun history file as schema version 3 wrote it (frozen: never edit; add schema-v4.sql
-- etc. when later versions exist): version 2 and the retries of version 3 (runs and presets).
-- tst_database builds a file from it and opens it with the current code, which must migrate it
-- without losing a row. Statements end with ";" at the end of a line.
CREATE TABLE runs ( id INTEGER PRIMARY KEY AUTOINCREMENT, profile TEXT NOT NULL DEFAULT '', host TEXT NOT NULL DEFAULT '', run_name TEXT NOT NULL DEFAULT '', task_key TEXT NOT NULL DEFAULT '', notebook_path TEXT NOT NULL DEFAULT '', cluster_id TEXT NOT NULL DEFAULT '', parameters TEXT NOT NULL DEFAULT '[]', parameter_values TEXT NOT NULL DEFAULT '', queue_enabled INTEGER NOT NULL DEFAULT 1, timeout_seconds INTEGER NOT NULL DEFAULT 0, idempotency_token TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT 'brickrun', tracking TEXT NOT NULL DEFAULT 'submitting' CHECK (tracking IN  ('submitting', 'active', 'finished', 'vanished', 'submit_failed')), run_id INTEGER NOT NULL DEFAULT 0, task_run_id INTEGER NOT NULL DEFAULT 0, run_page_url TEXT NOT NULL DEFAULT '', life_cycle_state TEXT NOT NULL DEFAULT '', result_state TEXT NOT NULL DEFAULT '', state_message TEXT NOT NULL DEFAULT '', user_cancelled_or_timed_out INTEGER NOT NULL DEFAULT 0, submitted_at_ms INTEGER NOT NULL DEFAULT 0, start_time_ms INTEGER NOT NULL DEFAULT 0, end_time_ms INTEGER NOT NULL DEFAULT 0, updated_at_ms INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '');
CREATE TABLE run_outputs ( record_id INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE, task_run_id INTEGER NOT NULL DEFAULT 0, has_notebook_result INTEGER NOT NULL DEFAULT 0, notebook_result TEXT NOT NULL DEFAULT '', truncated INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '', error_trace TEXT NOT NULL DEFAULT '', logs TEXT NOT NULL DEFAULT '', logs_truncated INTEGER NOT NULL DEFAULT 0);
CREATE TABLE state_changes ( id INTEGER PRIMARY KEY AUTOINCREMENT, record_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, at_ms INTEGER NOT NULL, life_cycle_state TEXT NOT NULL DEFAULT '', result_state TEXT NOT NULL DEFAULT '', state_message TEXT NOT NULL DEFAULT '', user_cancelled_or_timed_out INTEGER NOT NULL DEFAULT 0);
CREATE TABLE presets ( name TEXT PRIMARY KEY NOT NULL, profile TEXT NOT NULL DEFAULT '', run_name TEXT NOT NULL DEFAULT '', task_key TEXT NOT NULL DEFAULT '', notebook_path TEXT NOT NULL DEFAULT '', cluster_id TEXT NOT NULL DEFAULT '', parameters TEXT NOT NULL DEFAULT '[]', queue_enabled INTEGER NOT NULL DEFAULT 1, timeout_seconds INTEGER NOT NULL DEFAULT 0, updated_at_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX runs_by_submitted ON runs(submitted_at_ms, id);
CREATE INDEX runs_by_profile ON runs(profile, submitted_at_ms, id);
CREATE INDEX runs_by_host_run_id ON runs(host, run_id);
CREATE INDEX runs_active ON runs(submitted_at_ms, id) WHERE tracking IN ('submitting', 'active');
CREATE INDEX state_changes_by_record ON state_changes(record_id, id);
CREATE INDEX runs_by_run_name ON runs(run_name COLLATE NOCASE, submitted_at_ms, id);
CREATE INDEX runs_by_notebook ON runs(notebook_path COLLATE NOCASE, submitted_at_ms, id);
CREATE INDEX runs_by_cluster ON runs(cluster_id, submitted_at_ms, id);
CREATE INDEX runs_by_state ON runs(life_cycle_state, result_state, submitted_at_ms, id);
CREATE INDEX runs_by_duration ON runs((CASE WHEN start_time_ms > 0 AND end_time_ms >= start_time_ms THEN end_time_ms - start_time_ms END), submitted_at_ms, id);
CREATE INDEX runs_by_run_id ON runs(run_id, submitted_at_ms, id);
ALTER TABLE runs ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN min_retry_interval_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN retry_on_timeout INTEGER NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN attempt_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE presets ADD COLUMN max_retries INTEGER NOT NULL DEFAULT 0;
ALTER TABLE presets ADD COLUMN min_retry_interval_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE presets ADD COLUMN retry_on_timeout INTEGER NOT NULL DEFAULT 0;
-- A finished run with its output and two state changes, an active one, a preset.
INSERT INTO runs (id, profile, host, run_name, task_key, notebook_path, cluster_id, parameters, parameter_values, queue_enabled, timeout_seconds, idempotency_token, source, tracking, run_id, task_run_id, run_page_url, life_cycle_state, result_state, state_message, submitted_at_ms, start_time_ms, end_time_ms, updated_at_ms) VALUES (1, 'work', 'https://adb-1.2.azuredatabricks.net', 'nightly load', 'main', '/Repos/etl/load', '0923-164208-abcd123', '[["date","2024-05-01"],["mode","full"]]', '2024-05-01' || char(31) || 'full', 1, 3600, '6f1d1f6e-1111-4b8e-9c2a-3f1d2e4a5b6c', 'brickrun', 'finished', 455644833, 455644834, 'https://adb-1.2.azuredatabricks.net/#job/1/run/455644833', 'TERMINATED', 'SUCCESS', '', 1714550400000, 1714550402000, 1714550460000, 1714550465000);
INSERT INTO run_outputs (record_id, task_run_id, has_notebook_result, notebook_result) VALUES (1, 455644834, 1, '{"rows": 42}');
INSERT INTO state_changes (record_id, at_ms, life_cycle_state) VALUES (1, 1714550401000, 'RUNNING');
INSERT INTO state_changes (record_id, at_ms, life_cycle_state, result_state) VALUES (1, 1714550461000, 'TERMINATED', 'SUCCESS');
INSERT INTO runs (id, profile, host, run_name, notebook_path, cluster_id, tracking, run_id, life_cycle_state, submitted_at_ms, updated_at_ms) VALUES (2, 'work', 'https://adb-1.2.azuredatabricks.net', 'still going', '/Repos/etl/load', '0923-164208-abcd123', 'active', 455644900, 'RUNNING', 1714550500000, 1714550500000);
INSERT INTO presets (name, profile, run_name, task_key, notebook_path, cluster_id, parameters) VALUES ('Nightly', 'work', 'nightly load', 'main', '/Repos/etl/load', '0923-164208-abcd123', '[["date","2024-05-01"]]');
PRAGMA user_version = 3;
