-- The board's reset goes through projection_reset (V250) like the other projections' resets: one function with
-- one list of tables per projection, instead of V240's function of its own beside it. Same tables, same lock timeout
-- and fallback.
CREATE OR REPLACE FUNCTION projection_reset(projection text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '2s' AS $$
DECLARE
    tables text[] := CASE projection
        WHEN 'delegation-board' THEN ARRAY['delegation_refusal', 'delegation_scope_request',
            'delegation_programme_item', 'delegation_assignment', 'delegation_board']
        WHEN 'schedule' THEN ARRAY['schedule_item', 'schedule_delegation']
        WHEN 'kpi' THEN ARRAY['kpi_offer', 'kpi_delegation']
        WHEN 'annual-report' THEN ARRAY['annual_report_delegation']
        WHEN 'notifications' THEN ARRAY['notification_item', 'notification_assignment', 'notification_delegation']
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

DROP FUNCTION delegation_board_reset();
