-- A counter of committed changes to what the KPI report is computed from (kpi_delegation, kpi_offer, kpi_target,
-- operator_view), so that a report computed for a year can be answered again until the next change. The triggers
-- bump it at most once per transaction, in that transaction: a reader that sees the new value also sees every change
-- it counts, whichever process wrote them (projection, replay, dead-letter retry, migration).
CREATE TABLE kpi_change (
    id  BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    seq BIGINT  NOT NULL
);
INSERT INTO kpi_change (id, seq) VALUES (TRUE, 0);

CREATE FUNCTION kpi_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the setting is local to the transaction (and undone with a rolled-back savepoint, as the update is)
    IF current_setting('ope.kpi_changed_in', true) IS DISTINCT FROM pg_current_xact_id()::text THEN
        UPDATE kpi_change SET seq = seq + 1;
        PERFORM set_config('ope.kpi_changed_in', pg_current_xact_id()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER kpi_delegation_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_delegation
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_changed();
CREATE TRIGGER kpi_offer_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_offer
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_changed();
CREATE TRIGGER kpi_target_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON kpi_target
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_changed();
CREATE TRIGGER operator_view_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON operator_view
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_changed();
