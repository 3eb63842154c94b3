-- The desk's imports of its earlier records from CSV files: one row per run (a dry run or a real one), one per
-- line a run has judged, and, per file, the lines that real runs recorded, so that no line is recorded twice.
CREATE TABLE import_run (
    id               TEXT PRIMARY KEY,
    file_sha256      TEXT NOT NULL,
    dry_run          BOOLEAN NOT NULL,
    actor            TEXT NOT NULL,
    state            TEXT NOT NULL,
    file_bytes       BIGINT NOT NULL,
    lines_total      INTEGER NOT NULL,
    lines_read       INTEGER NOT NULL DEFAULT 0,
    recorded         INTEGER NOT NULL DEFAULT 0,
    already_recorded INTEGER NOT NULL DEFAULT 0,
    refused          INTEGER NOT NULL DEFAULT 0,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ,
    failure_code     TEXT,
    failure_detail   TEXT
);
CREATE INDEX import_run_file ON import_run (file_sha256, started_at);

CREATE TABLE import_line (
    run_id        TEXT NOT NULL REFERENCES import_run (id),
    line_number   INTEGER NOT NULL,
    outcome       TEXT NOT NULL,
    delegation_id TEXT,
    code          TEXT,
    detail        TEXT,
    errors        TEXT,
    PRIMARY KEY (run_id, line_number)
);

CREATE TABLE import_recorded_line (
    file_sha256   TEXT NOT NULL,
    line_number   INTEGER NOT NULL,
    delegation_id TEXT NOT NULL,
    run_id        TEXT NOT NULL,
    PRIMARY KEY (file_sha256, line_number)
);
