-- The desk's board: one row per delegation, rebuilt from events by the delegation-board projection.
CREATE TABLE delegation_board (
    delegation_id           VARCHAR(64)  PRIMARY KEY,
    board_position          BIGINT       NOT NULL,
    status                  VARCHAR(32)  NOT NULL,
    channel                 VARCHAR(64)  NOT NULL,
    requesting_organisation VARCHAR(200) NOT NULL,
    origin_province         VARCHAR(100) NOT NULL,
    origin_city             VARCHAR(100),
    delegation_type         VARCHAR(32)  NOT NULL,
    political_level         VARCHAR(32)  NOT NULL,
    head_count              INTEGER      NOT NULL,
    wished_from             DATE         NOT NULL,
    wished_to               DATE         NOT NULL,
    themes                  TEXT[]       NOT NULL,
    purpose                 TEXT,
    business_opportunity    TEXT,
    registered_at           TIMESTAMPTZ  NOT NULL,
    registered_by           VARCHAR(200),
    version                 BIGINT       NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX delegation_board_position ON delegation_board (board_position);
