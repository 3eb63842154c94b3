-- Every place a data subject appears, with the personal fields opened for the desk (right of access, R9).
-- An erasure drops the clear values and marks the rows erased.
CREATE TABLE personal_data (
    person_id    VARCHAR(64)  NOT NULL,
    source_type  VARCHAR(32)  NOT NULL,
    source_id    VARCHAR(64)  NOT NULL,
    entry_id     VARCHAR(64)  NOT NULL,
    name         TEXT,
    title        TEXT,
    email        TEXT,
    phone        TEXT,
    organisation VARCHAR(200),
    contact      BOOLEAN      NOT NULL DEFAULT false,
    removed      BOOLEAN      NOT NULL DEFAULT false,
    erased       BOOLEAN      NOT NULL DEFAULT false,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source_type, entry_id)
);
CREATE INDEX personal_data_person ON personal_data (person_id);
CREATE INDEX personal_data_source ON personal_data (source_id);
