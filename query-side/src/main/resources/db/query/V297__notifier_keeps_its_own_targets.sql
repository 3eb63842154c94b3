-- The notifier (processing group notifications) keeps the recipients and webhooks it tells in tables of its own,
-- written by its own handlers in the order of the events: it read them from the settings' view (processing group
-- notification-settings), which another processor writes, so a recipient added just before an offer was often not
-- there yet when the offer was decided, and the new address was never told. Rebuilt by a replay of the group.
CREATE TABLE notifier_recipient (
    recipient_id VARCHAR(64)  PRIMARY KEY,
    owner        VARCHAR(32)  NOT NULL,
    address      VARCHAR(254) NOT NULL,
    language     VARCHAR(2)   NOT NULL
);
CREATE INDEX notifier_recipient_owner ON notifier_recipient (owner);

CREATE TABLE notifier_webhook (
    webhook_id VARCHAR(64)   PRIMARY KEY,
    owner      VARCHAR(32)   NOT NULL,
    url        VARCHAR(2000) NOT NULL
);
CREATE INDEX notifier_webhook_owner ON notifier_webhook (owner);

-- an existing system: the settings as its view holds them now, which the notifier read until this step
INSERT INTO notifier_recipient (recipient_id, owner, address, language)
SELECT recipient_id, owner, address, language FROM notification_recipient;
INSERT INTO notifier_webhook (webhook_id, owner, url)
SELECT webhook_id, owner, url FROM notification_webhook;

-- The notifier's reset empties its targets with its other tables (V270, with V296's lock wait, otherwise unchanged).
CREATE OR REPLACE FUNCTION projection_reset(projection text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
    SET search_path FROM CURRENT SET lock_timeout = '500ms' AS $$
DECLARE
    tables text[] := CASE projection
        WHEN 'delegation-board' THEN ARRAY['delegation_refusal', 'delegation_scope_request',
            'delegation_programme_item', 'delegation_assignment', 'delegation_board']
        WHEN 'schedule' THEN ARRAY['schedule_item', 'schedule_delegation', 'schedule_conflict']
        WHEN 'kpi' THEN ARRAY['kpi_offer', 'kpi_delegation']
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
