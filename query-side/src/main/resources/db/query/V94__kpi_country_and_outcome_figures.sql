-- KPIs count per year of receipt (DelegationRegisteredEvent revision 2: dateReceived) and China-specific figures
-- count Chinese delegations only (country); completed delegations carry the outcome's figures
-- (DelegationCompletedEvent revision 2). Rows projected before this read exactly as the new handlers would write
-- them: a revision-1 registration is Chinese and received on its registration day in Copenhagen, so its year is
-- unchanged, and a revision-1 outcome reports each new figure as 0.
ALTER TABLE kpi_delegation
    ADD COLUMN country               VARCHAR(2) NOT NULL DEFAULT 'CN',
    ADD COLUMN companies_established INTEGER    NOT NULL DEFAULT 0,
    ADD COLUMN jobs_created          INTEGER    NOT NULL DEFAULT 0,
    ADD COLUMN tourists              INTEGER    NOT NULL DEFAULT 0,
    ADD COLUMN overnight_stays       INTEGER    NOT NULL DEFAULT 0;
