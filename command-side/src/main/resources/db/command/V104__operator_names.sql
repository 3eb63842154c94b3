-- The operators' names as people read them (ReadAlike's key), so that a second operator cannot be registered, or one
-- renamed, under a name another already has: the inboxes, the board's filter and the KPI report named two operators
-- alike. Not unique: a history from before may hold two alike, and its rebuild must not fail on them.
CREATE TABLE operator_name (
    operator_id VARCHAR(64) PRIMARY KEY,
    name_key    TEXT        NOT NULL
);
CREATE INDEX operator_name_key ON operator_name (name_key);

-- Filled from the history at the next start (LookupRebuildDue).
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'operator_name', 'operator names compared as people read them, from the operators recorded so far'
WHERE EXISTS (SELECT 1 FROM routing_rule);
