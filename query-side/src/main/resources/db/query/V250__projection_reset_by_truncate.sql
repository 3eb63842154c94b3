-- The resets of the projections with the largest tables empty them with TRUNCATE, as the board's does (V240): DELETE
-- left every row dead until autovacuum came by, and the replay inserted the same keys again into tables and indexes
-- full of dead entries.
--
-- The application's role may lack TRUNCATE (docs/database-roles.md), so the function runs with its owner's rights.
-- It truncates only the tables listed here for the projection named, which that projection alone writes and which a
-- role that may DELETE from them could empty anyway; any other name is refused. The KPI tables' statement triggers
-- (V150) fire on TRUNCATE too, so a kept KPI report is computed again.
--
-- TRUNCATE waits for every transaction reading the tables and holds back new readers until the reset commits; a
-- reader that keeps them longer than lock_timeout gets the rows deleted as before instead of stalling its view.
CREATE FUNCTION projection_reset(projection text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '2s' AS $$
DECLARE
    tables text[] := CASE projection
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
