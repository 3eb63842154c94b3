-- R8: earlier requests, to flag a request from the same organisation on overlapping themes within 24 months.
CREATE TABLE delegation_request_history (
    delegation_id    VARCHAR(64)  PRIMARY KEY,
    organisation_key VARCHAR(200) NOT NULL,
    themes           TEXT[]       NOT NULL,
    registered_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX delegation_request_history_organisation ON delegation_request_history (organisation_key, registered_at);

-- R6: the venues and hosts booked by confirmed programme items.
CREATE TABLE programme_booking (
    delegation_id VARCHAR(64) NOT NULL,
    item_id       VARCHAR(64) NOT NULL,
    resource_kind VARCHAR(8)  NOT NULL,
    resource_id   VARCHAR(64) NOT NULL,
    starts_at     TIMESTAMPTZ NOT NULL,
    ends_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, resource_kind)
);
CREATE INDEX programme_booking_resource ON programme_booking (resource_kind, resource_id, starts_at);
