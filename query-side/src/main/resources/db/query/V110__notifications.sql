-- Notification settings (processing group notification-settings): who of an owner (an operator id, or desk) is
-- told by e-mail, and which webhooks receive notifications. Rebuilt from the events by a replay.
CREATE TABLE notification_recipient (
    recipient_id VARCHAR(64)  PRIMARY KEY,
    owner        VARCHAR(32)  NOT NULL,
    address      VARCHAR(254) NOT NULL,
    language     VARCHAR(2)   NOT NULL
);
CREATE INDEX notification_recipient_owner ON notification_recipient (owner);

CREATE TABLE notification_webhook (
    webhook_id     VARCHAR(64)   PRIMARY KEY,
    owner          VARCHAR(32)   NOT NULL,
    url            VARCHAR(2000) NOT NULL,
    secret_version INTEGER       NOT NULL
);
CREATE INDEX notification_webhook_owner ON notification_webhook (owner);

-- What the notifier (processing group notifications) needs to know to decide and word a notification; rebuilt
-- by a replay of the group, which sends nothing.
CREATE TABLE notification_delegation (
    delegation_id VARCHAR(64)  PRIMARY KEY,
    organisation  VARCHAR(400) NOT NULL,
    confirmed     BOOLEAN      NOT NULL DEFAULT false
);

CREATE TABLE notification_assignment (
    delegation_id VARCHAR(64) NOT NULL,
    operator_id   VARCHAR(32) NOT NULL,
    role          VARCHAR(16),
    state         VARCHAR(16) NOT NULL,
    due_at        TIMESTAMPTZ,
    remind_at     TIMESTAMPTZ,
    PRIMARY KEY (delegation_id, operator_id)
);
CREATE INDEX notification_assignment_reminder ON notification_assignment (remind_at) WHERE state = 'OFFERED';

-- Reminders queued, by assignment and deadline: kept by the sender, not rebuilt by a replay.
CREATE TABLE notification_reminder (
    delegation_id VARCHAR(64) NOT NULL,
    operator_id   VARCHAR(32) NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    queued_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (delegation_id, operator_id, due_at)
);

CREATE TABLE notification_item (
    delegation_id VARCHAR(64)  NOT NULL,
    item_id       VARCHAR(64)  NOT NULL,
    title         VARCHAR(400) NOT NULL,
    starts_at     TIMESTAMPTZ  NOT NULL,
    ends_at       TIMESTAMPTZ  NOT NULL,
    sequence      INTEGER      NOT NULL,
    removed       BOOLEAN      NOT NULL DEFAULT false,
    PRIMARY KEY (delegation_id, item_id)
);

-- The transactional outbox: written by the notifier in the same transaction as its token, keyed so that the same
-- event never yields the same message twice; delivered by the sender. Not cleared by a replay.
CREATE TABLE notification_outbox (
    id              VARCHAR(64)   PRIMARY KEY,
    message_key     VARCHAR(400)  NOT NULL UNIQUE,
    event_id        VARCHAR(100)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    owner           VARCHAR(32)   NOT NULL,
    delegation_id   VARCHAR(64),
    channel         VARCHAR(8)    NOT NULL,
    target          VARCHAR(64)   NOT NULL,
    address         VARCHAR(2000) NOT NULL,
    language        VARCHAR(2),
    subject         TEXT          NOT NULL,
    body_text       TEXT,
    body_html       TEXT,
    payload         TEXT,
    status          VARCHAR(8)    NOT NULL,
    attempts        INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    next_attempt_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    first_attempt_at TIMESTAMPTZ,
    claimed_until   TIMESTAMPTZ,
    sent_at         TIMESTAMPTZ,
    last_error      VARCHAR(1000)
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notification_outbox_status ON notification_outbox (status, created_at);

CREATE TABLE notification_attachment (
    outbox_id VARCHAR(64)  NOT NULL REFERENCES notification_outbox (id) ON DELETE CASCADE,
    position  INTEGER      NOT NULL,
    file_name VARCHAR(100) NOT NULL,
    method    VARCHAR(16)  NOT NULL,
    content   TEXT         NOT NULL,
    PRIMARY KEY (outbox_id, position)
);
