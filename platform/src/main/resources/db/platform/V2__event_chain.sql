-- The tamper-evident hash chain over the event log: one link per stored event, written in the appending
-- transaction while the append lock is held (CommitOrderedJdbcEventStorageEngine). No foreign key, so that a
-- deleted event shows up as a link without its event instead of being prevented silently by the owner.
CREATE TABLE event_chain (
    global_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    link             BYTEA        NOT NULL,
    PRIMARY KEY (global_index),
    UNIQUE (event_identifier)
);

-- Axon writes timeStamp as ISO-8601 text with an explicit offset ('Z'), so converting it does not depend on
-- the session's time zone; that is what makes declaring this IMMUTABLE (and indexing it) sound.
CREATE FUNCTION ope_event_time(stamp VARCHAR) RETURNS TIMESTAMPTZ
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT CAST(stamp AS TIMESTAMPTZ) $$;

CREATE INDEX domain_event_time ON DomainEventEntry (ope_event_time(timeStamp));

-- The key pair that signs audit checkpoints when none is configured (ope.audit.signing.*): generated on the
-- first start that needs it.
CREATE TABLE audit_signing_key (
    id          SMALLINT     NOT NULL CHECK (id = 1),
    algorithm   VARCHAR(32)  NOT NULL,
    private_key BYTEA        NOT NULL,
    public_key  BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (id)
);
