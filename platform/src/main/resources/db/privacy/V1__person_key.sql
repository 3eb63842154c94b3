-- One data key per data subject (R9). Erasure destroys the key (data_key NULL) and records when; the row
-- stays so that an auditor sees that, and when, a person was erased.
CREATE TABLE person_key (
    person_id  VARCHAR(64) PRIMARY KEY,
    data_key   BYTEA,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    erased_at  TIMESTAMPTZ
);
