-- R8 counts its 24-month window from the date a request reached the desk, which can be before its registration.
-- Requests registered before the desk recorded that date count as received on their registration day in
-- Copenhagen, as their events read (revision 1 of DelegationRegisteredEvent is upcast the same way).
ALTER TABLE delegation_request_history ADD COLUMN received_on DATE;
UPDATE delegation_request_history SET received_on = (registered_at AT TIME ZONE 'Europe/Copenhagen')::date;
ALTER TABLE delegation_request_history ALTER COLUMN received_on SET NOT NULL;
CREATE INDEX delegation_request_history_received ON delegation_request_history (organisation_key, received_on);
