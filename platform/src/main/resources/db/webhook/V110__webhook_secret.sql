-- The signing secrets of webhook subscriptions. A secret is never part of an event (the log is forever and is
-- exported to auditors); it is written here in the same transaction as the event that names its version.
CREATE TABLE webhook_secret (
    webhook_id     VARCHAR(64)  NOT NULL,
    secret_version INTEGER      NOT NULL,
    secret         VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    valid_until    TIMESTAMPTZ,
    PRIMARY KEY (webhook_id, secret_version)
);
