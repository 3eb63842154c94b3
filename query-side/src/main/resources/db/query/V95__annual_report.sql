-- The annual report (annual-report projection): one row per delegation with its year of receipt, origin, kind,
-- what became of it (open, completed, or not realised: declined, cancelled, withdrawn) and its outcome's figures.
CREATE TABLE annual_report_delegation (
    delegation_id         VARCHAR(64)  PRIMARY KEY,
    year                  INTEGER      NOT NULL,
    date_received         DATE         NOT NULL,
    organisation          VARCHAR(200) NOT NULL,
    country               VARCHAR(2)   NOT NULL,
    origin_province       VARCHAR(100),
    delegation_type       VARCHAR(32)  NOT NULL,
    sector                VARCHAR(16)  NOT NULL,
    status                VARCHAR(16)  NOT NULL,
    reason                TEXT,
    investment_leads      INTEGER      NOT NULL DEFAULT 0,
    mous                  INTEGER      NOT NULL DEFAULT 0,
    companies_established INTEGER      NOT NULL DEFAULT 0,
    jobs_created          INTEGER      NOT NULL DEFAULT 0,
    tourists              INTEGER      NOT NULL DEFAULT 0,
    overnight_stays       INTEGER      NOT NULL DEFAULT 0,
    version               BIGINT       NOT NULL
);
CREATE INDEX annual_report_delegation_year ON annual_report_delegation (year, status);
