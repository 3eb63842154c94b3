-- Lookup tables the command side owns for rules that span aggregates (set-based validation). They are
-- written in the same transaction as the events they go with.

-- R1: the routing table, derived from the operators' themes and versioned: every change is a new version.
CREATE TABLE routing_rule (
    operator_id VARCHAR(32) PRIMARY KEY,
    themes      TEXT[]      NOT NULL
);
CREATE TABLE routing_version (
    version     BIGINT      PRIMARY KEY,
    operator_id VARCHAR(32) NOT NULL,
    themes      TEXT[]      NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- R7: one annual trip per calendar year.
CREATE TABLE annual_trip (
    year    INTEGER     PRIMARY KEY,
    trip_id VARCHAR(64) NOT NULL
);

-- Hosts and venues that programme items may name.
CREATE TABLE partner_directory (
    partner_id VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    hospital   BOOLEAN      NOT NULL
);
CREATE TABLE venue_directory (
    venue_id VARCHAR(64)  PRIMARY KEY,
    name     VARCHAR(200) NOT NULL
);
