-- Operators as the desk sees them, with their agreed KPI targets.
CREATE TABLE operator_view (
    operator_id     VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    themes          TEXT[]       NOT NULL,
    routing_version BIGINT       NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE TABLE kpi_target (
    operator_id VARCHAR(32) NOT NULL,
    year        INTEGER     NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    target      BIGINT      NOT NULL,
    PRIMARY KEY (operator_id, year, kind)
);

-- Outgoing political trips, with participants, itinerary and report as JSON documents.
CREATE TABLE trip_view (
    trip_id              VARCHAR(64)  PRIMARY KEY,
    board_position       BIGINT       NOT NULL,
    year                 INTEGER      NOT NULL,
    title                VARCHAR(200) NOT NULL,
    destinations         TEXT[]       NOT NULL,
    start_date           DATE         NOT NULL,
    end_date             DATE         NOT NULL,
    leader               VARCHAR(200) NOT NULL,
    extraordinary        BOOLEAN      NOT NULL,
    extraordinary_reason TEXT,
    status               VARCHAR(32)  NOT NULL,
    participants         JSONB        NOT NULL DEFAULT '[]',
    itinerary            JSONB        NOT NULL DEFAULT '[]',
    report               JSONB,
    cancellation_reason  TEXT,
    version              BIGINT       NOT NULL
);
CREATE INDEX trip_view_year ON trip_view (year, start_date);
