-- Every dead letter an administrator evicted: which event, from which projection, why and by whom. The event
-- itself stays in the event store; this is the record that it was knowingly left out of a projection.
CREATE TABLE dead_letter_eviction (
    dead_letter_id      VARCHAR(255)  PRIMARY KEY,
    projection          VARCHAR(255)  NOT NULL,
    sequence_identifier VARCHAR(255)  NOT NULL,
    sequence_index      BIGINT        NOT NULL,
    event_identifier    VARCHAR(255)  NOT NULL,
    payload_type        VARCHAR(255)  NOT NULL,
    cause_type          VARCHAR(255),
    cause_message       VARCHAR(1023),
    reason              TEXT          NOT NULL,
    evicted_by          VARCHAR(255)  NOT NULL,
    evicted_at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX dead_letter_eviction_projection ON dead_letter_eviction (projection, evicted_at);
