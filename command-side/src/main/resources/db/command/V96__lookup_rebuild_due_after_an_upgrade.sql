-- The command side's lookups whose keys an upgrade changed: rebuilt once from the event store at the next start
-- (LookupRebuildDue), so that no administrator has to remember a manual step. A fresh database has nothing to rebuild.
CREATE TABLE lookup_rebuild_due (
    lookup    VARCHAR(100) PRIMARY KEY,
    reason    TEXT         NOT NULL,
    due_since TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- R8's organisation key now reads Unicode spaces as spaces and drops soft hyphens and zero-width spaces; rows written
-- before keep the old key, so a repeat request from "Jiangsu<NBSP>Health" would not be flagged against them.
INSERT INTO lookup_rebuild_due (lookup, reason)
SELECT 'delegation_request_history', 'R8 organisation keys with Unicode spaces and invisible characters'
WHERE EXISTS (SELECT 1 FROM delegation_request_history);
