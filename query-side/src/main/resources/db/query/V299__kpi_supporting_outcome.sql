-- A supporting operator's own outcome of a completed visit (SupportingOutcomeReportedEvent), one row per delegation
-- and operator: a later report replaces the earlier one. Its figures count in that operator's KPIs beside the
-- figures of the visits it led; the delegation's own view shows the rows. Written by the KPI projection only, and
-- counted by kpi_change (V150) like the KPI's other tables.
CREATE TABLE kpi_supporting_outcome (
    delegation_id         VARCHAR(64) NOT NULL,
    operator_id           VARCHAR(32) NOT NULL,
    summary               TEXT        NOT NULL,
    investment_leads      INTEGER     NOT NULL,
    companies             TEXT[]      NOT NULL,
    mous                  TEXT[]      NOT NULL,
    companies_established INTEGER,
    jobs_created          INTEGER,
    tourists              INTEGER,
    overnight_stays       INTEGER,
    reported_at           TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL,
    PRIMARY KEY (delegation_id, operator_id)
);
CREATE INDEX kpi_supporting_outcome_operator ON kpi_supporting_outcome (operator_id);

CREATE TRIGGER kpi_supporting_outcome_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_supporting_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_changed();

-- The KPI projection's reset empties the new table with its others (V297's function, otherwise unchanged).
CREATE OR REPLACE FUNCTION projection_reset(projection text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '500ms' AS $$
DECLARE
    tables text[] := CASE projection
        WHEN 'delegation-board' THEN ARRAY['delegation_refusal', 'delegation_scope_request',
            'delegation_programme_item', 'delegation_assignment', 'delegation_board']
        WHEN 'schedule' THEN ARRAY['schedule_item', 'schedule_delegation', 'schedule_conflict']
        WHEN 'kpi' THEN ARRAY['kpi_supporting_outcome', 'kpi_offer', 'kpi_delegation']
        WHEN 'annual-report' THEN ARRAY['annual_report_delegation']
        WHEN 'notifications' THEN ARRAY['notification_item', 'notification_assignment', 'notification_delegation',
            'notifier_recipient', 'notifier_webhook']
        WHEN 'personal-data' THEN ARRAY['personal_data']
    END;
    t text;
BEGIN
    IF tables IS NULL THEN
        RAISE EXCEPTION 'projection_reset: no tables are listed for the projection %', projection
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    BEGIN
        EXECUTE 'TRUNCATE ' || (SELECT string_agg(quote_ident(x), ', ') FROM unnest(tables) AS x);
    EXCEPTION WHEN lock_not_available THEN
        RAISE WARNING 'the tables of % were busy: deleting their rows instead of truncating them', projection;
        FOREACH t IN ARRAY tables LOOP
            EXECUTE 'DELETE FROM ' || quote_ident(t);
        END LOOP;
    END;
END
$$;
