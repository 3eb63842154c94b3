-- The first answer to each POST that carried an Idempotency-Key, per user, so that a retry with the same key
-- and body gets the same answer and records nothing new. status 0 marks a request still in progress.
CREATE TABLE idempotency_record (
    actor        VARCHAR(200) NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    method       VARCHAR(10)  NOT NULL,
    path         VARCHAR(2000) NOT NULL,
    request_hash CHAR(64)     NOT NULL,
    status       INTEGER      NOT NULL,
    content_type VARCHAR(200),
    location     VARCHAR(2000),
    etag         VARCHAR(200),
    body         BYTEA,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, idem_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
