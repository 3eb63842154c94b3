-- One person id, one name: the fingerprint (keyed by the person's own data key, so it tells nothing once the key is
-- destroyed) of the name the person was first recorded with. A member, a trip's leader or a participant given a known
-- person id under another name is refused; before, one id collected four people's names, and right of access showed
-- all of them while erasing "one" erased all.
CREATE TABLE person_name (
    person_id   VARCHAR(64) PRIMARY KEY,
    fingerprint BYTEA       NOT NULL
);

-- Filled from the history at the next start (LookupRebuildDue): persons recorded before keep the name they had first.
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'person_name', 'one name per person id, from the members, trip leaders and participants recorded so far'
WHERE EXISTS (SELECT 1 FROM delegation_request_history) OR EXISTS (SELECT 1 FROM annual_trip);
