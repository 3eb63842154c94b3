-- The board follows the whole lifecycle: screening, routing, closure. Child tables hold one delegation's
-- assignments, programme items, scope requests and refusals; all are owned by the delegation-board projection.
ALTER TABLE delegation_board
    ADD COLUMN repeat_request                  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN earlier_requests                TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN business_opportunity_assessment TEXT,
    ADD COLUMN lead_operator                   VARCHAR(32),
    ADD COLUMN supporting_operators            TEXT[]  NOT NULL DEFAULT '{}',
    ADD COLUMN routing_version                 BIGINT,
    ADD COLUMN routing_override                BOOLEAN,
    ADD COLUMN routing_reason                  TEXT,
    ADD COLUMN closing_reason                  TEXT,
    ADD COLUMN outcome                         JSONB;
CREATE INDEX delegation_board_status ON delegation_board (status, board_position);
CREATE INDEX delegation_board_operators ON delegation_board USING GIN (operators);

CREATE TABLE delegation_assignment (
    delegation_id    VARCHAR(64) NOT NULL,
    operator_id      VARCHAR(32) NOT NULL,
    role             VARCHAR(16) NOT NULL,
    state            VARCHAR(16) NOT NULL,
    offered_at       TIMESTAMPTZ NOT NULL,
    due_at           TIMESTAMPTZ NOT NULL,
    answered_at      TIMESTAMPTZ,
    reason           TEXT,
    returned_to_desk BOOLEAN     NOT NULL DEFAULT FALSE,
    position         BIGINT      NOT NULL,
    PRIMARY KEY (delegation_id, operator_id)
);
CREATE INDEX delegation_assignment_operator ON delegation_assignment (operator_id, state);

CREATE TABLE delegation_programme_item (
    delegation_id    VARCHAR(64)  NOT NULL,
    item_id          VARCHAR(64)  NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    title            VARCHAR(300) NOT NULL,
    starts_at        TIMESTAMPTZ  NOT NULL,
    ends_at          TIMESTAMPTZ  NOT NULL,
    venue_id         VARCHAR(64),
    host_id          VARCHAR(64),
    host_is_hospital BOOLEAN      NOT NULL,
    planned_by       VARCHAR(32),
    payer            VARCHAR(200),
    basis            TEXT,
    amount           NUMERIC(14, 2),
    currency         VARCHAR(3),
    confirmed        BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (delegation_id, item_id)
);

CREATE TABLE delegation_scope_request (
    delegation_id   VARCHAR(64) NOT NULL,
    request_id      VARCHAR(64) NOT NULL,
    themes          TEXT[]      NOT NULL,
    reason          TEXT,
    state           VARCHAR(16) NOT NULL,
    decision_reason TEXT,
    PRIMARY KEY (delegation_id, request_id)
);

CREATE TABLE delegation_refusal (
    delegation_id VARCHAR(64) NOT NULL,
    version       BIGINT      NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    code          VARCHAR(64) NOT NULL,
    reason        TEXT,
    item_ids      TEXT[]      NOT NULL DEFAULT '{}',
    refused_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (delegation_id, version)
);

-- Names of partners and venues, for schedules and views (reference-names projection).
CREATE TABLE partner_name (
    partner_id VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    hospital   BOOLEAN      NOT NULL
);
CREATE TABLE venue_name (
    venue_id VARCHAR(64)  PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    address  TEXT,
    capacity INTEGER      NOT NULL
);

-- The one-point-entry schedule: every programme item ever planned, with its calendar sequence (schedule projection).
CREATE TABLE schedule_item (
    delegation_id VARCHAR(64)  NOT NULL,
    item_id       VARCHAR(64)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    starts_at     TIMESTAMPTZ  NOT NULL,
    ends_at       TIMESTAMPTZ  NOT NULL,
    venue_id      VARCHAR(64),
    host_id       VARCHAR(64),
    status        VARCHAR(16)  NOT NULL,
    removed       BOOLEAN      NOT NULL DEFAULT FALSE,
    sequence      INTEGER      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    changed_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL,
    PRIMARY KEY (delegation_id, item_id)
);
CREATE INDEX schedule_item_time ON schedule_item (starts_at, ends_at);
CREATE INDEX schedule_item_venue ON schedule_item (venue_id, starts_at);
CREATE INDEX schedule_item_host ON schedule_item (host_id, starts_at);
CREATE TABLE schedule_delegation (
    delegation_id VARCHAR(64)  PRIMARY KEY,
    organisation  VARCHAR(200) NOT NULL,
    operators     TEXT[]       NOT NULL DEFAULT '{}',
    status        VARCHAR(16)  NOT NULL,
    version       BIGINT       NOT NULL
);

-- KPI actuals (kpi projection): one row per delegation and one per assignment offer.
CREATE TABLE kpi_delegation (
    delegation_id    VARCHAR(64)  PRIMARY KEY,
    year             INTEGER      NOT NULL,
    delegation_type  VARCHAR(32)  NOT NULL,
    origin_province  VARCHAR(100) NOT NULL,
    lead_operator    VARCHAR(32),
    completed        BOOLEAN      NOT NULL DEFAULT FALSE,
    investment_leads INTEGER      NOT NULL DEFAULT 0,
    mous             INTEGER      NOT NULL DEFAULT 0,
    version          BIGINT       NOT NULL
);
CREATE INDEX kpi_delegation_year ON kpi_delegation (year);
CREATE TABLE kpi_offer (
    delegation_id VARCHAR(64) NOT NULL,
    offer_version BIGINT      NOT NULL,
    operator_id   VARCHAR(32) NOT NULL,
    role          VARCHAR(16) NOT NULL,
    state         VARCHAR(16) NOT NULL,
    offered_at    TIMESTAMPTZ NOT NULL,
    answered_at   TIMESTAMPTZ,
    version       BIGINT      NOT NULL,
    PRIMARY KEY (delegation_id, offer_version)
);
CREATE INDEX kpi_offer_operator ON kpi_offer (delegation_id, operator_id);
