-- Right of access is itself a read of personal data: every request that shows personal fields of people in
-- clear (right of access, member lists, trips, the audit log, timelines, states and exports) is recorded here:
-- who read whose data, when, and through which request. Auditors read it at /api/audit/personal-data-reads.
CREATE TABLE personal_data_read (
    read_id           BIGSERIAL    PRIMARY KEY,
    read_at           TIMESTAMPTZ  NOT NULL,
    actor             VARCHAR(200) NOT NULL,
    actor_role        VARCHAR(32),
    actor_operator_id VARCHAR(64),
    request           VARCHAR(2000) NOT NULL,
    person_ids        TEXT[]       NOT NULL
);
CREATE INDEX personal_data_read_at ON personal_data_read (read_at);
CREATE INDEX personal_data_read_persons ON personal_data_read USING GIN (person_ids);
